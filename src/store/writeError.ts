/**
 * A write to the store did not reach the disk (or the database) whole: a full disk (ENOSPC), a quota,
 * an I/O error, a failed flush. Nothing of it counts as stored; the caller tells the user "not saved,
 * try again" instead of a receipt. The store needs no repair afterwards: the next write works as soon
 * as there is room again.
 */
export class StoreWriteError extends Error {
  readonly code = 'STORE_WRITE_FAILED';

  constructor(
    readonly target: string,
    cause: unknown,
  ) {
    super(`could not write ${target}: ${causeText(cause)}`, { cause });
    this.name = 'StoreWriteError';
  }
}

export function isStoreWriteError(error: unknown): error is StoreWriteError {
  return error instanceof StoreWriteError || (error as { code?: unknown } | null)?.code === 'STORE_WRITE_FAILED';
}

function causeText(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | null)?.code;
  const message = cause instanceof Error ? cause.message : String(cause);
  return code && !message.includes(code) ? `${code} ${message}` : message;
}

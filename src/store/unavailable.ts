/**
 * The store could not be reached or did not take a change (the database dropped, a COMMIT failed):
 * nothing of the change is kept, and the user is told "not saved, try again". The process goes on and
 * the next change tries again, so the bot recovers by itself when the store is back.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Whether an error means "not saved because the store failed", wherever it was thrown. By its code, not
 * its class: the database module is loaded on demand and may come with a copy of this class.
 */
export function isStoreUnavailable(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError || (error as { code?: unknown } | null)?.code === 'STORE_UNAVAILABLE';
}

import type { FileHandle } from 'node:fs/promises';
import { StoreWriteError } from './writeError.js';

/**
 * The two calls every durable write makes on an open file (a journal append, a document's temporary
 * file): a seam, so that a test can play a full disk (a short write, ENOSPC, a failed flush) without
 * filling one.
 */
export interface DiskIo {
  write(handle: FileHandle, bytes: Buffer, position: number): Promise<{ bytesWritten: number }>;
  /** Flushes the file's data (and what is needed to read it back) to the disk. */
  sync(handle: FileHandle): Promise<void>;
}

export const diskIo: DiskIo = {
  write: (handle, bytes, position) => handle.write(bytes, 0, bytes.length, position),
  sync: (handle) => handle.datasync(),
};

/**
 * Writes all of `bytes` at `position` and flushes them; throws StoreWriteError (naming `target`) when
 * the disk takes fewer bytes than asked, refuses them, or cannot flush them. Undoing a part written
 * is the caller's: it knows what the file was before.
 */
export async function writeWhole(io: DiskIo, handle: FileHandle, bytes: Buffer, position: number, target: string): Promise<void> {
  try {
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await io.write(handle, bytes.subarray(written), position + written);
      // Nothing written and no error: the disk takes no more, and a loop here would never end.
      if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no more bytes'), { code: 'ENOSPC' });
      written += bytesWritten;
    }
    await io.sync(handle);
  } catch (error) {
    throw new StoreWriteError(target, error);
  }
}

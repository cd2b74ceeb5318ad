import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { diskIo, writeWhole, type DiskIo } from './diskIo.js';
import { StoreWriteError } from './writeError.js';

/**
 * Replaces a file so that a reader, or the file after a crash, holds the old contents or the new,
 * never a mix: the text goes to a temporary file of its own (unique per process and write), is
 * flushed to the disk, renamed over the target, and the folder is flushed so that the rename lasts.
 * (write-file-atomic does all but flush the folder.) A write the disk cannot take whole (full, I/O
 * error) throws StoreWriteError and leaves the target as it was.
 */
export async function writeFileAtomic(file: string, text: string, io: DiskIo = diskIo): Promise<void> {
  const folder = path.dirname(file);
  await mkdir(folder, { recursive: true });
  const temporary = path.join(folder, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temporary, 'wx');
    try {
      await writeWhole(io, handle, Buffer.from(text, 'utf8'), 0, path.basename(file));
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof StoreWriteError || !isDiskFailure(error)) throw error;
    throw new StoreWriteError(path.basename(file), error);
  }
  await syncFolder(folder);
}

async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r');
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) cannot flush a folder; the rename is then as durable as they make it.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'EBADF'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle.close();
  }
}

/** Errors that say the disk could not take the write, not that the program asked for something wrong. */
function isDiskFailure(error: unknown): boolean {
  return ['ENOSPC', 'EDQUOT', 'EIO', 'EROFS', 'EFBIG'].includes((error as NodeJS.ErrnoException).code ?? '');
}

import type { DiskIo } from '../../src/store/diskIo.js';
import { diskIo } from '../../src/store/diskIo.js';

/**
 * A disk a test fills and frees: while full, a write takes only part of what it is given (a short
 * write, as on a full tmpfs) and the next one fails with ENOSPC; once freed it is the real disk.
 */
export function fillableDisk(): { io: DiskIo; fill(): void; free(): void; readonly refused: number } {
  let full = false;
  let refused = 0;
  let shortWritten = false;
  const io: DiskIo = {
    write: async (handle, bytes, position) => {
      if (!full) return diskIo.write(handle, bytes, position);
      refused += 1;
      if (!shortWritten && bytes.length > 1) {
        shortWritten = true;
        return diskIo.write(handle, bytes.subarray(0, Math.floor(bytes.length / 2)), position);
      }
      shortWritten = false;
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', errno: -28, syscall: 'write' });
    },
    sync: (handle) => diskIo.sync(handle),
  };
  return {
    io,
    fill: () => (full = true),
    free: () => (full = false),
    get refused() {
      return refused;
    },
  };
}

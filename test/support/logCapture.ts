import { Writable } from 'node:stream';
import { createLog, type Log } from '../../src/log.js';

/** A log that keeps its JSON lines in memory, for tests that check what the operator is told. */
export function captureLog(level = 'info'): { log: Log; entries: Record<string, unknown>[]; messages: () => string[] } {
  const entries: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') entries.push(JSON.parse(line) as Record<string, unknown>);
      done();
    },
  });
  return { log: createLog(level, sink), entries, messages: () => entries.map((entry) => String(entry.msg)) };
}

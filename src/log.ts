import { pino, type Logger } from 'pino';

export type Log = Logger;

/** Structured JSON logs on stdout (pino); tests pass level "silent". */
export function createLog(level: string, destination?: NodeJS.WritableStream): Log {
  return destination ? pino({ level, base: { app: 'fki-bot' } }, destination) : pino({ level, base: { app: 'fki-bot' } });
}

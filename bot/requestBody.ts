import type { IncomingMessage } from 'node:http';
import { brotliDecompress, gunzip, inflate, inflateRaw, type InputType, type ZlibOptions } from 'node:zlib';

/** A request body the bot will not read, with the 4xx that says why. */
export class BodyRefused extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    message: string,
  ) {
    super(message);
  }
}

/** What a body may be: JSON, or a form (the survey page); either one, UTF-8. */
export type ParsedBody = { kind: 'none' } | { kind: 'json'; value: unknown } | { kind: 'form'; value: Record<string, string> };

type Inflate = (input: InputType, options: ZlibOptions, callback: (error: Error | null, result: Buffer) => void) => void;

const DECODERS: Record<string, Inflate> = {
  gzip: gunzip,
  'x-gzip': gunzip,
  br: (input, options, callback) => brotliDecompress(input, { maxOutputLength: options.maxOutputLength }, callback),
  // HTTP's "deflate" is zlib-wrapped; some clients send it raw.
  deflate: (input, options, callback) =>
    inflate(input, options, (error, result) => (error && !tooLarge(error) ? inflateRaw(input, options, callback) : callback(error, result))),
};

/**
 * Reads a request body with every limit held: at most `maxBytes` on the wire AND after decompression
 * (a 250 KB gzip that inflates to 250 MB is refused at `maxBytes`), known encodings only, UTF-8 only.
 * Every failure is a BodyRefused (4xx); nothing here can throw past the caller or end the process.
 */
export async function readBody(req: IncomingMessage, maxBytes: number): Promise<ParsedBody> {
  const encoding = (headerOf(req, 'content-encoding') ?? 'identity').trim().toLowerCase();
  const decode = encoding === 'identity' || encoding === '' ? null : DECODERS[encoding];
  if (decode === undefined) throw new BodyRefused(415, `Content-Encoding "${encoding.slice(0, 40)}" is not supported (gzip, deflate, br or none).`);
  const declared = Number(headerOf(req, 'content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw new BodyRefused(413, `The body is larger than ${maxBytes} bytes.`);
  const raw = await collect(req, maxBytes);
  if (raw.length === 0) return { kind: 'none' };
  const bytes = decode === null ? raw : await inflated(decode, raw, maxBytes);
  return parse(bytes, headerOf(req, 'content-type') ?? '');
}

function headerOf(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : value;
}

function collect(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error: BodyRefused | null) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      if (error) {
        // Stop reading: what is left of a refused body is never buffered.
        req.resume();
        reject(error);
      } else resolve(Buffer.concat(chunks, size));
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) finish(new BodyRefused(413, `The body is larger than ${maxBytes} bytes.`));
      else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => finish(null));
    req.once('error', () => finish(new BodyRefused(400, 'The body could not be read.')));
    req.once('aborted', () => finish(new BodyRefused(400, 'The request was aborted.')));
  });
}

function inflated(decode: Inflate, raw: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    decode(raw, { maxOutputLength: maxBytes }, (error, result) => {
      if (!error) resolve(result);
      else if (tooLarge(error)) {
        reject(new BodyRefused(413, `The body is larger than ${maxBytes} bytes once decompressed.`));
      } else reject(new BodyRefused(400, 'The body is not valid for its Content-Encoding.'));
    });
  });
}

function tooLarge(error: Error): boolean {
  return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || error instanceof RangeError;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

function parse(bytes: Buffer, contentType: string): ParsedBody {
  const [mediaType = '', ...parameters] = contentType.toLowerCase().split(';').map((part) => part.trim());
  const charset = parameters.find((parameter) => parameter.startsWith('charset='))?.slice(8).replace(/"/g, '');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new BodyRefused(415, 'Only UTF-8 bodies are read.');
  const isJson = mediaType === 'application/json' || /^application\/[\w.+-]+\+json$/.test(mediaType);
  const isForm = mediaType === 'application/x-www-form-urlencoded';
  if (!isJson && !isForm) throw new BodyRefused(415, 'The body must be application/json or application/x-www-form-urlencoded.');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new BodyRefused(400, 'The body is not valid UTF-8.');
  }
  if (isForm) {
    const value: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, field] of new URLSearchParams(text)) value[key] = field;
    return { kind: 'form', value };
  }
  try {
    return { kind: 'json', value: JSON.parse(text) as unknown };
  } catch {
    throw new BodyRefused(400, 'The body is not valid JSON.');
  }
}

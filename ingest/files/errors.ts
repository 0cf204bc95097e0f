/**
 * A reason to refuse a file, with the HTTP status and `extensions.code` it is
 * answered with (before the answer has started) or written into the answer's
 * `error` (after).
 */
export class IngestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'IngestError';
  }
}

export function badInput(message: string, extensions: Record<string, unknown> = {}): IngestError {
  return new IngestError(400, 'BAD_USER_INPUT', message, extensions);
}

export function unsupportedMediaType(message: string): IngestError {
  return new IngestError(415, 'UNSUPPORTED_MEDIA_TYPE', message);
}

export function payloadTooLarge(maxBytes: number): IngestError {
  return new IngestError(413, 'PAYLOAD_TOO_LARGE', `the file is larger than ${maxBytes} bytes (INGEST_MAX_BYTES)`, {
    maxBytes,
  });
}

/** The `{ errors: [...] }` body of a refusal, as GraphQL errors look. */
export function errorBody(error: IngestError): { errors: { message: string; extensions: Record<string, unknown> }[] } {
  return { errors: [{ message: error.message, extensions: { code: error.code, ...error.extensions } }] };
}

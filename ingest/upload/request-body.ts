import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { IngestError, payloadTooLarge } from '../files/errors';

/** How long an upload cut off at the limit may go on sending before its connection is closed. */
const LINGER_MS = 2000;
export const DEFAULT_IDLE_MS = 60_000;

/**
 * The uploaded file, read as it arrives: its first bytes can be looked at
 * before choosing a reader, every byte is counted against the limit, and
 * nothing is held beyond what the reader has not yet taken. Reading stops
 * while the reader does not ask (a batch in flight), which holds the client
 * back. Nothing is read before the first ask: an upload refused for its token
 * is never read.
 */
export class RequestBody {
  private readonly pending: Buffer[] = [];
  private received = 0;
  private ended = false;
  private failure: Error | null = null;
  private wake: () => void = () => {};
  private lingering = false;
  private reading = false;
  private readonly onReadable = () => this.wake();

  constructor(
    private readonly source: Readable,
    private readonly maxBytes: number,
    /** How long the upload may send nothing while it is asked for more (one byte a minute would hold an upload slot for an hour). */
    private readonly idleMs: number = DEFAULT_IDLE_MS,
  ) {
    source.once('end', () => {
      this.ended = true;
      this.wake();
    });
    // A client that goes away mid-upload ends the ingest after the batch in flight.
    const interrupted = () => {
      if (!this.ended)
        this.failure ??= new IngestError(
          499,
          'CLIENT_CLOSED_REQUEST',
          'the upload was interrupted before the file was complete',
        );
      this.wake();
    };
    source.once('error', interrupted);
    source.once('close', interrupted);
  }

  get bytesReceived(): number {
    return this.received;
  }

  /** Whether anything was asked of the upload yet. */
  get started(): boolean {
    return this.reading;
  }

  private async pull(): Promise<Buffer | null> {
    if (!this.reading) {
      this.reading = true;
      this.source.on('readable', this.onReadable);
    }
    for (;;) {
      if (this.failure) throw this.failure;
      const chunk = this.source.read() as Buffer | null;
      if (chunk !== null) {
        this.received += chunk.length;
        if (this.received > this.maxBytes) throw (this.failure = payloadTooLarge(this.maxBytes));
        return chunk;
      }
      if (this.ended) return null;
      let idle: NodeJS.Timeout | undefined;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
        idle = setTimeout(() => {
          // Answered, then the connection is closed after the linger (discardRest), like an upload cut off at the limit.
          this.failure ??= new IngestError(
            408,
            'UPLOAD_TIMEOUT',
            `the upload sent nothing for ${this.idleMs / 1000} s`,
          );
          resolve();
        }, this.idleMs);
      });
      clearTimeout(idle);
    }
  }

  /** At least `bytes` bytes from the start (fewer when the file is shorter), without consuming them. */
  async head(bytes: number): Promise<Buffer> {
    let have = this.pending.reduce((sum, chunk) => sum + chunk.length, 0);
    while (have < bytes) {
      const chunk = await this.pull();
      if (!chunk) break;
      this.pending.push(chunk);
      have += chunk.length;
    }
    return Buffer.concat(this.pending);
  }

  /** The whole file from its first byte, as the reader asks for it. */
  async *chunks(): AsyncGenerator<Buffer> {
    while (this.pending.length > 0) yield this.pending.shift()!;
    for (let chunk = await this.pull(); chunk; chunk = await this.pull()) yield chunk;
  }

  /**
   * After answering without reading everything: take the rest off the wire so
   * that the client reads the answer instead of a reset connection, but no
   * more than the limit allows.
   */
  discardRest(): void {
    this.pending.length = 0;
    this.source.off('readable', this.onReadable);
    if (this.ended || this.source.destroyed) return;
    if (!this.reading) {
      // Refused before reading: only what arrives while lingering is dropped.
      this.source.on('data', () => {});
      this.source.resume();
      this.closeAfterLinger();
      return;
    }
    this.source.on('data', (chunk: Buffer) => {
      this.received += chunk.length;
      if (this.received > this.maxBytes) this.closeAfterLinger();
    });
    this.source.resume();
    if (this.received > this.maxBytes) this.closeAfterLinger();
  }

  /**
   * Closing a connection the client still writes to resets it, and a reset can
   * throw away the answer before the client has read it. So the answer is
   * followed by the end of our side only; what still arrives is read and
   * dropped for a moment, then the connection is closed.
   */
  private closeAfterLinger(): void {
    if (this.lingering) return;
    this.lingering = true;
    (this.source as IncomingMessage).socket?.end();
    setTimeout(() => this.source.destroy(), LINGER_MS).unref();
  }
}

import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Strings per block on disk; a block is read back whole. */
const BLOCK = 1024;
/** Blocks kept in memory. */
const CACHED_BLOCKS = 16;

/**
 * The shared-string table of an XLSX file, on disk instead of in memory: a
 * workbook as Excel saves it stores every distinct text of the sheet once, so
 * the table grows with the file (2,000,000 strings for 100,000 report rows).
 * Strings are written in blocks to a temporary file, which is unlinked as
 * soon as it is open (nothing is left behind, whatever happens); lookups read
 * a block back and keep the last few. A sheet refers to its new strings in
 * the order they were added, so reading it costs about one block read per
 * BLOCK new strings, plus the blocks of the common values now and then.
 */
export class SharedStrings {
  private readonly fd: number;
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private pending: string[] = [];
  private written = 0;
  private readonly cache = new Map<number, string[]>();

  private readonly dir: string;

  constructor() {
    this.dir = mkdtempSync(join(tmpdir(), 'gusu-xlsx-'));
    this.fd = openSync(join(this.dir, 'shared-strings'), 'w+');
    this.removeDir();
  }

  /** Unix lets an open file be unlinked; elsewhere it goes on close. */
  private removeDir(): void {
    try {
      rmSync(this.dir, { recursive: true, force: true });
    } catch {
      // still open (Windows): removed by close()
    }
  }

  get size(): number {
    return this.offsets.length * BLOCK + this.pending.length;
  }

  add(text: string): void {
    this.pending.push(text);
    if (this.pending.length === BLOCK) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // UTF-16 on disk: decoding it back is a copy, where UTF-8 would cost more than the rest of the lookup.
    const bytes = Buffer.from(JSON.stringify(this.pending), 'utf16le');
    writeSync(this.fd, bytes, 0, bytes.length, this.written);
    this.offsets.push(this.written);
    this.lengths.push(bytes.length);
    this.written += bytes.length;
    this.pending = [];
  }

  get(index: number): string | null {
    const block = Math.floor(index / BLOCK);
    if (block === this.offsets.length) return this.pending[index % BLOCK] ?? null;
    if (block > this.offsets.length || index < 0) return null;
    let strings = this.cache.get(block);
    if (!strings) {
      const bytes = Buffer.alloc(this.lengths[block]);
      readSync(this.fd, bytes, 0, bytes.length, this.offsets[block]);
      strings = JSON.parse(bytes.toString('utf16le')) as string[];
      // First in, first out: a block in use again soon (the common values) is simply read again.
      if (this.cache.size >= CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(block, strings);
    }
    return strings[index % BLOCK] ?? null;
  }

  close(): void {
    this.cache.clear();
    this.pending = [];
    closeSync(this.fd);
    this.removeDir();
  }
}

import { closeSync, readSync, writeSync } from 'node:fs';
import { openTempFile } from './temp-file';
import type { Budget } from './xlsx-limits';

/** Strings per block on disk, at most; a block is read back whole. */
const BLOCK = 1024;
/** Characters per block, at most (plus one string): a block of long texts stays small. */
const BLOCK_CHARS = 256 * 1024;
/** Characters of the blocks kept in memory (about 8 MB), whatever the strings' lengths. */
const CACHED_CHARS = 4 * 1024 * 1024;

/**
 * The shared-string table of an XLSX file, on disk instead of in memory: a
 * workbook as Excel saves it stores every distinct text of the sheet once, so
 * the table grows with the file (2,000,000 strings for 100,000 report rows).
 * Strings are written in blocks to an unlinked temporary file (nothing is
 * left behind, whatever happens), every byte counted against the upload's
 * temporary-disk budget; lookups read a block back and keep the last few. A
 * sheet refers to its new strings in the order they were added, so reading it
 * costs about one block read per block of new strings, plus the blocks of the
 * common values now and then. Memory is bounded by characters, not strings:
 * one pending block and CACHED_CHARS of blocks read back.
 */
export class SharedStrings {
  private readonly file: { fd: number; remove(): void };
  /** Per block on disk: its byte offset and length, and the index of its first string. */
  private readonly offsets: number[] = [];
  private readonly lengths: number[] = [];
  private readonly firsts: number[] = [];
  private pending: string[] = [];
  private pendingChars = 0;
  private count = 0;
  private written = 0;
  private readonly cache = new Map<number, { strings: string[]; chars: number }>();
  private cachedChars = 0;

  constructor(
    tempDir: string,
    private readonly disk: Budget,
  ) {
    this.file = openTempFile(tempDir, 'shared-strings');
  }

  get size(): number {
    return this.count;
  }

  add(text: string): void {
    this.pending.push(text);
    this.pendingChars += text.length;
    this.count += 1;
    if (this.pending.length === BLOCK || this.pendingChars >= BLOCK_CHARS) this.flush();
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // UTF-16 on disk: decoding it back is a copy, where UTF-8 would cost more than the rest of the lookup.
    const bytes = Buffer.from(JSON.stringify(this.pending), 'utf16le');
    this.disk.take(bytes.length);
    writeSync(this.file.fd, bytes, 0, bytes.length, this.written);
    this.offsets.push(this.written);
    this.lengths.push(bytes.length);
    this.firsts.push(this.count - this.pending.length);
    this.written += bytes.length;
    this.pending = [];
    this.pendingChars = 0;
  }

  /** The block holding string `index` (the last block whose first string is not after it). */
  private blockOf(index: number): number {
    let low = 0;
    let high = this.firsts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.firsts[mid] <= index) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  get(index: number): string | null {
    if (!Number.isInteger(index) || index < 0 || index >= this.count) return null;
    const onDisk = this.count - this.pending.length;
    if (index >= onDisk) return this.pending[index - onDisk];
    const block = this.blockOf(index);
    let entry = this.cache.get(block);
    if (!entry) {
      const bytes = Buffer.alloc(this.lengths[block]);
      readSync(this.file.fd, bytes, 0, bytes.length, this.offsets[block]);
      const strings = JSON.parse(bytes.toString('utf16le')) as string[];
      entry = { strings, chars: strings.reduce((sum, text) => sum + text.length, 0) };
      // First in, first out: a block in use again soon (the common values) is simply read again.
      for (const [old, { chars }] of this.cache) {
        if (this.cachedChars + entry.chars <= CACHED_CHARS) break;
        this.cache.delete(old);
        this.cachedChars -= chars;
      }
      this.cache.set(block, entry);
      this.cachedChars += entry.chars;
    }
    return entry.strings[index - this.firsts[block]] ?? null;
  }

  close(): void {
    this.cache.clear();
    this.cachedChars = 0;
    this.pending = [];
    closeSync(this.file.fd);
    this.file.remove();
  }
}

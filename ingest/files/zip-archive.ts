import { closeSync, write } from 'node:fs';
import { promisify } from 'node:util';
import yauzl, { Entry, ZipFile } from 'yauzl';
import { badInput, IngestError, unsupportedMediaType } from './errors';
import { openTempFile } from './temp-file';
import { Budget, contentLimit, MAX_ZIP_ENTRIES } from './xlsx-limits';

const writeAt = promisify(write);
const EMPTY = Buffer.alloc(0);

function unreadable(error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  return badInput(
    `the XLSX file cannot be read: ${error instanceof Error ? error.message.slice(0, 200) : 'not a zip file'}`,
  );
}

/**
 * The uploaded workbook, kept as it was uploaded (compressed) in an unlinked
 * temporary file, and read through its central directory: the parts are
 * found by name and their sizes are known before any is unzipped, so the
 * shared strings can be read before the sheet that needs them without
 * unzipping the sheet to disk first, and the parts not needed (other sheets,
 * pictures, styles beyond the number formats) are never unzipped at all.
 */
export class ZipArchive {
  private constructor(
    private readonly remove: () => void,
    private readonly zip: ZipFile,
    readonly uploadBytes: number,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Writes the upload to disk as it arrives (each byte counted against `disk`), then reads its directory. */
  static async receive(chunks: AsyncIterable<Buffer>, tempDir: string, disk: Budget): Promise<ZipArchive> {
    const file = openTempFile(tempDir, 'upload.xlsx');
    let size = 0;
    let zip: ZipFile | null = null;
    try {
      for await (const chunk of chunks) {
        disk.take(chunk.length);
        await writeAt(file.fd, chunk, 0, chunk.length, size);
        size += chunk.length;
      }
      zip = await yauzl
        .fromFdPromise(file.fd, {
          autoClose: false,
          lazyEntries: true,
          validateEntrySizes: true,
          strictFileNames: false,
        })
        .catch((error: unknown) => {
          throw unreadable(error);
        });
      return new ZipArchive(file.remove, zip, size, await directory(zip));
    } catch (error) {
      // Once yauzl has the descriptor, it closes it.
      if (zip) zip.close();
      else closeSync(file.fd);
      file.remove();
      throw error;
    }
  }

  has(path: string): boolean {
    return this.entries.has(path);
  }

  /** Entry names, in the directory's order. */
  get paths(): string[] {
    return [...this.entries.keys()];
  }

  /** What the directory says a part unzips to (checked again, byte by byte, as it is unzipped). */
  declaredSize(path: string): number {
    return this.entries.get(path)?.uncompressedSize ?? 0;
  }

  /** A part's bytes as they are unzipped, each counted against `unzipped`; nothing when the part is absent. */
  async *read(path: string, unzipped: Budget): AsyncGenerator<Buffer> {
    const entry = this.entries.get(path);
    if (!entry) return;
    const stream = await this.zip.openReadStreamPromise(entry).catch((error: unknown) => {
      throw unreadable(error);
    });
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        unzipped.take(chunk.length);
        yield chunk;
      }
    } catch (error) {
      throw unreadable(error);
    } finally {
      stream.destroy();
    }
  }

  /** yauzl closes the descriptor once the last open part stream is done. */
  close(): void {
    this.zip.close();
    this.remove();
  }
}

/** The parts a report may need: the workbook, its relationships, styles, shared strings, and the worksheets. */
const WANTED =
  /^xl\/(?:workbook\.xml|_rels\/workbook\.xml\.rels|styles\.xml|sharedStrings\.xml|worksheets\/[^/]{1,64}\.xml)$/;

/**
 * The central directory, by name, of the parts wanted alone (the others are
 * passed over as they are read, so their names and extra fields are not
 * kept), each without its extra fields and comment (64 KB each at most, not
 * needed to unzip it). Refused when it lists more entries than a workbook
 * has, or a wanted part is encrypted.
 */
function directory(zip: ZipFile): Promise<Map<string, Entry>> {
  if (zip.entryCount > MAX_ZIP_ENTRIES) {
    return Promise.reject(
      contentLimit(
        'zipEntries',
        MAX_ZIP_ENTRIES,
        `the zip file lists ${zip.entryCount} entries; a workbook has far fewer`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on('entry', (entry: Entry) => {
      const path = entry.fileName.replace(/^\/+/, '');
      if (WANTED.test(path)) {
        if (entry.isEncrypted()) {
          reject(unsupportedMediaType('the XLSX file is encrypted; save it without a password: 请取消文件密码后上传'));
          return;
        }
        Object.assign(entry, {
          extraFields: [],
          extraFieldRaw: EMPTY,
          fileComment: '',
          fileCommentRaw: EMPTY,
          fileNameRaw: EMPTY,
        });
        entries.set(path, entry);
      }
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (error: unknown) => reject(unreadable(error)));
    zip.readEntry();
  });
}

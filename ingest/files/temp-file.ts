import { mkdtempSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/** Prefix of the directories an upload's temporary files are made in (under INGEST_TEMP_DIR). */
const TEMP_PREFIX = 'gusu-xlsx-';

/**
 * An open temporary file that nothing else can find: Unix lets an open file
 * be unlinked, so it is removed at once and its disk comes back when the
 * descriptor is closed, whatever happens (a failure, a client gone, a crash).
 * Elsewhere the directory goes on `remove()`, called after closing.
 */
export function openTempFile(tempDir: string, name: string): { fd: number; remove(): void } {
  const dir = mkdtempSync(join(tempDir, TEMP_PREFIX));
  const fd = openSync(join(dir, name), 'w+', 0o600);
  const remove = (): void => {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // still open (Windows): removed by the call after closing
    }
  };
  remove();
  return { fd, remove };
}

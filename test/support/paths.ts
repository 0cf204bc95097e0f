import { join, resolve } from 'node:path';

/** The repository, and the compiled code the end-to-end tests run (npm test builds it first). */
export const ROOT = resolve(__dirname, '../..');
export const DIST = join(ROOT, 'dist');

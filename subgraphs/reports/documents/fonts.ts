import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The CJK font every report is set in: Noto Sans SC (OFL), shipped in
 * node_modules by @expo-google-fonts/noto-sans-sc, embedded as a subset, so a
 * report renders the same on a machine with no fonts at all.
 */
const PACKAGE_DIR = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const FILES = {
  regular: join(PACKAGE_DIR, '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: join(PACKAGE_DIR, '700Bold', 'NotoSansSC_700Bold.ttf'),
} as const;

export type FontWeight = keyof typeof FILES;

const loaded = new Map<FontWeight, Buffer>();

/** The font's bytes, read once per process (about 10 MB each). */
export function fontBytes(weight: FontWeight): Buffer {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = readFileSync(FILES[weight]);
    loaded.set(weight, bytes);
  }
  return bytes;
}

export interface VersionRow {
  version: number;
  text: string;
}

/** The version in force: the highest number (a new version is effective from the day it is published). */
export function currentVersion<T extends VersionRow>(versions: readonly T[]): T | null {
  let current: T | null = null;
  for (const version of versions) if (current === null || version.version > current.version) current = version;
  return current;
}

/**
 * What publishing `text` does to a template whose versions are `versions`:
 * a text equal to the current one is a retry and changes nothing; any other
 * becomes the next version.
 */
export function nextVersion<T extends VersionRow>(
  versions: readonly T[],
  text: string,
): { repeat: T } | { version: number } {
  const current = currentVersion(versions);
  if (current !== null && current.text === text) return { repeat: current };
  return { version: (current?.version ?? 0) + 1 };
}

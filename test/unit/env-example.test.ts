import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { renderEnvExample, withConfigTable } from '../../scripts/config-docs';
import { CONFIG_VARIABLES } from '../../shared/config/variables';
import { ROOT } from '../support/paths';

const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

/** The production code's TypeScript files (not the tests, not the benchmarks' own knobs). */
function sources(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = `${folder}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) return name === 'browser' ? [] : sources(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Variables the code reads: through the shared/config/env.ts helpers, a config's own int helper, or process.env. */
const READ =
  /(?:requireEnv|optionalEnv|portEnv|booleanEnv|durationEnv|positiveInt)\('([A-Z][A-Z0-9_]+)'|(?:process\.)?env\.([A-Z][A-Z0-9_]+)\b(?!\s*=[^=])/g;
/** Set for a child process, not read: the system's own. */
const NOT_CONFIGURATION = new Set(['TMPDIR']);

describe('.env.example and the configuration table', () => {
  it('.env.example is what `npm run env:example` writes from shared/config/variables.ts (run it and commit when this fails)', () => {
    expect(read('.env.example')).toBe(renderEnvExample());
  });

  it('docs/CONFIGURATION.md carries the current table (run `npm run env:example` when this fails)', () => {
    const doc = read('docs/CONFIGURATION.md');
    expect(doc).toBe(withConfigTable(doc));
  });

  it('lists every variable the code reads (add one to shared/config/variables.ts when this fails)', () => {
    const listed = new Set(CONFIG_VARIABLES.flatMap((v) => v.names));
    const read = ['shared', 'gateway', 'hall', 'dev-identity', 'subgraphs', 'scripts']
      .flatMap(sources)
      .flatMap((file) =>
        [...readFileSync(join(ROOT, file), 'utf8').matchAll(READ)].map((m) => ({ name: m[1] ?? m[2], file })),
      );
    expect(read.filter(({ name }) => !listed.has(name) && !NOT_CONFIGURATION.has(name))).toEqual([]);
  });

  it('lists every variable once', () => {
    const names = CONFIG_VARIABLES.flatMap((v) => v.names);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });
});

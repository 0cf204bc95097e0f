import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLIENT_CODES } from '../../shared/graphql/format-error';

/** In production, an error whose code is not a client code is replaced by "Internal server error". */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('error codes', () => {
  it('lets every code the project raises reach clients', () => {
    const root = join(__dirname, '..', '..');
    const code = ['shared', 'gateway', 'subgraphs'].flatMap((dir) => sources(join(root, dir))).join('\n');
    const raised = new Set([...code.matchAll(/code: '([A-Z_]+)'/g)].map((m) => m[1]));
    raised.delete('INTERNAL_SERVER_ERROR');
    expect(raised.size).toBeGreaterThanOrEqual(9);
    expect([...raised].filter((c) => !CLIENT_CODES.has(c))).toEqual([]);
  });
});

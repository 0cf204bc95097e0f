import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from '../support/paths';

/**
 * Every repository path the README, CONTRIBUTING.md and docs/*.md name exists in a clone: links are
 * resolved from the document, backticked paths from the repository (when their first folder is one of
 * the repository's). Placeholders (`subgraphs/<name>/`, a `*` in place of a folder) and URLs are not paths.
 */
const DOCUMENTS = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];
const TOP_LEVEL = new Set(readdirSync(ROOT).filter((f) => !['node_modules', 'dist', '.git', '.data'].includes(f)));

function namedPaths(document: string): { path: string; from: string }[] {
  const text = readFileSync(join(ROOT, document), 'utf8');
  const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1].split('#')[0])
    .filter((target) => target !== '' && !/^[a-z]+:/.test(target))
    .map((target) => ({ path: relative(ROOT, join(ROOT, dirname(document), target)), from: 'link' }));
  const ticked = [...text.matchAll(/`([^`\s]+)`/g)]
    .map((m) => m[1].replace(/[.,;:]$/, ''))
    .filter((candidate) => !/[<>*{}$]/.test(candidate) && TOP_LEVEL.has(candidate.split('/')[0]))
    .filter((candidate) => candidate.includes('/') || candidate.includes('.'))
    .map((candidate) => ({ path: candidate, from: 'backticks' }));
  return [...links, ...ticked];
}

describe('paths named in the docs', () => {
  it.each(DOCUMENTS)('%s names only paths that exist', (document) => {
    const missing = namedPaths(document).filter(({ path }) => !existsSync(join(ROOT, path)));
    expect(missing).toEqual([]);
  });
});

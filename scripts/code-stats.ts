/**
 * npm run stats [-- folder …]: numbers that show whether the code keeps its shape, over the
 * non-test TypeScript (test/ and hall/browser excluded): type assertions (`as X`, `<X>v`, `v!`;
 * `as const` is no assertion), the longest functions, and the files in a `resolvers/` folder that
 * are neither a resolver nor a reference resolver. Folders narrow the count (e.g. subgraphs/subjects).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** npm runs scripts from the package root. */
const ROOT = process.cwd();
const SOURCE_FOLDERS = ['shared', 'gateway', 'hall', 'dev-identity', 'ingest', 'subgraphs', 'scripts', 'bench'];
const SKIPPED = new Set(['node_modules', 'dist', 'test', 'browser']);
const LONGEST_SHOWN = 10;

interface FunctionLength {
  name: string;
  file: string;
  line: number;
  lines: number;
}

interface FileStats {
  assertions: number;
  functions: FunctionLength[];
}

function sourceFiles(folder: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(folder)) {
    if (SKIPPED.has(entry)) continue;
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(entry) && !/\.(test|d)\.tsx?$/.test(entry)) files.push(path);
  }
  return files;
}

function isConstAssertion(node: ts.AsExpression | ts.TypeAssertion): boolean {
  return (
    ts.isTypeReferenceNode(node.type) && ts.isIdentifier(node.type.typeName) && node.type.typeName.text === 'const'
  );
}

function functionName(node: ts.FunctionLikeDeclaration): string {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyAssignment(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  return '(anonymous)';
}

function statsOf(path: string): FileStats {
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const file = relative(ROOT, path);
  const stats: FileStats = { assertions: 0, functions: [] };
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const visit = (node: ts.Node): void => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConstAssertion(node))
      stats.assertions += 1;
    if (ts.isNonNullExpression(node)) stats.assertions += 1;
    if (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) {
      const declaration = node as ts.FunctionLikeDeclaration;
      const line = lineOf(declaration.getStart(source));
      stats.functions.push({
        name: functionName(declaration),
        file,
        line,
        lines: lineOf(declaration.getEnd()) - line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return stats;
}

function isResolverFile(path: string): boolean {
  return /\.(resolver|reference)\.ts$/.test(path);
}

function main(folders: string[]): void {
  const roots = (folders.length > 0 ? folders : SOURCE_FOLDERS).map((folder) => resolve(ROOT, folder));
  const files = roots.flatMap(sourceFiles);
  const all = files.map((path) => ({ path, ...statsOf(path) }));
  const assertions = all.reduce((sum, file) => sum + file.assertions, 0);
  const longest = all
    .flatMap((file) => file.functions)
    .sort((a, b) => b.lines - a.lines)
    .slice(0, LONGEST_SHOWN);
  const inResolvers = files.filter((path) => /[\\/]resolvers[\\/]/.test(path));
  const strays = inResolvers.filter((path) => !isResolverFile(path)).map((path) => relative(ROOT, path));

  const out: string[] = [];
  out.push(
    `files: ${files.length} (non-test .ts/.tsx under ${roots.map((root) => relative(ROOT, root) || '.').join(', ')})`,
  );
  out.push(`type assertions (as X, <X>, !): ${assertions}`);
  for (const file of all
    .filter((f) => f.assertions > 0)
    .sort((a, b) => b.assertions - a.assertions)
    .slice(0, LONGEST_SHOWN)) {
    out.push(`  ${String(file.assertions).padStart(4)}  ${relative(ROOT, file.path)}`);
  }
  out.push(`longest functions (lines):`);
  for (const fn of longest) out.push(`  ${String(fn.lines).padStart(4)}  ${fn.name}  ${fn.file}:${fn.line}`);
  out.push(`files in resolvers/ that are not resolvers: ${strays.length} of ${inResolvers.length}`);
  for (const stray of strays) out.push(`        ${stray}`);
  process.stdout.write(`${out.join('\n')}\n`);
}

main(process.argv.slice(2));

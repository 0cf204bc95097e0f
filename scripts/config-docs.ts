import { CONFIG_VARIABLES, ConfigVariable } from '../shared/config/variables';

/** The markers around the generated table in docs/CONFIGURATION.md. */
export const TABLE_START = '<!-- generated from shared/config/variables.ts by `npm run env:example`: edit there -->';
export const TABLE_END = '<!-- end of the generated table -->';

const joinerOf = (v: ConfigVariable): string => v.joiner ?? ', ';

/** A default that is one literal (`4000`) can be written into the example as is; prose cannot. */
function literalDefault(v: ConfigVariable): string {
  const match = /^`([^`]*)`$/.exec(v.defaultValue);
  return match && v.names.length === 1 ? match[1] : '';
}

/** `.env.example`: every variable commented out, with who reads it, its default and meaning. */
export function renderEnvExample(variables: readonly ConfigVariable[] = CONFIG_VARIABLES): string {
  const header = [
    '# Generated from shared/config/variables.ts by `npm run env:example`: edit there, not here.',
    '# Every variable is optional in development (`npm start` provides what a process needs);',
    '# docs/CONFIGURATION.md says which ones production requires.',
  ];
  const blocks = variables.map((v) =>
    [
      `# ${v.names.join(joinerOf(v))} (${v.usedBy}; default: ${v.defaultValue})`,
      `# ${v.description}`,
      ...v.names.map((name) => `# ${name}=${literalDefault(v)}`),
    ].join('\n'),
  );
  return `${header.join('\n')}\n\n${blocks.join('\n\n')}\n`;
}

/** The configuration table of docs/CONFIGURATION.md. */
export function renderConfigTable(variables: readonly ConfigVariable[] = CONFIG_VARIABLES): string {
  const rows = variables.map(
    (v) =>
      `| ${v.names.map((n) => `\`${n}\``).join(joinerOf(v))} | ${v.usedBy} | ${v.defaultValue} | ${v.description} |`,
  );
  return ['| variable | used by | default | meaning |', '|---|---|---|---|', ...rows].join('\n');
}

/** A document with its generated table replaced by the current one. */
export function withConfigTable(document: string, table: string = renderConfigTable()): string {
  const start = document.indexOf(TABLE_START);
  const end = document.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error('the document has no generated configuration table markers');
  return `${document.slice(0, start + TABLE_START.length)}\n${table}\n${document.slice(end)}`;
}

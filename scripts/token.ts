/**
 * npm run token -- --role hall [--org gusu.xzspj] [--sub T-01] [--name 窗口01] [--scope "…"] [--ttl 8h]
 * npm run token -- --role subject (--uscc 91320508… | --id-number 3205…) [--sub …]: a subject signed in as itself
 * Prints a development token, signed with AUTH_JWT_SECRET or the secret `npm start` uses
 * (.data/dev-jwt-secret; made here on a fresh clone, and `npm start` then takes the same one).
 */
import { parseArgs } from 'node:util';
import { signDevToken } from '../gateway/auth/dev-token';
import { isRole, ROLES } from '../shared/auth/policy';
import { ensureDevJwtSecret } from './dev-secrets';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', multiple: true },
      org: { type: 'string' },
      sub: { type: 'string' },
      name: { type: 'string' },
      scope: { type: 'string' },
      ttl: { type: 'string', default: '8h' },
      uscc: { type: 'string' },
      'id-number': { type: 'string' },
    },
  });
  const roles = values.role ?? [];
  if (roles.length === 0 || !roles.every(isRole)) throw new Error(`--role is required: one of ${ROLES.join(', ')}`);
  if (!/^\d+[smhd]$/.test(values.ttl ?? '')) throw new Error("--ttl is a duration such as '15m', '8h' or '1d'");
  // Before the first `npm start` (a fresh clone) the secret does not exist yet: made now, it is the one npm start will use.
  const secret = process.env.AUTH_JWT_SECRET || ensureDevJwtSecret();
  const token = await signDevToken(secret, {
    sub: values.sub ?? `${roles[0]}-dev`,
    name: values.name,
    org: values.org,
    roles,
    scope: values.scope,
    ttl: values.ttl ?? '8h',
    subjectUscc: values.uscc,
    subjectIdNumber: values['id-number'],
  });
  process.stdout.write(`${token}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`token: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

/**
 * npm start: the whole system on this machine. Uses DATABASE_URL when set,
 * otherwise the embedded PostgreSQL persisted in DATA_DIR (default .data/postgres).
 */
import { resolve } from 'node:path';
import { DEFAULT_DEV_IDP_PORT } from '../dev-identity/config';
import { DEMO_USERS, departmentName } from '../dev-identity/users';
import { optionalEnv, portEnv } from '../shared/config/env';
import { DEFAULT_GATEWAY_METRICS_PORT, DEFAULT_PORTS, portVariable, SUBGRAPH_NAMES } from '../shared/config/services';
import { ensureDevJwtSecret } from './dev-secrets';
import { startSystem, SystemPorts } from './system';

/** GATEWAY_PORT, HALL_PORT, INGEST_PORT, SUBJECTS_PORT, … override the defaults 4000–4006 (4005 the reports subgraph), 4008 (the ingest) and 4009 (the evaluations subgraph), 4010 (the exchange subgraph); GATEWAY_METRICS_PORT the 9464 of the gateway's metrics, DEV_IDP_PORT the development identity provider's 4007. */
function configuredPorts(): SystemPorts {
  const ports = {
    ...DEFAULT_PORTS,
    gatewayMetrics: portEnv('GATEWAY_METRICS_PORT', DEFAULT_GATEWAY_METRICS_PORT),
    devIdentity: portEnv('DEV_IDP_PORT', DEFAULT_DEV_IDP_PORT),
  };
  for (const service of ['gateway', 'hall', 'ingest', ...SUBGRAPH_NAMES] as const) {
    ports[service] = portEnv(portVariable(service), DEFAULT_PORTS[service]);
  }
  return ports;
}

/**
 * Sign-in with the development identity provider unless a real one is configured (OIDC_ISSUER for the hall,
 * AUTH_JWKS_URL or AUTH_PUBLIC_KEY_FILE for the gateway) or this is production, where it would refuse to start.
 */
function useDevIdentity(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.OIDC_ISSUER && !env.AUTH_JWKS_URL && !env.AUTH_PUBLIC_KEY_FILE && env.NODE_ENV !== 'production';
}

function signInLines(gatewayUrl: string, devIdentityUrl: string | undefined): string {
  if (!devIdentityUrl)
    return `  Sign in   ${gatewayUrl}/hall (with ${process.env.OIDC_ISSUER ?? 'the configured identity provider'})\n`;
  const users = DEMO_USERS.map(
    (user) => `              ${user.title} ${user.name}（${departmentName(user.org)}, ${user.roles.join(', ')}）\n`,
  ).join('');
  return `  Sign in   ${gatewayUrl}/hall — 开发环境登录 (development identity provider ${devIdentityUrl}; not for production), demo users:\n${users}`;
}

async function main(): Promise<void> {
  const started = Date.now();
  const databaseUrl = process.env.DATABASE_URL || undefined;
  if (!databaseUrl) process.stdout.write('DATABASE_URL is not set: using the embedded PostgreSQL\n');
  const system = await startSystem({
    databaseUrl,
    dataDir: databaseUrl ? undefined : resolve(optionalEnv('DATA_DIR', '.data/postgres')),
    ports: configuredPorts(),
    // Production keys (AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE) pass through the environment.
    jwtSecret:
      process.env.AUTH_JWKS_URL || process.env.AUTH_PUBLIC_KEY_FILE
        ? undefined
        : process.env.AUTH_JWT_SECRET || ensureDevJwtSecret(),
    devIdentity: useDevIdentity(),
    demoData: optionalEnv('DEMO_DATA', 'true') === 'true',
    distDir: resolve(__dirname, '..'),
    // Exits during start-up fail startSystem itself; after it, a crashed process is restarted with back-off.
    supervise: {
      onGiveUp: (reason) => {
        process.stderr.write(`${reason}\n`);
        process.exit(1);
      },
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const publicUrl = system.gatewayUrl.replace('127.0.0.1', 'localhost');
  process.stdout.write(
    `\n姑苏区公共信用数据共享网关 is up in ${seconds} s\n` +
      `  GraphQL   ${system.gatewayUrl}/graphql\n` +
      signInLines(publicUrl, system.devIdentityUrl) +
      `  GraphiQL  ${publicUrl}/graphiql\n` +
      `  Health    ${system.gatewayUrl}/health/ready (and /health/live)\n` +
      `  Metrics   http://127.0.0.1:${system.ports.gatewayMetrics}/metrics (gateway; each subgraph and the ingest on its own port)\n` +
      '  Tokens    npm run token -- --role hall   (roles: public, hall, department, analyst, credit_office)\n' +
      'Press Ctrl-C to stop.\n',
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    void system.stop().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`start failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

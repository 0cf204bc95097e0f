import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { randomKey } from '../../scripts/dev-secrets';
import { createFreshDatabase } from '../../scripts/fresh-database';
import { FREE_PORTS, RunningSystem, startSystem } from '../../scripts/system';
import { generateInternalKeyPair } from '../../shared/auth/internal-token';

/**
 * Starts the real system once for the end-to-end tests: the compiled
 * subgraph and gateway processes (npm test builds first) on free ports, on
 * the server in DATABASE_URL — in a fresh database of its own — or, without
 * one, on a fresh embedded PostgreSQL in a temporary folder.
 */
declare global {
  var gusuSystem: { system: RunningSystem; dropDatabase?: () => Promise<void> } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const root = resolve(__dirname, '../..');
  const logDir = join(root, '.data', 'test-logs');
  mkdirSync(logDir, { recursive: true });
  const server = process.env.DATABASE_URL || undefined;
  const database = server ? await createFreshDatabase(server, 'gusu_test') : undefined;
  const jwtSecret = randomKey();
  const internalKeys = generateInternalKeyPair();
  const system = await startSystem({
    jwtSecret,
    internalKeys,
    databaseUrl: database?.url,
    ports: FREE_PORTS,
    demoData: true,
    env: { LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn', AUTH_JWKS_URL: '', AUTH_PUBLIC_KEY_FILE: '' },
    output: { logDir },
    distDir: join(root, 'dist'),
  }).catch(async (error: unknown) => {
    // A system that did not start leaves no database behind.
    await database?.drop();
    throw error;
  });
  globalThis.gusuSystem = { system, dropDatabase: database?.drop };
  process.env.GUSU_GATEWAY_URL = system.gatewayUrl;
  process.env.GUSU_PORTS = JSON.stringify(system.ports);
  // Tests that act as another client of the system's database (a slow statement, an audit log made to fail) connect here.
  process.env.GUSU_DATABASE_URL = system.databaseUrl;
  process.env.GUSU_DATABASE = server ? 'postgresql' : 'embedded';
  // The tests sign real tokens with the system's development secret, and forge internal ones.
  process.env.GUSU_JWT_SECRET = jwtSecret;
  process.env.GUSU_INTERNAL_PRIVATE_KEY = internalKeys.privateKey;
  process.env.GUSU_INTERNAL_PUBLIC_KEY = internalKeys.publicKey;
}

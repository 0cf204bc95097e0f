import { refuseProduction } from './config';

/**
 * Imported first by index.ts, so that with NODE_ENV=production the process exits
 * before the provider is even loaded: it cannot be enabled in production by accident.
 */
try {
  refuseProduction();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(78);
}

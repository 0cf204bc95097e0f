import { booleanEnv, optionalEnv, portEnv } from '../shared/config/env';
import { DEFAULT_PORTS, portVariable } from '../shared/config/services';

/** The hall process: the people-facing pages (窗口, landing page, public verification) and the report downloads. */
export interface HallConfig {
  port: number;
  /** Loopback unless a container needs 0.0.0.0: only the gateway (which forwards /, /hall, /auth, …) talks to it. */
  host: string;
  production: boolean;
  /** The largest JSON body the pages send through the hall to the gateway. */
  bodyLimit: string;
  /** Development conveniences (the /auth/token hand-over to GraphiQL) are off in production. */
  development: boolean;
}

export function loadHallConfig(env: NodeJS.ProcessEnv = process.env): HallConfig {
  const production = optionalEnv('NODE_ENV', 'development', env) === 'production';
  return {
    port: portEnv(portVariable('hall'), DEFAULT_PORTS.hall, env),
    host: optionalEnv('BIND_HOST', '127.0.0.1', env),
    production,
    bodyLimit: optionalEnv('HALL_BODY_LIMIT', '256kb', env),
    development: !production && booleanEnv('HALL_DEVELOPMENT', true, env),
  };
}

import { optionalEnv, portEnv } from '../shared/config/env';
import { DEFAULT_PORTS, portVariable, SUBGRAPH_NAMES, SubgraphName, urlVariable } from '../shared/config/services';

export interface GatewayConfig {
  port: number;
  /** The committed, composed supergraph the gateway plans with. */
  supergraphFile: string;
  /** Per-subgraph URL overrides (<NAME>_URL); the others come from the supergraph. */
  subgraphUrls: Partial<Record<SubgraphName, string>>;
  production: boolean;
  bodyLimit: string;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const subgraphUrls: Partial<Record<SubgraphName, string>> = {};
  for (const name of SUBGRAPH_NAMES) {
    const url = env[urlVariable(name)];
    if (url) subgraphUrls[name] = url;
  }
  return {
    port: portEnv(portVariable('gateway'), DEFAULT_PORTS.gateway, env),
    supergraphFile: optionalEnv('SUPERGRAPH_FILE', 'supergraph.graphql', env),
    subgraphUrls,
    production: optionalEnv('NODE_ENV', 'development', env) === 'production',
    bodyLimit: optionalEnv('BODY_LIMIT', '2mb', env),
  };
}


import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadConfig } from '../../gateway/config';
import { createGateway } from '../../gateway/server';
import { SUBGRAPH_NAMES, urlVariable } from '../../shared/config/services';
import { servicePort } from './gateway';

export interface InProcessGateway {
  url: string;
  stop(): Promise<void>;
}

/**
 * A second gateway, built in this process with settings of its own, over the
 * subgraphs the e2e global setup started: for switches the shared gateway does not have.
 */
export async function startInProcessGateway(settings: NodeJS.ProcessEnv): Promise<InProcessGateway> {
  const env: NodeJS.ProcessEnv = {
    AUTH_JWT_SECRET: process.env.GUSU_JWT_SECRET,
    INTERNAL_PRIVATE_KEY: process.env.GUSU_INTERNAL_PRIVATE_KEY,
    ...settings,
  };
  for (const name of SUBGRAPH_NAMES) env[urlVariable(name)] = `http://127.0.0.1:${servicePort(name)}/graphql`;
  const gateway = await createGateway(loadConfig(env), pino({ level: 'silent' }));
  const server: Server = await new Promise((resolve) => {
    const listening = gateway.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: async () => {
      server.close();
      await gateway.apollo.stop();
    },
  };
}

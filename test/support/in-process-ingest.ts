import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { loadIngestConfig } from '../../ingest/config';
import { gatewaySender } from '../../ingest/gateway-client';
import { createIngest } from '../../ingest/server';
import { ShutdownSignal } from '../../shared/http/graceful-stop';
import { gatewayUrl } from './gateway';

export interface InProcessIngest {
  /** The ingest itself (as the gateway forwards to it): POST `${url}/ingest/…`. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A second ingest service, built in this process with settings of its own (INGEST_*), posting its batches to
 * the gateway the e2e global setup started: for limits the shared one does not have, and for a look at its
 * temporary files and open descriptors, which are this process's.
 */
export async function startInProcessIngest(settings: NodeJS.ProcessEnv): Promise<InProcessIngest> {
  const app = createIngest(
    loadIngestConfig(settings),
    pino({ level: 'silent' }),
    new ShutdownSignal(),
    gatewaySender(async () => gatewayUrl()),
  );
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

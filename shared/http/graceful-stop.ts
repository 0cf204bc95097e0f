import type { Server, ServerResponse } from 'node:http';
import { ConfigError, optionalEnv } from '../config/env';
import type { Logger } from '../logging/logger';
import { stopTracing } from '../tracing/start-tracing';

/** How long requests in flight may take to finish after SIGTERM/SIGINT (SHUTDOWN_GRACE_SECONDS, default 20). */
export function shutdownGraceMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = optionalEnv('SHUTDOWN_GRACE_SECONDS', '20', env);
  const seconds = Number(raw);
  if (!/^\d+$/.test(raw) || seconds > 3600)
    throw new ConfigError(
      `environment variable SHUTDOWN_GRACE_SECONDS must be a whole number of seconds from 0 to 3600, got '${raw}'`,
    );
  return seconds * 1000;
}

/** How long a stopping server still reads requests already sent on idle keep-alive sockets before closing them. */
const SETTLE_MS = 250;

/** Set once the process has been asked to stop; long work (an upload) checks it between steps. */
export class ShutdownSignal {
  private stopping = false;

  get isStopping(): boolean {
    return this.stopping;
  }

  begin(): void {
    this.stopping = true;
  }
}

export interface GracefulStopOptions {
  server: Server;
  signal: ShutdownSignal;
  graceMs: number;
  logger: Logger;
  /** After the last request: Apollo, pools, the event bus. */
  release(): Promise<void>;
}

/**
 * One way to stop, on SIGTERM or SIGINT: accept no new connections, close idle keep-alive ones at once, answer
 * the requests in flight with `connection: close`, wait for them up to the grace period, then release and exit 0.
 */
export function stopGracefullyOnSignal({ server, signal, graceMs, logger, release }: GracefulStopOptions): void {
  const open = new Set<ServerResponse>();
  // Before Express: every response is known, and one that starts while stopping closes its connection.
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (signal.isStopping) res.setHeader('connection', 'close');
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  const stop = async (name: NodeJS.Signals): Promise<void> => {
    if (signal.isStopping) return;
    signal.begin();
    const started = Date.now();
    logger.info({ signal: name, inFlight: open.size, graceMs }, 'stopping: finishing the requests in flight');
    for (const res of open) if (!res.headersSent) res.setHeader('connection', 'close');
    // A request already on the wire of an idle keep-alive socket when the signal came would be reset by closing
    // that socket at once (server.close closes idle ones): its bytes are read first, and it is answered.
    await new Promise((settled) => setTimeout(settled, SETTLE_MS));
    const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
    // A response whose headers had gone out before the signal (a streamed upload answer) leaves a keep-alive
    // socket that becomes idle later, once its request is read to the end: swept while draining.
    const sweep = setInterval(() => server.closeIdleConnections(), 100);
    let timer: NodeJS.Timeout | undefined;
    const drained = await Promise.race([
      closed,
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), Math.max(0, graceMs - SETTLE_MS)))),
    ]);
    clearTimeout(timer);
    clearInterval(sweep);
    if (!drained) {
      logger.warn({ cut: open.size, graceMs }, 'grace period over: closing the connections still open');
      server.closeAllConnections();
    }
    try {
      await release();
      // The last requests' spans, after them; at most a couple of seconds, and nothing when tracing is off.
      await stopTracing();
    } catch (error) {
      logger.error({ err: error }, 'releasing resources failed while stopping');
      process.exit(1);
    }
    logger.info({ ms: Date.now() - started, drained }, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

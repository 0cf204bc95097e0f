import type { Server } from 'node:http';

/**
 * A process asked to listen on port 0 binds a port the OS picks at that moment
 * and tells its parent which one. A port picked earlier by the parent and handed
 * down stays unreserved until the child binds it — for the whole migration and
 * seeding, minutes on a large dataset — and anything that binds meanwhile (another
 * system starting on the same machine, the embedded PostgreSQL choosing its own
 * port) can take it: the child then exits 1 with EADDRINUSE.
 */
export interface ListeningMessage {
  type: 'listening';
  port: number;
  /** The gateway's internal metrics listener, bound the same way. */
  metricsPort?: number;
}

/** The port a listening server is bound to (the one the OS picked when asked for 0). */
export function boundPort(server: Server): number {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the server is not listening on a TCP port');
  return address.port;
}

/** Tells the process that started this one (scripts/system.ts, over its IPC channel) where it listens; nothing without one. */
export function reportListening(port: number, metricsPort?: number): void {
  if (!process.send) return;
  const message: ListeningMessage = { type: 'listening', port, ...(metricsPort === undefined ? {} : { metricsPort }) };
  process.send(message);
  // The channel must not keep this process alive once it stops.
  process.channel?.unref();
}

export function isListeningMessage(message: unknown): message is ListeningMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as ListeningMessage).type === 'listening' &&
    Number.isInteger((message as ListeningMessage).port)
  );
}

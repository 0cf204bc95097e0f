import { createServer, Server, Socket } from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite instance over the PostgreSQL wire protocol to many
 * connections. PGlite is a single backend session, so the server must never
 * interleave two clients' conversations:
 *
 * - a client's extended-protocol messages (Parse/Bind/Describe/Execute) run
 *   as one unit up to their Sync, because the unnamed statement and portal
 *   live until then; a simple Query is a unit of its own;
 * - while a unit leaves an explicit transaction open, only that client's
 *   units run until it ends (a client that disconnects mid-transaction is
 *   rolled back).
 *
 * @electric-sql/pglite-socket 0.2.17 queues single messages instead, so
 * concurrent pooled clients corrupt each other's statements ("portal \"\"
 * does not exist"; electric-sql/pglite#1046).
 */
const SSL_REQUEST = 80877103;
const CANCEL_REQUEST = 80877102;
const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const TERMINATE = 0x58; // 'X'

interface Unit {
  client: Client;
  bytes: Uint8Array;
}

class Client {
  private buffer = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private started = false;

  constructor(readonly socket: Socket, private readonly enqueue: (unit: Unit) => void) {}

  /** Splits what arrived into whole messages and hands out complete units. */
  receive(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      if (!this.started) {
        if (this.buffer.length < 8) return;
        const length = this.buffer.readInt32BE(0);
        if (this.buffer.length < length) return;
        const code = this.buffer.readInt32BE(4);
        const packet = this.buffer.subarray(0, length);
        this.buffer = this.buffer.subarray(length);
        if (code === SSL_REQUEST) {
          this.socket.write('N');
        } else if (code !== CANCEL_REQUEST) {
          this.started = true;
          this.enqueue({ client: this, bytes: new Uint8Array(packet) });
        }
        continue;
      }
      if (this.buffer.length < 5) return;
      const length = 1 + this.buffer.readInt32BE(1);
      if (this.buffer.length < length) return;
      const type = this.buffer[0];
      this.pending.push(this.buffer.subarray(0, length));
      this.buffer = this.buffer.subarray(length);
      if (type === TERMINATE) {
        this.pending = [];
        this.socket.end();
        return;
      }
      if (type === SYNC || type === QUERY) {
        this.enqueue({ client: this, bytes: new Uint8Array(Buffer.concat(this.pending)) });
        this.pending = [];
      }
    }
  }
}

export class EmbeddedServer {
  private readonly server: Server;
  private readonly queue: Unit[] = [];
  /** The client whose open transaction the session is in, if any. */
  private owner: Client | null = null;
  private running = false;
  private readonly sockets = new Set<Socket>();
  private closing = false;

  constructor(private readonly db: PGlite) {
    this.server = createServer((socket) => this.accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  /**
   * Stops listening and drops every connection still open; nothing more reaches
   * the database, and a transaction a dropped client left open is rolled back
   * (PGlite does not close inside one).
   */
  async close(): Promise<void> {
    this.closing = true;
    this.queue.length = 0;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.owner = null;
    await this.db.runExclusive(async () => {
      if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    });
  }

  private accept(socket: Socket): void {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const client = new Client(socket, (unit) => {
      this.queue.push(unit);
      void this.run();
    });
    socket.on('data', (data) => client.receive(data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => {
      this.sockets.delete(socket);
      void this.release(client);
    });
  }

  /** A client gone: its queued units are dropped and a transaction it left open is rolled back. */
  private async release(client: Client): Promise<void> {
    for (let i = this.queue.length - 1; i >= 0; i -= 1) if (this.queue[i].client === client) this.queue.splice(i, 1);
    if (this.owner === client) {
      // The session stays this client's until its transaction is rolled back, so no one else's unit runs inside it.
      if (!this.closing) await this.db.runExclusive(() => this.db.exec('ROLLBACK')).catch(() => undefined);
      this.owner = null;
      void this.run();
    }
  }

  /** Runs units one at a time; while a transaction is open, only its owner's. */
  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (!this.closing) {
        const index = this.owner ? this.queue.findIndex((unit) => unit.client === this.owner) : 0;
        if (index < 0 || this.queue.length === 0) return;
        const [unit] = this.queue.splice(index, 1);
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(unit.bytes, {
              onRawData: (data) => {
                if (unit.client.socket.writable) unit.client.socket.write(data);
              },
            }),
          );
        } catch {
          // PGlite answers SQL errors on the wire; a throw here means the conversation is broken.
          unit.client.socket.destroy();
        }
        this.owner = this.db.isInTransaction() ? unit.client : null;
      }
    } finally {
      this.running = false;
    }
  }
}

/**
 * The end of a long-running script: `stop` on SIGINT or SIGTERM, then exit 0;
 * a start that fails prints why and exits 1.
 */
export function runUntilSignal(start: () => Promise<() => Promise<void>>): void {
  start()
    .then((stop) => {
      const shutdown = async () => {
        await stop();
        process.exit(0);
      };
      process.once('SIGINT', () => void shutdown());
      process.once('SIGTERM', () => void shutdown());
    })
    .catch((error: unknown) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exit(1);
    });
}

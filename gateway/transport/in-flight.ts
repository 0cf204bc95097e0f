/**
 * Identical requests in flight at the same time share one answer: the second
 * caller waits for the first one's request instead of sending its own. The
 * entry is gone as soon as the answer is in, so nothing is cached.
 */
export class InFlight<T> {
  private readonly pending = new Map<string, Promise<T>>();

  share(key: string, start: () => Promise<T>): Promise<T> {
    const running = this.pending.get(key);
    if (running) return running;
    const started = start().finally(() => this.pending.delete(key));
    this.pending.set(key, started);
    return started;
  }
}

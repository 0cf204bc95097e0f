/**
 * The `operation` label: any client may send any operation name, and every
 * distinct value is a new time series in Prometheus. The first
 * MAX_OPERATION_NAMES names a process sees are kept (the system's own clients
 * use a few dozen); later ones are counted as "other", unnamed ones as "anonymous".
 */
export const MAX_OPERATION_NAMES = 200;
const MAX_NAME_LENGTH = 100;

export class OperationNames {
  private readonly seen = new Set<string>();

  constructor(private readonly max = MAX_OPERATION_NAMES) {}

  label(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    const bounded = name.slice(0, MAX_NAME_LENGTH);
    if (this.seen.has(bounded)) return bounded;
    if (this.seen.size >= this.max) return 'other';
    this.seen.add(bounded);
    return bounded;
  }
}

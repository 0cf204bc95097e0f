import type { RepairReceipt } from './operations';

/**
 * The receipt passes from the intake page to the printable page in this tab's
 * sessionStorage, read once and removed: the query code is never in an address.
 */
const KEY = 'gusu.repairReceipt';

export function keepReceipt(receipt: RepairReceipt): void {
  sessionStorage.setItem(KEY, JSON.stringify(receipt));
}

export function takeReceipt(): RepairReceipt | null {
  const stored = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return stored === null ? null : (JSON.parse(stored) as RepairReceipt);
}

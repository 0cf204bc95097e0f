/**
 * How many uploads are applied at once: each holds a CPU for as long as its file
 * takes (a crafted file within every limit costs about 40 s of parsing), so a
 * department, or all together, may not take more than a few. Counted per gateway
 * process; a refusal is answered before the upload is read.
 */
export interface UploadSlotLimits {
  /** Uploads in progress in this gateway (INGEST_MAX_CONCURRENT). */
  total: number;
  /** … and of one department (INGEST_MAX_CONCURRENT_PER_ORG). */
  perOrg: number;
}

export const DEFAULT_UPLOAD_SLOTS: UploadSlotLimits = { total: 4, perOrg: 2 };

export class UploadSlots {
  private inProgress = 0;
  private readonly byOrg = new Map<string, number>();

  constructor(private readonly limits: UploadSlotLimits) {}

  /** A slot for this department, and how to give it back (once); null when none is free. */
  take(org: string): (() => void) | null {
    const ofOrg = this.byOrg.get(org) ?? 0;
    if (this.inProgress >= this.limits.total || ofOrg >= this.limits.perOrg) return null;
    this.inProgress += 1;
    this.byOrg.set(org, ofOrg + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inProgress -= 1;
      const left = (this.byOrg.get(org) ?? 1) - 1;
      if (left === 0) this.byOrg.delete(org);
      else this.byOrg.set(org, left);
    };
  }
}

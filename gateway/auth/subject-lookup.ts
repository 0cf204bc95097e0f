import type { Principal } from '../../shared/auth/principal';
import type { SelfIdentity } from '../../shared/auth/self';

/**
 * The platform's id of the subject a subject token names (SelfIdentity.subjectId): asked of the subjects
 * subgraph as that subject itself (`mySubject { id }`), so the lookup can answer nothing but its own id.
 * Kept for a minute per subject, at most MAX_ENTRIES subjects (the oldest go first); a failed lookup is
 * not kept and answers null — the subject then sees in the other subgraphs what the public sees, never more.
 */
export interface SubjectLookup {
  idOf(principal: Principal & { self: SelfIdentity }): Promise<string | null>;
}

const TTL_MS = 60_000;
const MAX_ENTRIES = 10_000;

export function createSubjectLookup(
  load: (principal: Principal) => Promise<string | null>,
  now: () => number = Date.now,
): SubjectLookup {
  const known = new Map<string, { id: string | null; at: number }>();
  return {
    async idOf(principal) {
      const key = principal.self.uscc !== null ? `u:${principal.self.uscc}` : `p:${principal.self.idNumber ?? ''}`;
      const hit = known.get(key);
      if (hit && now() - hit.at <= TTL_MS) return hit.id;
      let id: string | null;
      try {
        id = await load(principal);
      } catch {
        return null;
      }
      known.delete(key);
      known.set(key, { id, at: now() });
      if (known.size > MAX_ENTRIES) known.delete(known.keys().next().value as string);
      return id;
    },
  };
}

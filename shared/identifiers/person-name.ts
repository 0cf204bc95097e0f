/**
 * A natural person's name as the public may read it: the first character
 * (the surname, usually) and one * for each of the others (张三 → 张*, 张小明 → 张**).
 */
export function maskPersonName(name: string): string {
  const characters = Array.from(name.trim());
  if (characters.length === 0) return '';
  if (characters.length === 1) return '*';
  return characters[0] + '*'.repeat(characters.length - 1);
}

/**
 * The name a caller without credit:read sees, as SQL over a subject row: the
 * same rule as maskPersonName for natural persons, the name itself otherwise.
 * Search and order use exactly this expression for such callers (what they
 * cannot see, they cannot search or sort by); an expression index of the same
 * text (subjects.subject_public_name_trgm_idx) keeps the search indexed.
 */
export const PUBLIC_NAME_SQL =
  "(case when kind <> 'NATURAL_PERSON' then name" +
  " when char_length(btrim(name)) <= 1 then repeat('*', char_length(btrim(name)))" +
  " else left(btrim(name), 1) || repeat('*', char_length(btrim(name)) - 1) end)";

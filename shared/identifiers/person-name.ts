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

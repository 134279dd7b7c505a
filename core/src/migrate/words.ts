/**
 * How migration compares words: case, accents, punctuation and spacing do not matter, so
 * "Fälligkeit", "FAELLIGKEIT"-free spellings like "Falligkeit" and " fälligkeit: " meet.
 * `#` and `%` are kept, since "#" and "% complete" are column names in their own right.
 */

const COMBINING = /[\u0300-\u036f]/g;

const memo = new Map<string, string>();

/** Lower case, accents stripped, camelCase split, punctuation to spaces, one space between words. */
export function fold(text: string): string {
  const known = memo.get(text);
  if (known !== undefined) return known;
  const folded = foldNow(text);
  // Trackers repeat their words (statuses, teams, objectives): remember a bounded number.
  if (memo.size >= 20000) memo.clear();
  if (text.length <= 200) memo.set(text, folded);
  return folded;
}

function foldNow(text: string): string {
  return text
    .replace(/([a-z])([A-Z])/g, "$1 $2")
    .normalize("NFD")
    .replace(COMBINING, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[^a-z0-9#%°+\u2191\u2193\s-]+/g, " ")
    .replace(/[-\s]+/g, " ")
    .trim();
}

/** `fold` without spaces: German compounds ("Eintrittswahrscheinlichkeit") are one word. */
export function foldTight(text: string): string {
  return fold(text).replace(/ /g, "");
}

/** A lookup from folded phrases to values, built once from a table. */
export function lexicon<V>(entries: Iterable<readonly [string, V]>): Map<string, V> {
  const m = new Map<string, V>();
  for (const [k, v] of entries) {
    const f = fold(k);
    if (!m.has(f)) m.set(f, v);
  }
  return m;
}

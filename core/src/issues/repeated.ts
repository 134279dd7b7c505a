/**
 * Repeated issues, grouped for people. One cause often makes many issues of one code on one
 * sheet (a Current Period left behind makes every later check-in "after the current period");
 * listed one by one they bury what else needs fixing. Three or more issues of one code and
 * severity on one sheet become one entry with the count and the rows, at the place of the
 * first; the rest stay as they are, in the order given.
 */

/** Fewer than this many issues of one kind are listed one by one. */
export const GROUP_FROM = 3;

export interface GroupableIssue {
  readonly sheet: string;
  readonly code: string;
  readonly severity: string;
  readonly row: number;
}

export type IssueEntry<I> =
  | { readonly kind: "one"; readonly issue: I }
  | {
      readonly kind: "group";
      /** Stable across redraws: sheet, code and severity. */
      readonly key: string;
      readonly sheet: string;
      readonly code: string;
      readonly severity: string;
      /** In the order given; the first stands for them all. */
      readonly issues: readonly I[];
      /** The rows they are on, for people: "rows 5–29, 31". */
      readonly rows: string;
    };

export function groupRepeatedIssues<I extends GroupableIssue>(
  issues: readonly I[],
  from = GROUP_FROM,
): IssueEntry<I>[] {
  const kinds = new Map<string, I[]>();
  for (const i of issues) {
    const key = `${i.sheet}\u0000${i.code}\u0000${i.severity}`;
    const list = kinds.get(key);
    if (list) list.push(i);
    else kinds.set(key, [i]);
  }
  const entries: IssueEntry<I>[] = [];
  const placed = new Set<string>();
  for (const i of issues) {
    const key = `${i.sheet}\u0000${i.code}\u0000${i.severity}`;
    const list = kinds.get(key)!;
    if (list.length < from) entries.push({ kind: "one", issue: i });
    else if (!placed.has(key)) {
      placed.add(key);
      entries.push({
        kind: "group",
        key: `${i.sheet}:${i.code}:${i.severity}`,
        sheet: i.sheet,
        code: i.code,
        severity: i.severity,
        issues: list,
        rows: rowsText(list.map((x) => x.row)),
      });
    }
  }
  return entries;
}

/** Rows as people write them: "row 4", "rows 5–29, 31, 40–41". */
export function rowsText(rows: readonly number[]): string {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let s = 0; s < sorted.length;) {
    let e = s;
    while (e + 1 < sorted.length && sorted[e + 1] === sorted[e]! + 1) e++;
    parts.push(e === s ? `${sorted[s]}` : `${sorted[s]}–${sorted[e]}`);
    s = e + 1;
  }
  return `${sorted.length === 1 ? "row" : "rows"} ${parts.join(", ")}`;
}

/**
 * Column mapping: which template field each column of the foreign sheet fills, with a
 * confidence from 0 to 1.
 *
 * A column's name is compared with the names of every field in every supported language
 * (exact, then as the last words of a longer name, then inside it), and the score is weighed
 * by how well the column's values fit the field (a "Stage1" column full of dates is no Stage).
 * Columns whose names say nothing can still be recognised by their values alone (a column of
 * G/A/R is a RAG) at a lower confidence. Each field takes one column, the most confident first.
 */
import { COUNT_WORDS, FIELDS, LANGUAGES, type FieldKey, type ValueKind } from "./vocabulary.ts";
import { fold, foldTight } from "./words.ts";
import { share, type ColumnProfile } from "./profile.ts";

export interface ColumnInfo {
  /** 0-based column index. */
  readonly index: number;
  readonly letter: string;
  /** The header cell's text ("" when blank). */
  readonly header: string;
  readonly profile: ColumnProfile;
}

export type MappedBy = "name" | "values" | "mapping file" | "position";

export interface ColumnMapping {
  readonly index: number;
  readonly letter: string;
  readonly header: string;
  /** The field, or null when the column is carried as it is. */
  readonly field: FieldKey | null;
  readonly confidence: number;
  readonly by: MappedBy | null;
}

interface Name {
  readonly field: FieldKey;
  readonly folded: string;
  readonly tight: string;
  readonly weight: number;
}

const NAMES: readonly Name[] = FIELDS.flatMap((spec) =>
  LANGUAGES.flatMap((lang) =>
    spec.names[lang].map((raw) => {
      const weak = raw.endsWith("~");
      const folded = fold(weak ? raw.slice(0, -1) : raw);
      return { field: spec.key, folded, tight: folded.replace(/ /g, ""), weight: weak ? 0.8 : 1 };
    }),
  ),
);

const COUNT_WORD = new Set(LANGUAGES.flatMap((l) => COUNT_WORDS[l].words.map(fold)));
const COUNT_PREFIXES = LANGUAGES.flatMap((l) => COUNT_WORDS[l].prefixes.map((p) => fold(p) + " "));
/** Fields a count can never be: it holds how many, not which. */
const NOT_FOR_COUNTS: ReadonlySet<FieldKey> = new Set(["dependsOn", "id"]);

/** Whether a column name says it counts something ("reopen_count", "# of risks"). */
export function isCountName(header: string): boolean {
  const h = fold(header);
  return h.split(" ").some((w) => COUNT_WORD.has(w)) || COUNT_PREFIXES.some((p) => h.startsWith(p));
}

/** How strongly a column name suggests each field (0..1), from names alone. */
export function nameScores(header: string): Map<FieldKey, number> {
  const out = nameScoresOf(header);
  if (isCountName(header)) for (const f of NOT_FOR_COUNTS) out.delete(f);
  return out;
}

function nameScoresOf(header: string): Map<FieldKey, number> {
  const out = new Map<FieldKey, number>();
  const h = fold(header);
  if (!h) return out;
  const tight = foldTight(header);
  const words = h.split(" ");
  const put = (f: FieldKey, s: number) => out.set(f, Math.max(out.get(f) ?? 0, s));
  // The last words of a name say what the column is: "Owner Group" is a group, not an owner.
  const tails = new Set<FieldKey>();
  for (const n of NAMES)
    if (
      n.folded.length > 1 &&
      words.length > n.folded.split(" ").length &&
      h.endsWith(" " + n.folded)
    )
      tails.add(n.field);
  for (const n of NAMES) {
    if (h === n.folded) put(n.field, n.weight);
    else if (n.tight.length > 3 && tight === n.tight) put(n.field, 0.95 * n.weight);
    else if (n.folded.length > 3 || n.folded === "#" || n.folded === "%") {
      const nw = n.folded.split(" ");
      // "Owner Team" is a team, "Team Lead" is a person: the last words carry the meaning.
      const tail =
        words.length > nw.length && words.slice(words.length - nw.length).join(" ") === n.folded;
      if (tail) put(n.field, 0.75 * n.weight);
      else if (
        n.folded.length > 3 &&
        words.length > nw.length &&
        (" " + h + " ").includes(" " + n.folded + " ")
      )
        put(n.field, (tails.size && !tails.has(n.field) ? 0.25 : 0.6) * n.weight);
      else if (n.tight.length >= 5 && tight.length > n.tight.length && tight.endsWith(n.tight))
        put(n.field, 0.55 * n.weight);
    }
  }
  return out;
}

const FIELD_VALUES = new Map<FieldKey, ValueKind>(FIELDS.map((f) => [f.key, f.values]));

/** How well a column's values fit a kind of field, 0..1 (0 vetoes the field). */
export function valueFit(kind: ValueKind, p: ColumnProfile): number {
  if (!p.n) return 0;
  const s = (x: number) => share(x, p);
  switch (kind) {
    case "id":
      return p.distinct === p.n && p.avgLength <= 16 && s(p.dates) < 0.5 ? 1 : 0;
    case "name":
      return s(p.dates) > 0.5 || s(p.numbers) > 0.8 ? 0 : s(p.text) >= 0.5 ? 1 : 0.5;
    case "text":
      return s(p.dates) > 0.6 || (s(p.numbers) > 0.8 && s(p.text) < 0.1) ? 0 : 1;
    case "date":
      return s(p.dates) >= 0.6 ? 1 : s(p.dates) >= 0.3 ? 0.6 : 0;
    case "number":
      return s(p.numbers + p.percentSigns) >= 0.6 ? 1 : s(p.numbers) >= 0.3 ? 0.5 : 0;
    case "percent":
      return s(Math.max(p.numbers, p.percentSigns)) >= 0.6 ? 1 : 0;
    case "status":
      return s(p.statusShort) >= 0.5 ? 1 : s(p.statusShort) >= 0.2 ? 0.6 : 0;
    case "rag":
      return s(p.rag) >= 0.5 ? 1 : s(p.statusShort) >= 0.5 ? 0.5 : 0;
    case "dependencies":
      return s(p.dependencies + p.integers) >= 0.3 ? 1 : s(p.text) > 0 ? 0.6 : 0;
    case "direction":
      return s(p.direction) >= 0.6 ? 1 : 0;
    case "period":
      return s(p.periods + p.dates) >= 0.6 ? 1 : 0;
    case "raidType":
      return s(p.raid) >= 0.6 ? 1 : 0;
    case "response":
      return s(p.response) >= 0.5 ? 1 : 0;
  }
}

/** Fields a column's values alone suggest, with confidences below any name match. */
function valueGuesses(p: ColumnProfile): [FieldKey, number][] {
  const s = (x: number) => share(x, p);
  const out: [FieldKey, number][] = [];
  if (p.n < 2) return out;
  if (s(p.rag) >= 0.8 && p.distinct <= 8) out.push(["rag", 0.6]);
  if (s(p.statusShort) >= 0.8 && p.distinct <= 15) out.push(["stage", 0.55]);
  if (s(p.dependencies) >= 0.6) out.push(["dependsOn", 0.5]);
  if (s(p.percentSigns) >= 0.8) out.push(["progress", 0.45]);
  if (s(p.raid) >= 0.9 && p.distinct <= 8) out.push(["type", 0.5]);
  if (s(p.response) >= 0.8) out.push(["response", 0.5]);
  if (s(p.direction) >= 0.9) out.push(["direction", 0.5]);
  return out;
}

const THRESHOLD = 0.3;

/**
 * Maps every column. `fixed` holds the mapping file's decisions by column index (null: carry
 * the column as it is); the rest are decided here, each field to its most confident column.
 */
export function mapColumns(
  columns: readonly ColumnInfo[],
  fixed: ReadonlyMap<number, FieldKey | null> = new Map(),
): ColumnMapping[] {
  const result = new Map<number, ColumnMapping>();
  const taken = new Set<FieldKey>();
  for (const c of columns) {
    if (!fixed.has(c.index)) continue;
    const field = fixed.get(c.index)!;
    result.set(c.index, {
      index: c.index,
      letter: c.letter,
      header: c.header,
      field,
      confidence: 1,
      by: field ? "mapping file" : null,
    });
    if (field) taken.add(field);
  }
  const candidates: { c: ColumnInfo; field: FieldKey; score: number; by: MappedBy }[] = [];
  for (const c of columns) {
    if (result.has(c.index) || !c.profile.n) continue;
    const named = nameScores(c.header);
    for (const [field, score] of named) {
      const fit = valueFit(FIELD_VALUES.get(field)!, c.profile);
      if (fit > 0) candidates.push({ c, field, score: score * fit, by: "name" });
    }
    if (!named.size)
      for (const [field, score] of valueGuesses(c.profile))
        if (!(NOT_FOR_COUNTS.has(field) && isCountName(c.header)))
          candidates.push({ c, field, score, by: "values" });
  }
  candidates.sort((a, b) => b.score - a.score || a.c.index - b.c.index);
  for (const k of candidates) {
    if (k.score < THRESHOLD || taken.has(k.field) || result.has(k.c.index)) continue;
    taken.add(k.field);
    result.set(k.c.index, {
      index: k.c.index,
      letter: k.c.letter,
      header: k.c.header,
      field: k.field,
      confidence: round(k.score),
      by: k.by,
    });
  }
  positionalGuesses(columns, result, taken);
  return columns.map(
    (c) =>
      result.get(c.index) ?? {
        index: c.index,
        letter: c.letter,
        header: c.header,
        field: null,
        confidence: 0,
        by: null,
      },
  );
}

const round = (x: number) => Math.round(x * 100) / 100;

/**
 * Last resorts, at low confidence: with no column named for it, the name is the longest
 * mostly-unique text column, and Start and Due are the earliest and latest date columns.
 */
function positionalGuesses(
  columns: readonly ColumnInfo[],
  result: Map<number, ColumnMapping>,
  taken: Set<FieldKey>,
): void {
  const free = columns.filter((c) => !result.has(c.index) && c.profile.n > 0);
  const put = (c: ColumnInfo, field: FieldKey, confidence: number) => {
    result.set(c.index, {
      index: c.index,
      letter: c.letter,
      header: c.header,
      field,
      confidence,
      by: "position",
    });
    taken.add(field);
  };
  if (!taken.has("name") && !taken.has("keyResult")) {
    const texts = free.filter(
      (c) => share(c.profile.text, c.profile) >= 0.8 && c.profile.distinct >= 0.5 * c.profile.n,
    );
    texts.sort(
      (a, b) => b.profile.avgLength * b.profile.distinct - a.profile.avgLength * a.profile.distinct,
    );
    if (texts[0] && texts[0].profile.avgLength >= 8) put(texts[0], "name", 0.4);
  }
  if (!taken.has("start") && !taken.has("due")) {
    const dated = free.filter(
      (c) =>
        !result.has(c.index) &&
        share(c.profile.textDates, c.profile) >= 0.8 &&
        c.profile.n >= 0.8 * c.profile.sampled &&
        c.profile.medianDate,
    );
    if (dated.length >= 2) {
      dated.sort((a, b) =>
        a.profile.medianDate! < b.profile.medianDate!
          ? -1
          : a.profile.medianDate! > b.profile.medianDate!
            ? 1
            : a.index - b.index,
      );
      put(dated[0]!, "start", 0.3);
      put(dated[dated.length - 1]!, "due", 0.3);
    }
  }
}

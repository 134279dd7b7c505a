/**
 * Free-text dependencies: "waiting on #4, #5", "blocked by Vendor SLA data (#9)", "#1; #2",
 * "2fs", "4SS+2d", "depends on INI-4", "wartet auf Netzwerk-Refresh". Parsing gives references;
 * the migration resolves them against the rows it imported.
 */
import { DEPENDENCY_PHRASES, LINK_TYPES, WEAK_DEPENDENCY_PHRASES, allWords } from "./vocabulary.ts";
import { fold } from "./words.ts";

export type DependencyRef =
  /** `#4`, `4`, `4fs`: the row whose own number (ID column) is 4. */
  | { readonly kind: "number"; readonly n: number }
  /** `INI-4`, `T-12`, `R3`: a row whose own ID is that text. */
  | { readonly kind: "id"; readonly id: string }
  /** Anything else: the name of another row. */
  | { readonly kind: "name"; readonly name: string };

export interface Dependency {
  readonly ref: DependencyRef;
  /** Link type of project plans (finish-to-start …), when given. */
  readonly link?: string;
  /** What is handed over, when the text says ("Vendor SLA data (#9)"). */
  readonly deliverable?: string;
  /** The text it was read from, for reports. */
  readonly text: string;
  /** True when it came from prose through a phrase that needs a firm reference. */
  readonly weak: boolean;
}

/** Text with accents stripped and lower-cased, with a map back to the original's positions. */
function plain(text: string): { s: string; at: number[] } {
  let s = "";
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    const d = ch
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/ß/g, "ss");
    for (let k = 0; k < d.length; k++) at.push(i);
    s += d;
    i += ch.length;
  }
  at.push(text.length);
  return { s, at };
}

const esc = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+");
const PHRASES = [...new Set(allWords(DEPENDENCY_PHRASES).map(fold))].sort(
  (a, b) => b.length - a.length,
);
const PHRASE = new RegExp(
  `(?:^|[^a-z0-9])(${PHRASES.map(esc).join("|")})(?=$|[^a-z0-9])\\s*[:\\-–]?\\s*`,
  "g",
);
const LEADING_PHRASE = new RegExp(
  `^\\s*(${PHRASES.map(esc).join("|")})(?=$|[^a-z0-9])\\s*[:\\-–]?\\s*`,
);

const LIST_SPLIT = /\s*(?:[,;\n]|&)\s*/;
const AND_SPLIT = /\s+(?:and|und|et|y|plus)\s+/i;
const NUMBER_REF =
  /^(?:#|no\.?\s*|nr\.?\s*|item\s+|task\s+|row\s+|line\s+|zeile\s+|aufgabe\s+|tache\s+|tarea\s+)?(\d{1,7})\s*(fs|ss|ff|sf)?\s*(?:[+-]\s*\d+(?:[.,]\d+)?\s*(?:d|days?|w|wks?|weeks?|h|hrs?|hours?|t|tage?|edays?|ed|ew)?)?$/i;
const ID_REF = /^(?:[A-Za-z]{1,8}[-_ ]?\d{1,7}|\d{1,4}(?:\.\d{1,4}){1,4})$/;
const TRAILING_REF = /^(.*?)\s*[([]\s*((?:#\s*)?\d{1,7}|[A-Za-z]{1,8}[-_ ]?\d{1,7})\s*[)\]]$/;
const FROM_REF = /^(.+?)\s+(?:from|von|de la|de|del)\s+((?:#\s*)?\d{1,7}|[A-Za-z]{1,8}-\d{1,7})$/i;

function refOf(
  part: string,
): { ref: DependencyRef; link?: string; deliverable?: string } | undefined {
  const t = part
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’.!?]+$/g, "")
    .trim();
  if (!t) return undefined;
  const num = NUMBER_REF.exec(t);
  if (num) {
    const link = num[2]?.toLowerCase();
    return {
      ref: { kind: "number", n: Number(num[1]) },
      ...(link ? { link: LINK_TYPES[link]! } : {}),
    };
  }
  if (ID_REF.test(t)) return { ref: { kind: "id", id: t } };
  const trailing = TRAILING_REF.exec(t) ?? FROM_REF.exec(t);
  if (trailing) {
    const inner = refOf(trailing[2]!);
    const deliverable = trailing[1]!.trim();
    if (inner && inner.ref.kind !== "name")
      return { ...inner, ...(deliverable ? { deliverable } : {}) };
  }
  if (t.length > 120) return undefined;
  return { ref: { kind: "name", name: t } };
}

function listOf(text: string, weak: boolean): Dependency[] {
  const out: Dependency[] = [];
  // "and" separates references ("#4 and #5") but also sits inside names ("Research and Development").
  const parts = text.split(LIST_SPLIT).flatMap((p) => {
    const pieces = p.split(AND_SPLIT);
    return pieces.length > 1 && pieces.every((x) => refOf(x)?.ref.kind !== "name") ? pieces : [p];
  });
  for (const part of parts) {
    const r = refOf(part);
    if (r) out.push({ ...r, text: part.trim(), weak });
  }
  return out;
}

/**
 * Dependencies in a cell of a dependencies column ("#4, #5", "2fs; 3ss", "waiting on Network
 * refresh"): the whole cell is a list, with or without a leading phrase.
 */
export function parseDependencyList(text: string): Dependency[] {
  const { s, at } = plain(text);
  const m = LEADING_PHRASE.exec(s);
  const body = m ? text.slice(at[m[0].length]) : text;
  return listOf(body, false);
}

/**
 * Dependencies in prose (a comment): only what follows a dependency phrase, up to the end of
 * its sentence. "Waiting on #4 and the vendor contract. Review after go-live." gives #4 and
 * "the vendor contract"; "after go-live" is weak, kept only if it resolves firmly.
 */
export function parseDependencyProse(text: string): Dependency[] {
  const { s, at } = plain(text);
  const out: Dependency[] = [];
  PHRASE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PHRASE.exec(s))) {
    const phrase = m[1]!.replace(/\s+/g, " ");
    const from = m.index + m[0].length;
    const rest = s.slice(from);
    const stop =
      /[.!?\n](?:\s|$)|\n|\s(?:but|aber|mais|pero|because|weil|car|porque|so|then|dann)\s/.exec(
        rest,
      );
    const end = from + (stop ? stop.index : rest.length);
    const clause = text.slice(at[from], at[end]);
    out.push(...listOf(clause, WEAK_DEPENDENCY_PHRASES.has(phrase)));
    PHRASE.lastIndex = Math.max(end, m.index + 1);
  }
  return out;
}

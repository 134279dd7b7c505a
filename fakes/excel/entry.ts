/**
 * What Excel makes of a value written to a cell through `range.values` (the same as typing it):
 * the fake's model of Excel, written apart from Baton's host so a host that forgets to keep
 * text as text fails its tests.
 *
 * - In a cell formatted as Text (`@`) a string stays exactly as given.
 * - A leading apostrophe marks text: `'=1+1` is the text `=1+1`.
 * - A string starting with `=`, `+`, `-` or `@` becomes a formula (unless it is a plain number
 *   such as `-5`); the fake calculates arithmetic and gives `#NAME?` for anything else.
 * - Numbers (`12`, `1,234.5`, `1e3`, `15%`), ISO dates (`2026-11-26`, `2026-11`) and
 *   `TRUE`/`FALSE` are converted, as Excel does for a cell in General format.
 */
import { serialFromIso } from "@baton/core";

export type Scalar = string | number | boolean;

export interface Stored {
  readonly value: Scalar;
  readonly formula?: string;
}

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d+)?(\.\d+)?([eE][+-]?\d+)?%?$/;

function asNumber(text: string): number | null {
  const t = text.trim();
  if (!/\d/.test(t) || !NUMBER.test(t)) return null;
  const percent = t.endsWith("%");
  const n = Number((percent ? t.slice(0, -1) : t).replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return percent ? n / 100 : n;
}

function asDate(text: string): number | null {
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  const month = Number(m[2]);
  const day = m[3] === undefined ? 1 : Number(m[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const iso = `${m[1]}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
  try {
    return serialFromIso(iso);
  } catch {
    return null;
  }
}

/** Arithmetic with + - * / and parentheses; anything else is not a formula the fake can calculate. */
function calculate(body: string): Scalar {
  let i = 0;
  const s = body.replace(/\s+/g, "");
  const peek = () => s[i];
  const fail = (): never => {
    throw new Error("not arithmetic");
  };
  const factor = (): number => {
    const ch = peek();
    if (ch === "+" || ch === "-") {
      i++;
      const v = factor();
      return ch === "-" ? -v : v;
    }
    if (ch === "(") {
      i++;
      const v = sum();
      if (peek() !== ")") fail();
      i++;
      return v;
    }
    const m = /^\d+(\.\d+)?/.exec(s.slice(i));
    if (!m) return fail();
    i += m[0].length;
    return Number(m[0]);
  };
  const product = (): number => {
    let v = factor();
    while (peek() === "*" || peek() === "/") {
      const op = s[i++];
      const w = factor();
      v = op === "*" ? v * w : v / w;
    }
    return v;
  };
  const sum = (): number => {
    let v = product();
    while (peek() === "+" || peek() === "-") {
      const op = s[i++];
      const w = product();
      v = op === "+" ? v + w : v - w;
    }
    return v;
  };
  try {
    const v = sum();
    if (i !== s.length) return "#NAME?";
    return Number.isFinite(v) ? v : "#DIV/0!";
  } catch {
    return "#NAME?";
  }
}

/** The cell content Excel stores for a written value; `null` when the cell becomes blank. */
export function enter(value: Scalar, numberFormat: string): Stored | null {
  if (typeof value !== "string") return { value };
  if (value === "") return null;
  if (numberFormat === "@") return { value };
  if (value.startsWith("'")) return value.length > 1 ? { value: value.slice(1) } : null;
  const n = asNumber(value);
  if (n !== null) return { value: n };
  const c = value[0];
  if (c === "=" || c === "+" || c === "-" || c === "@") {
    const formula = c === "=" ? value : `=${value}`;
    return { value: calculate(formula.slice(1)), formula };
  }
  const d = asDate(value);
  if (d !== null) return { value: d };
  if (/^true$/i.test(value)) return { value: true };
  if (/^false$/i.test(value)) return { value: false };
  return { value };
}

/**
 * Numbers and percentages as trackers type them: thousands separators (1,234.5 / 1.234,5 /
 * 1 234,5 / 1'234.5), decimal commas, currency signs and codes, a percent sign, negatives in
 * parentheses, and float noise from exports (2066075.5899999999 is 2066075.59).
 */
import type { CellValue } from "../cells/values.ts";

export type Decimal = "point" | "comma";

const CURRENCY =
  /^(?:[$€£¥₹]|usd|eur|gbp|aud|chf|cad|nzd|jpy|a\$|us\$|au\$)\s*|\s*(?:[$€£¥₹]|usd|eur|gbp|aud|chf|cad|nzd|jpy)$/gi;
const PLAIN = /^\d+(?:\.\d+)?$/;

/** Group separators must group by threes; anything else is not a number to trust. */
const CONVENTION: Record<Decimal, { group: RegExp; mark: string; shape: RegExp }> = {
  point: {
    group: /[,\s']/g,
    mark: ".",
    shape: /^(?:\d+|\d{1,3}(?:[,\s']\d{3})+)(?:\.\d+)?$|^\.\d+$/,
  },
  comma: {
    group: /[.\s']/g,
    mark: ",",
    shape: /^(?:\d+|\d{1,3}(?:[.\s']\d{3})+)(?:,\d+)?$|^,\d+$/,
  },
};

/** Rounds away binary float noise: twelve significant digits are more than any tracker means. */
export function denoise(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return n;
  return Number(n.toPrecision(12));
}

/** Evidence a text gives about the decimal mark: "1,5" says comma, "1.5" or "1,234.5" say point. */
export function decimalEvidence(text: string): Decimal | undefined {
  const t = text.trim().replace(CURRENCY, "").replace(/%$/, "").trim();
  if (/^[+-]?\d{1,3}(?:\.\d{3})+,\d+$/.test(t) || /^[+-]?\d+,(?:\d{1,2}|\d{4,})$/.test(t))
    return "comma";
  if (/^[+-]?\d{1,3}(?:,\d{3})+\.\d+$/.test(t) || /^[+-]?\d+\.(?:\d{1,2}|\d{4,})$/.test(t))
    return "point";
  return undefined;
}

/** A number from text in the sheet's decimal convention; percent signs are left to `readPercent`. */
export function readNumberText(text: string, decimal: Decimal): number | undefined {
  let t = text
    .trim()
    .replace(/\u2212/g, "-")
    .replace(/\u00a0|\u202f/g, " ");
  if (!t || t.length > 40) return undefined;
  let sign = 1;
  const paren = /^\((.*)\)$/.exec(t);
  if (paren) {
    sign = -1;
    t = paren[1]!.trim();
  }
  t = t.replace(CURRENCY, "").trim();
  if (t.startsWith("-")) {
    sign *= -1;
    t = t.slice(1).trim();
  } else if (t.startsWith("+")) t = t.slice(1).trim();
  t = t.replace(CURRENCY, "").trim();
  const { group, mark, shape } = CONVENTION[decimal];
  if (!shape.test(t)) return undefined;
  const plain = t.replace(group, "").replace(mark, ".");
  if (!PLAIN.test(plain.startsWith(".") ? "0" + plain : plain)) return undefined;
  const n = sign * Number(plain);
  return Number.isFinite(n) ? denoise(n) : undefined;
}

/** A number from a cell. */
export function readNumber(value: CellValue, decimal: Decimal): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? denoise(value) : undefined;
  if (typeof value === "string") return readNumberText(value, decimal);
  return undefined;
}

/** A cell as a percentage: whether it carried a % sign, and its number. */
export function readPercentParts(
  value: CellValue,
  decimal: Decimal,
): { readonly n: number; readonly sign: boolean } | undefined {
  if (typeof value === "number")
    return Number.isFinite(value) ? { n: value, sign: false } : undefined;
  if (typeof value !== "string") return undefined;
  const t = value.trim();
  const pct = /^(.*?)\s*(%|pct|percent|prozent|pour cent|por ciento)$/i.exec(t);
  const n = readNumberText(pct ? pct[1]! : t, decimal);
  return n === undefined ? undefined : { n, sign: Boolean(pct) };
}

/**
 * A percentage as a fraction 0..1. `points` says the column holds percent points (40 for 40%),
 * decided from the whole column: a column whose plain numbers all lie within 0..1 holds fractions.
 */
export function toFraction(parts: { n: number; sign: boolean }, points: boolean): number {
  return denoise(parts.sign || points ? parts.n / 100 : parts.n);
}

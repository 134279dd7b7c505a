/**
 * Numbers people read. A forecast is a least-squares value (31.4676, 3344.33) that claims more
 * precision than the data it came from; people are shown it to the decimals the KPI's own data
 * is written with (31.5 when the Actuals have one decimal, 3,344 when they are whole), while
 * `--json` and the cell's value keep every digit. The engine decides the decimals of each KPI
 * (`KpiEvaluation.decimals`, from `mostDecimals`); every renderer shows numbers through
 * `numberForPeople` or, in a sheet, `numberFormatFor`, so they all agree.
 */

/** Beyond this a figure is noise to a reader, whatever the data holds. */
export const MAX_DECIMALS = 6;

/**
 * The decimals `x` is written with, floating-point noise dropped (0.1 + 0.2 has one), at most
 * MAX_DECIMALS; 0 for null, whole numbers and values that are not finite.
 */
export function decimalsOf(x: number | null): number {
  if (x === null || !Number.isFinite(x)) return 0;
  // Twelve significant digits keep every digit a person typed and drop the noise of sums.
  const text = String(Number(x.toPrecision(12)));
  const e = text.indexOf("e");
  const mantissa = e < 0 ? text : text.slice(0, e);
  const exponent = e < 0 ? 0 : Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return Math.min(MAX_DECIMALS, Math.max(0, fraction - exponent));
}

/** The most decimals among `values`: the precision a set of figures is shown to. */
export function mostDecimals(values: Iterable<number | null>): number {
  let most = 0;
  for (const v of values) most = Math.max(most, decimalsOf(v));
  return most;
}

/**
 * `x` rounded to `decimals` for a person to read, with thousands separators: 3,344, 31.5,
 * -0.25. Blank for null.
 */
export function numberForPeople(x: number | null, decimals: number): string {
  if (x === null) return "";
  if (!Number.isFinite(x)) return String(x);
  const places = Math.min(MAX_DECIMALS, Math.max(0, Math.floor(decimals)));
  const fixed = Math.abs(x).toFixed(places);
  const [whole, fraction] = fixed.split(".") as [string, string | undefined];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // -0.04 shown to one decimal is 0.0, not -0.0.
  const negative = x < 0 && /[1-9]/.test(fixed);
  return (negative ? "-" : "") + grouped + (fraction ? `.${fraction}` : "");
}

/** The spreadsheet number format that shows a value as `numberForPeople` does. */
export function numberFormatFor(decimals: number): string {
  const places = Math.min(MAX_DECIMALS, Math.max(0, Math.floor(decimals)));
  return places === 0 ? "#,##0" : `#,##0.${"0".repeat(places)}`;
}

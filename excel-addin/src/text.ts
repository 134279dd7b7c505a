/**
 * Which strings Excel would not keep as typed.
 *
 * Writing `range.values` is the same as typing: Excel turns `=1+1` (and text starting with `+`,
 * `-` or `@`) into a formula, `12` or `1,5` or `15%` into a number, `2026-11` or `Nov 26` into
 * a date, `TRUE` into a boolean, `#N/A` into an error, and drops a leading apostrophe. What it
 * recognises depends on the user's locale, so this errs on the side of guarding: a string that
 * could be read as anything but text gets the Text number format (`@`) before it is written, and
 * then Excel stores it exactly.
 */
const MONTH_OR_DAY =
  /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun)/i;

export function excelMightConvert(text: string): boolean {
  const t = text.trim();
  if (t === "") return false;
  const c = t.charAt(0);
  if ("=+-@'#".includes(c)) return true;
  if (/[\d.,($€£¥%]/.test(c)) return true;
  if (/^(true|false)$/i.test(t)) return true;
  return MONTH_OR_DAY.test(t) && /\d/.test(t);
}

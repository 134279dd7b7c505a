/**
 * What a column's values look like: the share that read as dates, numbers, percentages, status
 * words, dependencies and so on. Mapping weighs column names against these shares, so a column
 * named "Stage1" that holds dates is not taken for the Stage.
 */
import { isBlank, isErrorValue, type CellValue } from "../cells/values.ts";
import { parsePeriod } from "../template/periods.ts";
import { readDateCell } from "./dates.ts";
import { readNumber, readPercentParts, decimalEvidence, type Decimal } from "./numbers.ts";
import { directionOf, raidTypeOf, responseOf, statusOf } from "./lookups.ts";
import { parseDependencyList } from "./dependencies.ts";
import { textOf } from "./source.ts";

export interface ColumnProfile {
  /** Values looked at, blanks included. */
  readonly sampled: number;
  /** Non-blank values looked at. */
  readonly n: number;
  readonly distinct: number;
  readonly dates: number;
  /** Dates written as text (not serial numbers or date cells). */
  readonly textDates: number;
  readonly numbers: number;
  readonly percentSigns: number;
  /** Numbers within 0..1, of those that are numbers. */
  readonly unitInterval: number;
  readonly status: number;
  readonly statusShort: number;
  readonly rag: number;
  readonly dependencies: number;
  /** Positive whole numbers held as numbers (a predecessor column in a workbook). */
  readonly integers: number;
  readonly raid: number;
  readonly response: number;
  readonly direction: number;
  readonly periods: number;
  /** Text that is none of the above. */
  readonly text: number;
  readonly avgLength: number;
  /** Median day number of the column's dates, to order date columns. */
  readonly medianDate?: string;
  readonly indented: number;
  readonly decimal: { comma: number; point: number };
}

const DEP_SHAPE =
  /^\s*(?:#?\s*\d{1,7}\s*(?:fs|ss|ff|sf)?(?:\s*[+-]\s*\d+\s*[a-z]*)?|[A-Za-z]{1,8}-\d{1,7})(?:\s*[,;&]\s*(?:#?\s*\d{1,7}\s*(?:fs|ss|ff|sf)?(?:\s*[+-]\s*\d+\s*[a-z]*)?|[A-Za-z]{1,8}-\d{1,7}))*\s*$/i;
const PERIOD_TEXT =
  /^(?:\d{4}-w\d{1,2}|w\d{1,2}\s+\d{4}|(?:week|wk|kw|woche|semaine|semana)\s*\d{1,2}(?:\s*[/,-]?\s*\d{4})?)$/i;

/** Profiles a column from a sample of its values (a sample keeps 50k-row sheets linear). */
export function profileColumn(values: readonly CellValue[], zone: string): ColumnProfile {
  let n = 0;
  let dates = 0,
    textDates = 0,
    numbers = 0,
    percentSigns = 0,
    unit = 0,
    status = 0,
    statusShort = 0,
    rag = 0,
    deps = 0,
    raid = 0;
  let integers = 0;
  let response = 0,
    direction = 0,
    periods = 0,
    text = 0,
    length = 0,
    indented = 0,
    comma = 0,
    point = 0;
  const seen = new Set<string>();
  const dateList: string[] = [];
  for (const v of values) {
    if (isBlank(v) || isErrorValue(v)) continue;
    n++;
    const t = textOf(v).trim();
    seen.add(t.toLowerCase());
    length += t.length;
    if (typeof v === "string" && /^[ \t\u00a0]+\S/.test(v)) indented++;
    const d = readDateCell(v, zone);
    const isText = typeof v === "string";
    if (d && !(typeof v === "number" && (v < 20000 || v > 80000))) {
      dates++;
      if (isText) textDates++;
      dateList.push("fixed" in d ? d.fixed : d.dmy);
    }
    if (isText) {
      const e = decimalEvidence(t);
      if (e === "comma") comma++;
      else if (e === "point") point++;
    }
    const num = readNumber(v, "point") ?? readNumber(v, "comma");
    const pct = readPercentParts(v, "point") ?? readPercentParts(v, "comma");
    if (num !== undefined) {
      numbers++;
      if (num >= 0 && num <= 1) unit++;
    }
    if (pct?.sign) percentSigns++;
    let known = false;
    if (isText) {
      const s = statusOf(t, false);
      const ss = s ?? statusOf(t, true);
      if (s) status++;
      if (ss) statusShort++;
      if (ss?.rag) rag++;
      if (
        DEP_SHAPE.test(t) ||
        (parseDependencyList(t).length > 0 &&
          /^(waiting|blocked|depends|dependent|wartet|abh|blockiert|depend|bloqu|esperando|en attente)/i.test(
            t,
          ))
      )
        deps++;
      if (raidTypeOf(t)) raid++;
      if (responseOf(t)) response++;
      if (directionOf(t)) direction++;
      if (parsePeriod(t) || PERIOD_TEXT.test(t)) periods++;
      known = Boolean(ss || d || num !== undefined || pct);
    } else if (typeof v === "number" && Number.isInteger(v) && v > 0) integers++;
    if (isText && !known) text++;
  }
  dateList.sort();
  const medianDate = dateList[Math.floor(dateList.length / 2)];
  return {
    sampled: values.length,
    n,
    distinct: seen.size,
    dates,
    textDates,
    numbers,
    percentSigns,
    unitInterval: unit,
    status,
    statusShort,
    rag,
    dependencies: deps,
    integers,
    raid,
    response,
    direction,
    periods,
    text,
    avgLength: n ? length / n : 0,
    ...(medianDate ? { medianDate } : {}),
    indented,
    decimal: { comma, point },
  };
}

export const share = (part: number, p: ColumnProfile) => (p.n ? part / p.n : 0);

export type { Decimal };

/**
 * Validation issues as data.
 *
 * Every issue is one member of a union keyed by `code`, with the cell it points at (A1, sheet,
 * row, column header) and the details its message needs. Messages and fixes come from one
 * table (`describe` below), so the sidebar, the command line and the tests read the same words.
 */
import type { Evidence } from "./evidence.ts";

/** An `info` tells something worth knowing that needs no change; it never fails a command. */
export type Severity = "error" | "warning" | "info";

export interface IssueLocation {
  readonly sheet: string;
  /** 1-based sheet row. */
  readonly row: number;
  /** The column's header (or the column letter where there is no header). */
  readonly column: string;
  /** A1 reference of the cell. */
  readonly cell: string;
}

type Details =
  | { code: "missing-sheet" }
  | { code: "missing-column" }
  | { code: "duplicate-column"; firstCell: string }
  | { code: "required" }
  | { code: "cell-error"; value: string }
  | { code: "invalid-id"; value: string; prefix: string }
  | { code: "invalid-reference"; value: string; expected: string }
  | { code: "invalid-date"; value: string }
  | { code: "invalid-number"; value: string }
  | { code: "invalid-percent"; value: string }
  | { code: "invalid-enum"; value: string; allowed: readonly string[] }
  | { code: "invalid-period"; value: string }
  | { code: "invalid-setting"; key: string; value: string; expected: string }
  | { code: "unknown-setting"; key: string }
  | { code: "duplicate-setting"; key: string; firstRow: number }
  | { code: "duplicate-id"; id: string; firstRow: number }
  | { code: "unknown-reference"; id: string; target: string }
  | { code: "start-after-due"; start: string; due: string }
  | { code: "self-handoff"; id: string }
  | { code: "handoff-cycle"; path: readonly string[] }
  | { code: "direction-mismatch"; direction: string; baseline: number; target: number }
  | { code: "period-cadence"; period: string; cadence: string }
  | { code: "missing-rag"; id: string }
  | { code: "missing-actual"; id: string }
  | { code: "missing-path-to-green"; rag: string }
  | { code: "duplicate-checkin"; id: string; period: string; firstRow: number }
  | { code: "checkin-closed-period"; period: string; closedThrough: string }
  | { code: "checkin-future-period"; period: string; current: string }
  | {
      code: "current-period-lags";
      current: string;
      latest: string;
      count: number;
      thisPeriod: string;
    }
  | { code: "sealed-row-edited"; reason: string }
  /** A CSV file's text that is not well-formed CSV at `line` (its physical line, 1-based). */
  | { code: "csv-malformed"; line: number }
  /** A Green check-in that the workbook's own data contradicts (engine/false-greens.ts). */
  | { code: "false-green"; id: string; period: string; evidence: readonly Evidence[] }
  /** A hand-off end in another workbook (`dev:INI-7`), judged only when a portfolio holds both. */
  | { code: "outside-workbook"; id: string; workbook: string }
  /** Portfolio: a hand-off end naming a workbook the portfolio does not hold. */
  | { code: "unknown-workbook"; id: string; workbook: string; members: readonly string[] }
  /** Portfolio: a hand-off end naming an ID its workbook does not have. */
  | { code: "unknown-portfolio-reference"; id: string; workbook: string }
  /** Portfolio: a member workbook without a Workbook name in Settings. */
  | { code: "missing-workbook-name"; file: string }
  /** Portfolio: two members with one Workbook name. */
  | { code: "duplicate-workbook-name"; workbook: string; file: string; otherFile: string }
  /** Portfolio: members judged by different rules in Settings (the first member's apply). */
  | { code: "portfolio-settings-differ"; key: string; value: string; used: string; usedBy: string }
  /** A People row whose Email cannot be sent to. */
  | { code: "invalid-email"; name: string; value: string }
  /** A name listed twice in People (case and spacing ignored). */
  | { code: "duplicate-person"; name: string; firstRow: number }
  /** The workbook predates the current template; `adds` is what upgrading adds. */
  | { code: "template-outdated"; version: number; current: number; adds: readonly string[] }
  | { code: "gate-out-of-range"; value: number }
  | { code: "gate-future-date"; date: string; today: string }
  | { code: "gate-wrong-role"; gate: number; role: string; expected: string }
  | { code: "gate-owner-decides"; gate: number; owner: string; expected: string }
  | { code: "gate-out-of-order"; gate: number; reached: number }
  | { code: "gate-no-evidence" }
  | { code: "gate-no-confirmed-value" }
  | { code: "done-without-confirmation"; id: string; gate: number }
  | { code: "value-units-differ"; objective: string; units: readonly string[] };

export type IssueCode = Details["code"];

export type ValidationIssue = IssueLocation &
  Details & {
    readonly severity: Severity;
    readonly message: string;
    readonly fix?: string;
  };

export type IssueDetails<C extends IssueCode> = Extract<Details, { code: C }>;

const SEVERITY: Record<IssueCode, Severity> = {
  "missing-sheet": "error",
  "missing-column": "error",
  "duplicate-column": "warning",
  required: "error",
  "cell-error": "error",
  "invalid-id": "error",
  "invalid-reference": "error",
  "invalid-date": "error",
  "invalid-number": "error",
  "invalid-percent": "error",
  "invalid-enum": "error",
  "invalid-period": "error",
  "invalid-setting": "error",
  "unknown-setting": "warning",
  "duplicate-setting": "warning",
  "duplicate-id": "error",
  "unknown-reference": "error",
  "start-after-due": "error",
  "self-handoff": "error",
  "handoff-cycle": "error",
  "direction-mismatch": "warning",
  "period-cadence": "error",
  "missing-rag": "error",
  "missing-actual": "error",
  "missing-path-to-green": "error",
  "duplicate-checkin": "error",
  "checkin-closed-period": "error",
  "checkin-future-period": "warning",
  "current-period-lags": "warning",
  "sealed-row-edited": "error",
  "csv-malformed": "error",
  "false-green": "warning",
  "outside-workbook": "info",
  "unknown-workbook": "error",
  "unknown-portfolio-reference": "error",
  "missing-workbook-name": "error",
  "duplicate-workbook-name": "error",
  "portfolio-settings-differ": "warning",
  "invalid-email": "error",
  "duplicate-person": "error",
  "template-outdated": "warning",
  "gate-out-of-range": "error",
  "gate-future-date": "error",
  "gate-wrong-role": "error",
  "gate-owner-decides": "error",
  "gate-out-of-order": "error",
  "gate-no-evidence": "error",
  "gate-no-confirmed-value": "error",
  "done-without-confirmation": "warning",
  "value-units-differ": "warning",
};

const list = (values: readonly string[]) => values.join(", ");
/** "a", "a and b", "a; b; and c": evidence texts hold commas of their own. */
const sentence = (parts: readonly string[]) =>
  parts.length <= 2
    ? parts.join(" and ")
    : `${parts.slice(0, -1).join("; ")}; and ${parts[parts.length - 1]}`;

/** The one table of messages and fixes. */
function describe(loc: IssueLocation, d: Details): { message: string; fix?: string } {
  const at = `${loc.sheet}!${loc.cell}`;
  switch (d.code) {
    case "missing-sheet":
      return {
        message: `The workbook has no "${loc.sheet}" sheet.`,
        fix: `Add a sheet named "${loc.sheet}" with the template's headers (baton init writes them), or migrate the tracker with baton migrate.`,
      };
    case "missing-column":
      return {
        message: `${loc.sheet} has no "${loc.column}" column in its header row.`,
        fix: `Add the header "${loc.column}" in row 1 (at ${at}).`,
      };
    case "duplicate-column":
      return {
        message: `${loc.sheet} has the header "${loc.column}" twice; Baton reads the first, at ${d.firstCell}.`,
        fix: `Rename or remove the header at ${at}.`,
      };
    case "required":
      return {
        message: `${loc.column} is required and ${at} is blank.`,
        fix: `Fill in ${loc.column} at ${at}.`,
      };
    case "cell-error":
      return {
        message: `${at} (${loc.column}) holds the error ${d.value}.`,
        fix: `Replace the formula or value at ${at} with a plain value.`,
      };
    case "invalid-id":
      return {
        message: `${at}: ${d.value} is not an ID for ${loc.sheet}.`,
        fix: `Use ${d.prefix}-<number>, for example ${d.prefix}-1.`,
      };
    case "invalid-reference":
      return {
        message: `${at} (${loc.column}): ${d.value} is not ${d.expected}.`,
        fix: `Enter ${d.expected} at ${at}.`,
      };
    case "invalid-date":
      return {
        message: `${at} (${loc.column}): ${d.value} is not a date.`,
        fix: `Enter a date at ${at}, as a date cell or as YYYY-MM-DD (2026-11-26).`,
      };
    case "invalid-number":
      return {
        message: `${at} (${loc.column}): ${d.value} is not a number.`,
        fix: `Enter a number at ${at}, such as 42 or 3.5.`,
      };
    case "invalid-percent":
      return {
        message: `${at} (${loc.column}): ${d.value} is not a percentage from 0% to 100%.`,
        fix: `Enter a percentage at ${at}, such as 40% or 0.4.`,
      };
    case "invalid-enum":
      return {
        message: `${at} (${loc.column}): ${d.value} is not one of ${list(d.allowed)}.`,
        fix: `Choose one of ${list(d.allowed)} at ${at}.`,
      };
    case "invalid-period":
      return {
        message: `${at} (${loc.column}): ${d.value} is not a period.`,
        fix: `Enter an ISO week such as 2026-W48, or a month such as 2026-11, as text at ${at}.`,
      };
    case "invalid-setting":
      return {
        message: `Setting "${d.key}" at ${at}: ${d.value} is not ${d.expected}.`,
        fix: `Enter ${d.expected} at ${at}, or clear it to use the default.`,
      };
    case "unknown-setting":
      return {
        message: `Setting "${d.key}" at ${at} is not one Baton knows; it is ignored.`,
        fix: `Check the spelling against Time Zone, Cadence, Amber Window, Stale After, Holidays, Current Period, Workbook.`,
      };
    case "duplicate-setting":
      return {
        message: `Setting "${d.key}" appears again at ${at}; Baton uses the one in row ${d.firstRow}.`,
        fix: `Remove row ${loc.row} of ${loc.sheet}.`,
      };
    case "duplicate-id":
      return {
        message: `${at}: ${d.id} is already used in row ${d.firstRow} of ${loc.sheet}.`,
        fix: `Give this row a new ID, or delete it if it repeats row ${d.firstRow}.`,
      };
    case "unknown-reference":
      return {
        message: `${at} (${loc.column}): ${d.id} does not match any row of ${d.target}.`,
        fix: `Use an ID from the ${d.target} sheet, or add ${d.id} there.`,
      };
    case "start-after-due":
      return {
        message: `${loc.sheet} row ${loc.row}: Start ${d.start} is after Due ${d.due}.`,
        fix: `Correct Start or Due so that Start comes first.`,
      };
    case "self-handoff":
      return {
        message: `${at}: hand-off ${d.id} goes from an initiative to itself.`,
        fix: `A hand-off connects two initiatives: set From Initiative and To Initiative to different IDs.`,
      };
    case "handoff-cycle":
      return {
        message: `${at}: hand-offs form a cycle ${d.path.join(" → ")}; every initiative on it would wait for itself.`,
        fix: `Remove or redirect one hand-off of the cycle.`,
      };
    case "direction-mismatch":
      return {
        message: `${loc.sheet} row ${loc.row}: Direction is ${d.direction} but Target ${d.target} is ${d.target < d.baseline ? "below" : "above"} Baseline ${d.baseline}.`,
        fix: `Set Direction to ${d.direction === "Increase" ? "Decrease" : "Increase"}, or correct Baseline or Target.`,
      };
    case "period-cadence":
      return {
        message: `${at}: ${d.period} does not match the ${d.cadence} cadence in Settings.`,
        fix:
          d.cadence === "Weekly"
            ? `Enter an ISO week such as 2026-W48.`
            : `Enter a month such as 2026-11.`,
      };
    case "missing-rag":
      return {
        message: `${at}: the check-in for initiative ${d.id} has no RAG.`,
        fix: `Choose Green, Amber or Red at ${at}.`,
      };
    case "missing-actual":
      return {
        message: `${at}: the check-in for KPI ${d.id} has no Actual.`,
        fix: `Enter the KPI's measured value at ${at}.`,
      };
    case "missing-path-to-green":
      return {
        message: `${at}: ${d.rag === "Amber" ? "an" : "a"} ${d.rag} check-in needs a Path to Green.`,
        fix: `Say at ${at} what will bring it back to Green, and by when.`,
      };
    case "duplicate-checkin":
      return {
        message: `${loc.sheet} row ${loc.row}: ${d.id} already has a check-in for ${d.period} in row ${d.firstRow}.`,
        fix: `Edit row ${d.firstRow} instead, or change the period of this row.`,
      };
    case "checkin-closed-period":
      return {
        message: `${at}: ${d.period} is closed (sealed through ${d.closedThrough}); a check-in can no longer be added to it.`,
        fix: `Enter the check-in for the current period instead.`,
      };
    case "checkin-future-period":
      return {
        message: `${at}: ${d.period} is after the current period ${d.current}.`,
        fix: `Check the period; check-ins are for the current period.`,
      };
    case "current-period-lags":
      return {
        message: `${at}: Current Period is ${d.current}, but ${d.count === 1 ? "1 check-in is" : `${d.count} check-ins are`} for later periods that have begun, up to ${d.latest}.`,
        fix: `Close the periods that are over (closing moves Current Period on), or set Current Period at ${at} to ${d.thisPeriod}.`,
      };
    case "sealed-row-edited":
      return {
        message: `${loc.sheet} row ${loc.row} no longer matches the sealed history: ${d.reason}.`,
        fix: `Undo the change (version history has the sealed content): sealed check-ins cannot be edited, moved or deleted. If a close was interrupted, run it again.`,
      };
    case "csv-malformed":
      return {
        message: `${loc.sheet}.csv line ${d.line} (row ${loc.row}, ${loc.column}): a double quote opens a cell that never ends as CSV says (the closing quote is missing, or text follows it), so the lines after it would have run into one cell; Baton read this line as it stands and went on with the next.`,
        fix: `Close the quote in line ${d.line} of ${loc.sheet}.csv, and write a quote inside a cell as two ("").`,
      };
    case "false-green":
      return {
        message: `${at}: You report Green, but ${sentence(d.evidence.map((e) => e.text))}.`,
        fix: `Report ${d.id} Amber or Red with a Path to Green, or bring what contradicts it up to date (${list([...new Set(d.evidence.flatMap((e) => e.refs))])}).`,
      };
    case "outside-workbook":
      return {
        message: `${at} (${loc.column}): ${d.id} is in the workbook "${d.workbook}", outside this workbook; its status is unknown here (this hand-off is judged by its own row) until baton portfolio evaluates both workbooks together.`,
        fix: `Nothing to fix. Run baton portfolio with this workbook and "${d.workbook}" to see the hand-off across both.`,
      };
    case "unknown-workbook":
      return {
        message: `${at} (${loc.column}): ${d.id} names the workbook "${d.workbook}", which is not in the portfolio (${d.members.length ? `it holds ${list(d.members)}` : "it holds no named workbook"}).`,
        fix: `Add the workbook named "${d.workbook}" to the portfolio, or correct the name before the colon at ${at}.`,
      };
    case "unknown-portfolio-reference":
      return {
        message: `${at} (${loc.column}): ${d.id} does not match any initiative of the workbook "${d.workbook}".`,
        fix: `Use an ID from the Initiatives sheet of "${d.workbook}", or add it there.`,
      };
    case "missing-workbook-name":
      return {
        message: `${d.file} has no Workbook name in Settings, so the portfolio cannot name its IDs.`,
        fix: `Add a Settings row with Key "Workbook" and a short name such as support (letters, digits, dashes).`,
      };
    case "duplicate-workbook-name":
      return {
        message: `${d.file} and ${d.otherFile} are both named "${d.workbook}" (Settings ${at}); references to "${d.workbook}" would be ambiguous.`,
        fix: `Give one of them another Workbook name in Settings at ${at}.`,
      };
    case "portfolio-settings-differ":
      return {
        message: `Setting "${d.key}" at ${at} is ${d.value}, but the portfolio judges every workbook by one calendar and uses ${d.used} from ${d.usedBy}.`,
        fix: `Give every workbook of the portfolio the same ${d.key}, or list "${d.usedBy}" elsewhere if its rules should not apply.`,
      };
    case "invalid-email":
      return {
        message: `${at} (${loc.column}): "${d.value}" is not an email address, so nothing can be sent to ${d.name}.`,
        fix: `Enter ${d.name}'s address at ${at}, such as name@example.com.`,
      };
    case "duplicate-person":
      return {
        message: `${at}: ${d.name} is already listed in row ${d.firstRow} of ${loc.sheet} (case and spacing aside); Baton sends to the address in row ${d.firstRow}.`,
        fix: `Remove row ${loc.row} of ${loc.sheet}, or spell the two names apart as the Owner columns do.`,
      };
    case "template-outdated":
      return {
        message: `This workbook uses template version ${d.version}; version ${d.current} adds ${list(d.adds.slice(0, -1))}${d.adds.length > 1 ? " and " : ""}${d.adds.at(-1) ?? ""}.`,
        fix: `Run "baton upgrade" on the file, or Set up in the Baton add-in: it adds them after what is there and changes nothing else.`,
      };
    case "gate-out-of-range":
      return {
        message: `${at}: gate ${d.value} does not exist; gates run from 1 (Identified) to 5 (Realised). This decision does not count.`,
        fix: `Enter a whole number from 1 to 5 at ${at}.`,
      };
    case "gate-future-date":
      return {
        message: `${at}: the decision is dated ${d.date}, after today (${d.today}); it does not count until that day.`,
        fix: `Enter the day the decision was taken at ${at}.`,
      };
    case "gate-wrong-role":
      return {
        message: `${at}: gate ${d.gate} is decided by the ${d.expected}, not the ${d.role}. This decision does not count.`,
        fix: `Have the initiative's ${d.expected} take this decision, and record it with Role ${d.expected}.`,
      };
    case "gate-owner-decides":
      return {
        message: `${at}: ${d.owner} owns this initiative and cannot sign gate ${d.gate}, which is the ${d.expected}'s decision. This decision does not count.`,
        fix: `Have the ${d.expected}, someone other than the Owner, take this decision and record it under their name.`,
      };
    case "gate-out-of-order":
      return {
        message: `${at}: gate ${d.gate} is approved while the initiative stands at gate ${d.reached}; gates are passed in order. This decision does not count.`,
        fix: `Record the approval of gate ${d.reached + 1} first (dated before this one), or correct the gate.`,
      };
    case "gate-no-evidence":
      return {
        message: `${at}: a gate decision needs Evidence. This decision does not count.`,
        fix: `Say at ${at} what the decision rests on: a document, a link, a measurement.`,
      };
    case "gate-no-confirmed-value":
      return {
        message: `${at}: approving gate 5 (Realised) needs the Confirmed Value. This decision does not count.`,
        fix: `Enter at ${at} the value the controller confirms, as a number in the initiative's Value Unit.`,
      };
    case "done-without-confirmation":
      return {
        message: `${at}: ${d.id} is Done but stands at gate ${d.gate}: it was closed without the controller's confirmation, so its value counts as unconfirmed.`,
        fix: `Have the initiative's Controller approve gate 5 with the Confirmed Value on the Gate Decisions sheet.`,
      };
    case "value-units-differ":
      return {
        message: `${at}: ${d.objective}'s initiatives count value in ${list(d.units)}; Baton sums value only within one unit, so ${d.objective}'s value is given per unit.`,
        fix: `Use one Value Unit for the initiatives of ${d.objective}, if they measure the same thing.`,
      };
  }
}

/** Builds an issue: severity, message and fix come from the table. */
export function makeIssue<D extends Details>(loc: IssueLocation, details: D): ValidationIssue {
  const { message, fix } = describe(loc, details);
  return {
    sheet: loc.sheet,
    row: loc.row,
    column: loc.column,
    cell: loc.cell,
    ...details,
    severity: SEVERITY[details.code],
    message,
    ...(fix ? { fix } : {}),
  } as ValidationIssue;
}

/** Orders issues as a reader scans a workbook: by sheet order given, then row, then cell. */
export function sortIssues(
  issues: ValidationIssue[],
  sheetOrder: readonly string[],
): ValidationIssue[] {
  const rank = (s: string) => {
    const i = sheetOrder.indexOf(s);
    return i < 0 ? sheetOrder.length : i;
  };
  return issues.sort(
    (a, b) =>
      rank(a.sheet) - rank(b.sheet) ||
      a.row - b.row ||
      a.cell.length - b.cell.length ||
      (a.cell < b.cell ? -1 : a.cell > b.cell ? 1 : 0),
  );
}

export const hasErrors = (issues: readonly ValidationIssue[]) =>
  issues.some((i) => i.severity === "error");

/**
 * Every sentence an action tells the user, in one table: what was said is data (`Said`), and
 * `say` words it. Hosts show the words as they are (a toast, an alert, the pane, stdout); the
 * same event reads the same in Excel, Google Sheets, the preview and the command line.
 */
import type { LedgerBreak } from "../ledger/verify.ts";
import type { MigrationReport } from "../migrate/report.ts";
import { FIELD } from "../migrate/vocabulary.ts";
import { plural, listed } from "../text/plural.ts";

/** How many rows of a broken history a message names before "…and N more". */
const BREAKS_SHOWN = 5;
/** How many columns and warnings a migration's review lists. */
const COLUMNS_SHOWN = 20;
const WARNINGS_SHOWN = 5;

export type Said =
  | {
      readonly say: "template-missing";
      readonly place: string;
      readonly missing: readonly string[];
    }
  | { readonly say: "template-complete"; readonly place: string }
  | { readonly say: "template-added"; readonly added: readonly string[]; readonly kept: boolean }
  | { readonly say: "template-current"; readonly place: string; readonly version: number }
  | {
      readonly say: "template-upgraded";
      readonly place: string;
      readonly version: number;
      readonly columns: readonly { readonly sheet: string; readonly headers: readonly string[] }[];
      readonly sheets: readonly string[];
    }
  | {
      readonly say: "no-issues";
      readonly initiatives: number;
      readonly handoffs: number;
      readonly checkins: number;
    }
  | {
      readonly say: "issues-found";
      readonly errors: number;
      readonly warnings: number;
      /** Infos: things worth knowing that need no change. */
      readonly notes?: number;
    }
  | {
      readonly say: "statuses";
      readonly asOf: string;
      readonly initiatives: string;
      readonly handoffs: string;
      readonly errors: number;
    }
  | {
      readonly say: "summary-written";
      readonly sheet: string;
      readonly headline: string;
      readonly errors: number;
    }
  | { readonly say: "period-needed" }
  | {
      readonly say: "closed";
      readonly periods: readonly string[];
      readonly sealed: number;
      readonly sealedRows: number;
      /** Gate decisions sealed by this close, in the same chain. */
      readonly decisions?: number;
      readonly moved: number;
      readonly currentPeriod: string;
    }
  | { readonly say: "nothing-sealed" }
  | {
      readonly say: "history-intact";
      readonly sealedRows: number;
      /** Sealed rows of Gate Decisions, counted apart from the check-ins. */
      readonly sealedDecisions?: number;
      readonly through: string | null;
      readonly anchored: boolean;
    }
  | { readonly say: "history-changed"; readonly breaks: readonly LedgerBreak[] }
  | { readonly say: "no-such-sheet"; readonly place: string; readonly sheet: string }
  | { readonly say: "own-sheet"; readonly sheet: string }
  | { readonly say: "source-empty"; readonly sheet: string }
  | {
      readonly say: "template-in-use";
      readonly place: string;
      readonly sheet: string;
      readonly rows: number;
    }
  | {
      readonly say: "mapping-unusable";
      readonly sheet: string;
      readonly problems: readonly string[];
    }
  | { readonly say: "mapping-written"; readonly sheet: string; readonly source: string }
  | { readonly say: "migration-cancelled"; readonly source: string }
  | {
      readonly say: "migration-review";
      readonly report: MigrationReport;
      readonly mappingSheet: string;
    }
  | {
      readonly say: "imported";
      readonly source: string;
      readonly imported: number;
      readonly rows: number;
      readonly report: string;
    }
  | {
      readonly say: "portfolio";
      readonly asOf: string;
      readonly workbooks: number;
      readonly initiatives: string;
      readonly handoffs: string;
      /** Members that could not be judged (unreadable, not Baton workbooks, a name taken). */
      readonly left: readonly string[];
      readonly errors: number;
    }
  | {
      readonly say: "notify";
      readonly events: number;
      readonly people: number;
      readonly unreached: readonly string[];
      readonly since: string | null;
      readonly errors: number;
    }
  | { readonly say: "gate-form-unreadable" }
  | { readonly say: "gate-sheet-missing"; readonly place: string }
  | { readonly say: "gate-refused"; readonly errors: number }
  | {
      readonly say: "gate-recorded";
      readonly id: string;
      readonly gate: number;
      readonly decision: string;
      readonly by: string;
      readonly role: string;
      readonly row: number;
      /** The initiative's Gate once the decision is counted. */
      readonly standing: number;
    }
  | {
      readonly say: "alerts-sent";
      readonly sent: number;
      readonly total: number;
      readonly unreached: readonly string[];
    }
  | {
      readonly say: "answer-refused";
      readonly why: "unknown" | "expired" | "used" | "someone-else" | "answered" | "gone";
      readonly id?: string;
      readonly period?: string;
      readonly name?: string;
      readonly when?: string;
    }
  | { readonly say: "answer-invalid"; readonly errors: number }
  | { readonly say: "answer-recorded"; readonly id: string; readonly period: string };

/** The words for what an action has to say. */
export function say(s: Said): string {
  switch (s.say) {
    case "template-missing":
      return `${capital(s.place)} does not have the Baton template yet (missing: ${listed(s.missing)}). Set it up first.`;
    case "template-complete":
      return `${capital(s.place)} already has every Baton sheet; nothing was changed.`;
    case "template-added":
      return `Baton added ${listed(s.added)}.${s.kept ? " Sheets that were already here were left as they were." : ""}`;
    case "template-current":
      return `${capital(s.place)} already uses template version ${s.version}; nothing was changed.`;
    case "template-upgraded":
      return `${capital(s.place)} now uses template version ${s.version}.${upgradeAdded(s.columns, s.sheets)} Nothing that was there was moved or changed.`;
    case "no-issues":
      return `No issues in ${listed([plural(s.initiatives, "initiative"), plural(s.handoffs, "hand-off"), plural(s.checkins, "check-in")])}.`;
    case "issues-found":
      return `Baton found ${listed([s.errors ? plural(s.errors, "error") : "", s.warnings ? plural(s.warnings, "warning") : "", s.notes ? plural(s.notes, "note") : ""].filter(Boolean))}.`;
    case "statuses":
      return `Statuses as of ${s.asOf}. Initiatives: ${s.initiatives}. Hand-offs: ${s.handoffs}.${judgedFromWhatCouldBeRead(s.errors, "statuses are")}`;
    case "summary-written":
      return `Wrote "${s.sheet}". ${s.headline}${judgedFromWhatCouldBeRead(s.errors, "the summary is")}`;
    case "period-needed":
      return "Say which period to close, such as 2026-W47.";
    case "closed": {
      const p = s.periods;
      const span = p.length > 1 ? `${p[0]} to ${p[p.length - 1]}` : (p[0] ?? "");
      const locked = s.sealedRows
        ? ` Check-ins rows 2 to ${s.sealedRows + 1} are sealed and locked.`
        : "";
      const moved = s.moved
        ? ` ${plural(s.moved, "row")} moved up to join the sealed rows; nothing was removed.`
        : "";
      const decided = s.decisions ? ` and ${plural(s.decisions, "gate decision")}` : "";
      return `Closed ${span}: ${plural(s.sealed, "check-in")}${decided} sealed.${locked}${moved} Current Period is now ${s.currentPeriod}.`;
    }
    case "nothing-sealed":
      return "No check-ins are sealed yet: closing a period seals them.";
    case "history-intact": {
      const through = s.through ? ` through ${s.through}` : "";
      const against = s.anchored
        ? " and the anchor"
        : " (no anchor is kept here: the chain was checked on its own)";
      const decided = s.sealedDecisions
        ? ` and ${plural(s.sealedDecisions, "sealed gate decision")}`
        : "";
      return `The history is intact: ${plural(s.sealedRows, "sealed check-in")}${decided}${through} match their seals${against}.`;
    }
    case "history-changed": {
      const shown = s.breaks
        .slice(0, BREAKS_SHOWN)
        .map((b) => `${b.sheet} row ${b.row}: ${b.message}.`);
      const more =
        s.breaks.length > BREAKS_SHOWN
          ? ` …and ${plural(s.breaks.length - BREAKS_SHOWN, "more row")}.`
          : "";
      return (
        `The sealed history was changed. ${shown.join(" ")}${more} ` +
        "Restore the sealed rows from the version history (File > Version history); sealed check-ins cannot be edited, moved or deleted."
      );
    }
    case "no-such-sheet":
      return `${capital(s.place)} has no sheet named "${s.sheet}".`;
    case "own-sheet":
      return `"${s.sheet}" is one of Baton's own sheets. Open the sheet of the tracker to import, then migrate again.`;
    case "source-empty":
      return `"${s.sheet}" is empty: open the sheet that holds the tracker and migrate again.`;
    case "template-in-use":
      return (
        `${capital(s.place)} already holds Baton data (${s.sheet} has ${plural(s.rows, "row")}), and Baton imports a tracker only into an empty template. ` +
        "Copy the tracker's sheet into a new one and migrate it there."
      );
    case "mapping-unusable":
      return `Baton cannot use the corrections in "${s.sheet}": ${s.problems.join(" ")}`;
    case "mapping-written":
      return `Baton wrote the mapping it would use to the sheet "${s.sheet}". Correct a Field (or a setting), open "${s.source}" and migrate again.`;
    case "migration-cancelled":
      return `Nothing was imported; "${s.source}" is as it was.`;
    case "migration-review":
      return review(s.report, s.mappingSheet);
    case "imported":
      return (
        `Imported ${s.imported} of ${plural(s.rows, "row")} of "${s.source}", which is unchanged. ` +
        `The sheet "${s.report}" lists every row and why it was imported, skipped or rejected.`
      );
    case "portfolio":
      return (
        `Portfolio of ${plural(s.workbooks, "workbook")} as of ${s.asOf}. Initiatives: ${s.initiatives}. Hand-offs: ${s.handoffs}.` +
        (s.left.length ? ` Left out: ${listed([...s.left])}.` : "") +
        judgedFromWhatCouldBeRead(s.errors, "statuses are")
      );
    case "notify": {
      const unreached = unreachedText(s.unreached);
      const news = s.events
        ? `${plural(s.events, "change")} to tell ${plural(s.people, "person", "people")} about.`
        : `Nothing new to tell${s.since ? ` since ${s.since}` : ""}.`;
      return `${news}${unreached}${judgedFromWhatCouldBeRead(s.errors, "statuses are")}`;
    }
    case "gate-form-unreadable":
      return "The gate decision could not be read: fill in the form again (initiative, gate, decision, decided by, evidence).";
    case "gate-sheet-missing":
      return `${capital(s.place)} has no Gate Decisions sheet: upgrade the template (Set up) to record gate decisions.`;
    case "gate-refused":
      return `Nothing was recorded: the decision breaks ${s.errors === 1 ? "a gate rule" : `${s.errors} gate rules`}. Fix it as said below and record it again.`;
    case "gate-recorded":
      return `Recorded on Gate Decisions row ${s.row}: ${s.id} gate ${s.gate} ${s.decision.toLowerCase()} by ${s.by} (${s.role}). ${s.id} is at gate ${s.standing}.`;
    case "alerts-sent": {
      const unreached = unreachedText(s.unreached);
      if (!s.total) return `Nothing new to tell anyone.${unreached}`;
      if (s.sent === s.total) return `Sent ${plural(s.sent, "digest")}.${unreached}`;
      return `Sent ${s.sent} of ${plural(s.total, "digest")}: the day's mail quota ran out. The other ${s.total - s.sent} go with the next run.${unreached}`;
    }
    case "answer-refused":
      return answerRefused(s);
    case "answer-invalid":
      return `Nothing was recorded: ${s.errors === 1 ? "one answer needs" : `${s.errors} answers need`} fixing first (see below).`;
    case "answer-recorded":
      return `Thank you. Your check-in for ${s.id}, ${s.period}, is recorded.`;
  }
}

function unreachedText(names: readonly string[]): string {
  return names.length
    ? ` People has no address for ${listed(names)}; add ${names.length === 1 ? "it" : "them"} to the People sheet (Name, Email).`
    : "";
}

function answerRefused(s: Extract<Said, { say: "answer-refused" }>): string {
  const what = s.id && s.period ? `the check-in for ${s.id}, ${s.period}` : "this check-in";
  switch (s.why) {
    case "unknown":
      return "This link is not one Baton sent, or it is too old. Use the link in your latest Baton mail, or enter the check-in in the spreadsheet.";
    case "expired":
      return `This link to ${what} expired on ${s.when}. Enter the check-in in the spreadsheet, or wait for the next request.`;
    case "used":
      return `This link was already used: ${what} was answered on ${s.when}. Nothing was changed.`;
    case "someone-else":
      return `This link was sent to ${s.name}; you are signed in as someone else, so it cannot answer for them.`;
    case "answered":
      return `${capital(what)} is already in the spreadsheet, so a second answer was not recorded. Change it there if it needs changing.`;
    case "gone":
      return `${s.id ?? "This initiative"} is no longer in the spreadsheet, so there is nothing to answer.`;
  }
}

/** What the user is asked before a migration writes anything. */
function review(r: MigrationReport, mappingSheet: string): string {
  const count = (o: string) => r.rows.filter((x) => x.outcome === o).length;
  const c = r.created;
  const columns = r.mapping
    .slice(0, COLUMNS_SHOWN)
    .map(
      (col) =>
        `• ${col.column} → ${col.field ? `${FIELD[col.field].lands} (${Math.round(col.confidence * 100)}%)` : "kept as an extra column"}`,
    );
  if (r.mapping.length > COLUMNS_SHOWN)
    columns.push(`…and ${plural(r.mapping.length - COLUMNS_SHOWN, "more column")}`);
  const warnings = r.warnings.slice(0, WARNINGS_SHOWN).map((w) => `• ${w.message}`);
  const created = [
    plural(c.objectives, "objective"),
    plural(c.kpis, "KPI"),
    plural(c.initiatives, "initiative"),
    plural(c.handoffs, "hand-off"),
    plural(c.checkins, "check-in"),
  ];
  return [
    `Baton reads "${r.sheet}" as ${r.kind === "okr" ? "an" : "a"} ${r.kind} tracker${r.headerRow ? ` with its header in row ${r.headerRow}` : ""}.`,
    `${plural(r.rows.length, "row")}: ${count("imported")} imported, ${count("skipped")} skipped, ${count("rejected")} rejected. ` +
      `It creates ${listed(created)}.`,
    `Columns:\n${columns.join("\n")}`,
    ...(warnings.length ? [`Warnings:\n${warnings.join("\n")}`] : []),
    `Yes imports it (the sheet "${r.sheet}" is not changed). No writes this mapping to the sheet "${mappingSheet}" for you to correct first. Cancel stops.`,
  ].join("\n\n");
}

const judgedFromWhatCouldBeRead = (errors: number, subject: string) =>
  errors
    ? ` ${plural(errors, "validation error")}: ${subject} judged from what could be read; Validate lists them.`
    : "";

function upgradeAdded(
  columns: readonly { readonly sheet: string; readonly headers: readonly string[] }[],
  sheets: readonly string[],
): string {
  const parts = [
    ...columns.map(
      (c) =>
        `the ${c.headers.length === 1 ? "column" : "columns"} ${listed(c.headers)} after the last column of ${c.sheet}`,
    ),
    ...sheets.map((s) => `the sheet ${s}`),
  ];
  return parts.length ? ` Baton added ${listed(parts)}.` : "";
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

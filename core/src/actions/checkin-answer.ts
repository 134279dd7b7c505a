/**
 * The check-in form a request's link opens, and the answer posted from it. The token in the
 * link decides everything: which initiative and period, and whose answer it is. The answer is
 * checked as the sidebar checks a row typed into Check-ins (`live.ts`), on the row it would
 * take; errors record nothing and come back with their fixes, and a second answer for the same
 * period is refused whichever link it came from. The host reads and applies under the
 * document lock, so two answers posted at once cannot both land.
 */
import type { CellValue, Grid } from "../cells/values.ts";
import { isBlankRow } from "../cells/values.ts";
import { localDateTimeFromInstant, serialFromLocalDateTime } from "../cells/dates.ts";
import { validateGrids } from "../ledger/validation.ts";
import type { PlanValue, WritePlan } from "../ports/plan.ts";
import type { ActionOutcome, PaneIssue } from "../ports/pane.ts";
import { personKey } from "../rhythm/people.ts";
import { checkToken, tokensIn, tokenWrites, type AnswerToken } from "../rhythm/tokens.ts";
import type { Workbook } from "../workbook/read.ts";
import { checkinRowIssues, liveContext } from "./live.ts";
import { say } from "./messages.ts";
import type { ActionRead, Needs } from "./needs.ts";
import { issueJson, NO_WRITES } from "./outcome.ts";

export const CHECKIN_ANSWER_NEEDS: Needs = { template: "required", state: true };

export interface CheckinFormInput {
  readonly now: Date;
  /** The token from the link, as the browser sent it. */
  readonly token: string;
  /** Who the form's host says is signed in, where it can say; a different person is refused. */
  readonly viewer?: string | null;
}

/** What a person typed into the form, as text. */
export interface CheckinAnswer {
  readonly rag: string;
  readonly progress: string;
  readonly comment: string;
  readonly pathToGreen: string;
}

/** What the form shows the person asked. */
export interface CheckinFormView {
  readonly id: string;
  readonly name: string;
  readonly period: string;
  readonly person: string;
  readonly ask: string;
  /** The initiative's latest check-in, as the sheet holds it. */
  readonly last: {
    readonly period: string;
    readonly rag: string;
    readonly progress: string;
    readonly comment: string;
    readonly pathToGreen: string;
  } | null;
}

export type CheckinFormResult =
  | { readonly ok: true; readonly view: CheckinFormView }
  | { readonly ok: false; readonly message: string };

export interface CheckinAnswerResult {
  readonly plan: WritePlan;
  readonly outcome: ActionOutcome & { readonly issues?: readonly PaneIssue[] };
  /** To show the form again beside the issues; absent when the link itself is refused. */
  readonly view?: CheckinFormView;
}

type Opened =
  | { ok: true; view: CheckinFormView; workbook: Workbook; hash: string; entry: AnswerToken }
  | { ok: false; message: string };

const text = (v: unknown): string =>
  v === null || v === undefined ? "" : typeof v === "number" ? String(v) : String(v);

function open(read: ActionRead, input: CheckinFormInput): Opened {
  const check = checkToken(tokensIn(read.state), input.token.trim(), input.now);
  if (!check.ok)
    return {
      ok: false,
      message: say({
        say: "answer-refused",
        why: check.why,
        ...(check.why === "unknown"
          ? {}
          : {
              id: check.entry.id,
              period: check.entry.period,
              when: (check.why === "used" ? check.entry.used! : check.entry.expires).slice(0, 10),
            }),
      }),
    };
  const { hash, entry } = check;
  if (input.viewer && personKey(input.viewer) !== personKey(entry.email))
    return {
      ok: false,
      message: say({ say: "answer-refused", why: "someone-else", name: entry.name }),
    };
  const { workbook } = validateGrids(read.grids, [], { now: input.now });
  const ini = workbook.initiatives.find((i) => i.id === entry.id);
  if (!ini)
    return { ok: false, message: say({ say: "answer-refused", why: "gone", id: entry.id }) };
  const { id, period } = entry;
  if (workbook.checkins.some((c) => c.id === id && c.period === period))
    return { ok: false, message: say({ say: "answer-refused", why: "answered", id, period }) };
  const mine = workbook.checkins.filter((c) => c.id === id && c.period !== null);
  // Periods of one cadence sort as text; the later row wins within a period.
  const last = mine.reduce<(typeof mine)[number] | undefined>(
    (a, c) => (!a || String(c.period) >= String(a.period) ? c : a),
    undefined,
  );
  return {
    ok: true,
    hash,
    entry,
    workbook,
    view: {
      id,
      name: ini.name ?? "",
      period,
      person: entry.name,
      ask: `Your check-in for ${period}: RAG, Progress % and a comment; with Amber or Red, your path to green.`,
      last: last
        ? {
            period: text(last.period),
            rag: text(last.rag),
            progress: last.progress === null ? "" : `${Math.round(last.progress * 100)}%`,
            comment: text(last.comment),
            pathToGreen: text(last.pathToGreen),
          }
        : null,
    },
  };
}

/** The form for a link: what is asked and the last check-in, or why the link cannot answer. */
export function checkinForm(read: ActionRead, input: CheckinFormInput): CheckinFormResult {
  const o = open(read, input);
  return o.ok ? { ok: true, view: o.view } : { ok: false, message: o.message };
}

/** "60", "60%", "60.5 %" are percents; anything else goes to the cell as typed, to be judged there. */
function progressCell(typed: string): CellValue {
  const t = typed.trim();
  if (!t) return null;
  const m = /^(\d{1,3}(?:\.\d+)?)\s*%?$/.exec(t);
  return m ? Number(m[1]) / 100 : t;
}

/** The last row of a grid holding anything (1-based; 1 when only the header is there). */
function lastRowOf(grid: Grid | undefined): number {
  let r = grid?.length ?? 0;
  while (r > 1 && isBlankRow(grid![r - 1])) r--;
  return Math.max(r, 1);
}

/** Records an answer: the new Check-ins row and the token marked used, or nothing and why. */
export function answerCheckin(
  read: ActionRead,
  input: CheckinFormInput & { readonly answer: CheckinAnswer },
): CheckinAnswerResult {
  const o = open(read, input);
  if (!o.ok) return { plan: NO_WRITES, outcome: { ok: false, message: o.message } };
  const { workbook, view, entry, hash } = o;
  const layout = workbook.layout.checkins!;
  const zone = workbook.settings.timeZone;
  const a = input.answer;
  const local = localDateTimeFromInstant(input.now, zone);
  const byKey: Record<string, CellValue> = {
    period: view.period,
    id: view.id,
    rag: a.rag.trim() || null,
    progress: progressCell(a.progress),
    comment: a.comment.trim() || null,
    pathToGreen: a.pathToGreen.trim() || null,
    reportedBy: entry.name,
    reportedAt: local === undefined ? null : serialFromLocalDateTime(local),
  };
  const width = Math.max(...Object.keys(byKey).map((k) => layout.columns[k] ?? 0));
  const cells: CellValue[] = Array.from({ length: width }, () => null);
  for (const [k, v] of Object.entries(byKey)) {
    const c = layout.columns[k];
    if (c) cells[c - 1] = v;
  }
  const row = lastRowOf(read.grids[layout.name]) + 1;
  const issues = checkinRowIssues(liveContext(workbook, { now: input.now }), cells, row);
  const errors = issues.filter((i) => i.severity === "error");
  if (errors.length)
    return {
      plan: NO_WRITES,
      outcome: {
        ok: false,
        message: say({ say: "answer-invalid", errors: errors.length }),
        issues: errors.map(issueJson),
      },
      view,
    };
  const tokens = { ...tokensIn(read.state), [hash]: { ...entry, used: input.now.toISOString() } };
  return {
    plan: {
      ops: [
        { op: "values", sheet: layout.name, row, column: 1, values: [cells as PlanValue[]] },
        ...tokenWrites(read.state, tokens, input.now),
      ],
    },
    outcome: {
      ok: true,
      message: say({ say: "answer-recorded", id: view.id, period: view.period }),
      // What the sidebar would flag without refusing (a green the data contradicts).
      ...(issues.length ? { issues: issues.map(issueJson) } : {}),
    },
    view,
  };
}

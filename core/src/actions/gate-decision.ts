/**
 * "Record a gate decision" (the pane's form): the decision is appended to Gate Decisions below
 * its last row, dated today in the workbook's zone, with the Role the gate asks for. It is
 * judged first by the same gate rules as a row typed by hand: if it breaks one, nothing is
 * written and the issues, at the cells the row would take, say how to fix it. Once it counts,
 * the computed columns are written too, so the Gate column shows the new level at once.
 */
import type { CellValue } from "../cells/values.ts";
import { serialFromIso } from "../cells/dates.ts";
import { validateGrids } from "../ledger/validation.ts";
import { evaluate } from "../engine/evaluate.ts";
import { statusPlan } from "../engine/status-plan.ts";
import { deciderFor } from "../governance/decider.ts";
import { deciderOf, FIRST_GATE, LAST_GATE } from "../governance/gates.ts";
import { PEOPLE_SHEET } from "../rhythm/people.ts";
import { DATE_FORMAT, GATE_DECISION_COLUMNS } from "../template/sheets.ts";
import { findSheet } from "../workbook/read.ts";
import type { GateDecisionForm } from "../ports/pane.ts";
import type { PlanValue, WriteOp } from "../ports/plan.ts";
import type { ActionRead, Needs } from "./needs.ts";
import { asOfIn, placeOf, type ActionInput } from "./input.ts";
import { issueJson, told, type ActionResult } from "./outcome.ts";
import { say } from "./messages.ts";

export const GATE_DECISION_NEEDS: Needs = { template: "required", sheets: [PEOPLE_SHEET] };

export function recordGateDecision(read: ActionRead, input: ActionInput): ActionResult {
  const form = formOf(input.answer);
  if (!form) return told({ ok: false, message: say({ say: "gate-form-unreadable" }) });
  const { workbook } = validateGrids(read.grids, [], { now: input.now });
  const layout = workbook.layout.gateDecisions;
  const grid = layout ? read.grids[layout.name] : undefined;
  if (!layout || !grid)
    return told({
      ok: false,
      message: say({ say: "gate-sheet-missing", place: placeOf(input) }),
    });

  const asOf = asOfIn(workbook.settings.timeZone, input);
  const people = findSheet(read.sheetNames, PEOPLE_SHEET);
  const decidedBy =
    form.decidedBy.trim() ||
    deciderFor(workbook, people ? read.grids[people] : undefined, input.signedIn) ||
    "";
  const gate = numberOrText(form.gate);
  const isGate = typeof gate === "number" && Number.isInteger(gate);
  const values: Record<string, PlanValue> = {
    date: serialFromIso(asOf),
    id: form.id.trim(),
    gate,
    decision: form.decision.trim(),
    decidedBy,
    role: isGate && gate >= FIRST_GATE && gate <= LAST_GATE ? deciderOf(gate) : null,
    evidence: form.evidence.trim() || null,
    confirmedValue: numberOrText(form.confirmedValue ?? null),
  };
  // The row as it will stand: every template column but Seal, at its header, blank elsewhere.
  const width = Math.max(
    ...GATE_DECISION_COLUMNS.filter((c) => c.key !== "seal").map((c) => layout.columns[c.key] ?? 0),
  );
  const cells: PlanValue[] = new Array<PlanValue>(width).fill(null);
  for (const [key, value] of Object.entries(values)) {
    const at = layout.columns[key];
    if (at !== undefined) cells[at - 1] = value;
  }
  const row = lastUsedRow(grid) + 1;
  const after = {
    ...read.grids,
    [layout.name]: [...grid, ...blankRows(row - grid.length - 1), cells],
  };

  const judged = validateGrids(after, [], { now: input.now, today: asOf });
  const own = judged.issues.filter((i) => i.sheet === layout.name && i.row === row);
  const errors = own.filter((i) => i.severity === "error");
  if (errors.length)
    return told({
      ok: false,
      message: say({ say: "gate-refused", errors: errors.length }),
      issues: errors.map(issueJson),
    });

  const evaluation = evaluate(judged.workbook, { asOf });
  const standing = evaluation.initiatives.find((i) => i.id === values.id)?.gate ?? FIRST_GATE;
  const dateColumn = layout.columns.date;
  const ops: WriteOp[] = [
    { op: "values", sheet: layout.name, row, column: 1, values: [cells] },
    ...(dateColumn !== undefined
      ? [
          {
            op: "format" as const,
            sheet: layout.name,
            range: { row, column: dateColumn, rows: 1, columns: 1 },
            format: { numberFormat: DATE_FORMAT },
          },
        ]
      : []),
    ...statusPlan(judged.workbook, evaluation).ops,
  ];
  const message = say({
    say: "gate-recorded",
    id: String(values.id),
    gate: Number(gate),
    decision: String(values.decision),
    by: decidedBy,
    role: String(values.role),
    row,
    standing,
  });
  return {
    plan: { ops },
    outcome: {
      ok: true,
      message,
      ...(own.length ? { issues: own.map(issueJson) } : {}),
      select: { sheet: layout.name, cell: `A${row}` },
    },
  };
}

/** The form as sent, or null when it is not one (every text field a string). */
function formOf(answer: string | undefined): GateDecisionForm | null {
  if (answer === undefined) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(answer);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object") return null;
  const f = parsed as Record<string, unknown>;
  const texts = ["id", "decision", "decidedBy", "evidence"] as const;
  if (!texts.every((k) => typeof f[k] === "string")) return null;
  const scalar = (v: unknown) => v === null || typeof v === "number" || typeof v === "string";
  if (!scalar(f.gate) || (f.confirmedValue !== undefined && !scalar(f.confirmedValue))) return null;
  return f as unknown as GateDecisionForm;
}

/** A number as typed ("1 200,5" stays text: validation says it is not a number), blank as null. */
function numberOrText(v: number | string | null): PlanValue {
  if (v === null) return null;
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  const t = v.trim();
  if (!t) return null;
  const n = Number(t);
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) && Number.isFinite(n) ? n : t;
}

/** The 1-based row of the last row with anything in it (1, the header, when none). */
function lastUsedRow(grid: readonly (readonly CellValue[])[]): number {
  for (let r = grid.length - 1; r >= 1; r--)
    if (grid[r]?.some((v) => v !== null && v !== undefined && v !== "")) return r + 1;
  return 1;
}

const blankRows = (n: number): CellValue[][] => Array.from({ length: Math.max(0, n) }, () => []);

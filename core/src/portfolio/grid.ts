/**
 * The portfolio summary as a workbook's sheets: a `Portfolio YYYY-Www` sheet (hand-offs between
 * workbooks at risk, then a block per workbook) and the whole portfolio's board summary sheet,
 * as one write plan. Values are written as values (hosts write text as text, never a formula).
 */
import {
  HEADER_FORMAT,
  STATUS_FILL,
  type PlanValue,
  type WriteOp,
  type WritePlan,
} from "../ports/plan.ts";
import { CELL_TEXT_LIMIT, summaryPlan } from "../summary/grid.ts";
import { moreText, reasonsText } from "../summary/words.ts";
import type { PortfolioSummary } from "./summary.ts";
import {
  NO_AT_RISK,
  NO_CROSS_TEAM,
  PORTFOLIO_SECTION,
  portfolioSubtitle,
  portfolioTitle,
  workbookLine,
} from "./words.ts";

const WIDTH = 8;
const WIDTHS = [22, 10, 36, 22, 22, 10, 8, 40];

export function portfolioSheetName(period: string): string {
  return `Portfolio ${period}`;
}

const fitted = (v: PlanValue): PlanValue =>
  typeof v === "string" && v.length > CELL_TEXT_LIMIT ? v.slice(0, CELL_TEXT_LIMIT - 1) + "…" : v;

export function portfolioPlan(
  p: PortfolioSummary,
  existingSheetNames: readonly string[],
): WritePlan {
  const sheet = portfolioSheetName(p.period);
  const rows: PlanValue[][] = [];
  const formats: WriteOp[] = [];
  const put = (values: readonly PlanValue[]) => {
    const r: PlanValue[] = new Array(WIDTH).fill(null);
    values.forEach((v, i) => (r[i] = fitted(v)));
    rows.push(r);
    return rows.length;
  };
  const bold = (row: number) =>
    formats.push({
      op: "format",
      sheet,
      range: { row, column: 1, rows: 1, columns: 1 },
      format: { bold: true },
    });
  const header = (values: readonly string[]) => {
    const row = put(values);
    formats.push({
      op: "format",
      sheet,
      range: { row, column: 1, rows: 1, columns: values.length },
      format: HEADER_FORMAT,
    });
  };
  const status = (row: number, column: number, s: "Red" | "Amber") =>
    formats.push({
      op: "format",
      sheet,
      range: { row, column, rows: 1, columns: 1 },
      format: { ...STATUS_FILL[s] },
    });

  bold(put([portfolioTitle(p)]));
  put([portfolioSubtitle(p)]);
  put([]);
  bold(put([PORTFOLIO_SECTION.crossTeam]));
  if (!p.crossTeam.length) put([NO_CROSS_TEAM]);
  else {
    header([
      "Hand-off",
      "Status",
      "Deliverable",
      "From",
      "To",
      "Days late",
      "Blocks",
      "Root cause · Why",
    ]);
    for (const h of p.crossTeam)
      status(
        put([
          h.id,
          h.status,
          h.deliverable,
          h.provider?.id ?? null,
          h.waiting?.id ?? null,
          h.daysLate,
          h.blocks,
          `${h.rootCauses.map((c) => c.id).join(", ")} · ${reasonsText(h.reasons)}`,
        ]),
        2,
        h.status,
      );
    if (p.crossTeamOmitted) put([moreText(p.crossTeamOmitted)]);
  }
  for (const w of p.workbooks) {
    put([]);
    bold(put([PORTFOLIO_SECTION.workbook(w)]));
    put([workbookLine(w)]);
    if (!w.inGraph) continue;
    if (!w.atRisk.length) put([NO_AT_RISK]);
    else {
      header(["Initiative", "Status", "Name", "Owner", "Root cause"]);
      for (const i of w.atRisk)
        status(put([i.id, i.status, i.name, i.owner, i.rootCauses.join(", ")]), 2, i.status);
      if (w.omitted) put([moreText(w.omitted)]);
    }
  }

  const existing = existingSheetNames.find((n) => n.toLowerCase() === sheet.toLowerCase());
  const ops: WriteOp[] = [{ op: "addSheet", sheet: existing ?? sheet }];
  if (existing)
    ops.push({
      op: "clear",
      sheet: existing,
      range: { row: 1, column: 1, rows: 100_000, columns: WIDTH },
    });
  const name = existing ?? sheet;
  ops.push({ op: "values", sheet: name, row: 1, column: 1, values: rows });
  for (const f of formats) ops.push({ ...f, sheet: name } as WriteOp);
  ops.push({ op: "columnWidths", sheet: name, widths: WIDTHS });
  ops.push(...summaryPlan(p.whole, existingSheetNames).ops);
  return { ops };
}

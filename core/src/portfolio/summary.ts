/**
 * The portfolio summary: the board summary's model over the whole set (qualified IDs), the
 * hand-offs between workbooks that are Red or Amber first (where silos stall each other), and
 * a section per workbook: its counts, its issues, and its Red and Amber initiatives with their
 * root causes, wherever those sit.
 */
import { type IsoDate } from "../cells/dates.ts";
import { worstFirst, type Status } from "../engine/reasons.ts";
import {
  countStatuses,
  handoffLines,
  summarize,
  type BoardSummary,
  type HandoffLine,
  type StatusCounts,
} from "../summary/model.ts";
import { evaluatePortfolio, type PortfolioEvaluation } from "./evaluate.ts";
import type { MemberInput } from "./members.ts";

/** How many entries each portfolio list keeps, worst first. */
export const PORTFOLIO_LIMITS = { crossTeam: 60, atRisk: 40 } as const;

export interface AtRiskLine {
  readonly id: string;
  readonly name: string | null;
  readonly owner: string | null;
  readonly status: "Red" | "Amber";
  /** Qualified IDs, in the engine's order (Red first, hand-offs first). */
  readonly rootCauses: readonly string[];
}

export interface WorkbookSection {
  readonly name: string;
  readonly file: string;
  /** False when the member was left out of the graph (its name was taken). */
  readonly inGraph: boolean;
  readonly errors: number;
  readonly warnings: number;
  readonly initiatives: StatusCounts;
  readonly handoffs: StatusCounts;
  /** Its Red and Amber initiatives, worst first. */
  readonly atRisk: readonly AtRiskLine[];
  readonly omitted: number;
}

export interface PortfolioSummary {
  readonly asOf: IsoDate;
  readonly period: string;
  /** The board summary of the whole set, in qualified IDs. */
  readonly whole: BoardSummary;
  /** Red and Amber hand-offs whose two ends sit in different workbooks, worst first. */
  readonly crossTeam: readonly HandoffLine[];
  readonly crossTeamOmitted: number;
  readonly workbooks: readonly WorkbookSection[];
}

const workbookOf = (id: string | null | undefined) =>
  id ? id.slice(0, Math.max(0, id.indexOf(":"))) : "";

/** The portfolio summary of an evaluated portfolio. */
export function portfolioSummaryOf(p: PortfolioEvaluation): PortfolioSummary {
  const wb = p.merged.workbook;
  // The whole set was judged as of this day already: only the previous period's day is new.
  const whole = summarize(wb, { asOf: p.asOf, evaluation: p.evaluation });
  // Only the hand-offs between workbooks are made into lines (the rest are many, and the
  // whole summary has its own); the record and its judgement keep their common index.
  const between: number[] = [];
  wb.handoffs.forEach((h, i) => {
    const own = workbookOf(h.id);
    if (workbookOf(h.from) !== own || workbookOf(h.to) !== own) between.push(i);
  });
  const cross = handoffLines(
    { ...wb, handoffs: between.map((i) => wb.handoffs[i]!) },
    { ...p.evaluation, handoffs: between.map((i) => p.evaluation.handoffs[i]!) },
  );
  const inGraph = new Map(p.merged.members.map((m, k) => [m, k]));
  const workbooks = p.members.map((m): WorkbookSection => {
    const k = inGraph.get(m);
    const errors = m.issues.filter((i) => i.severity === "error").length;
    const warnings = m.issues.filter((i) => i.severity === "warning").length;
    const base = { name: m.name, file: m.file, errors, warnings };
    if (k === undefined) {
      const none = countStatuses([]);
      return { ...base, inGraph: false, initiatives: none, handoffs: none, atRisk: [], omitted: 0 };
    }
    const at = p.merged.offsets[k]!;
    const nI = m.workbook.initiatives.length;
    const inis = p.evaluation.initiatives.slice(at.initiatives, at.initiatives + nI);
    const hos = p.evaluation.handoffs.slice(at.handoffs, at.handoffs + m.workbook.handoffs.length);
    const atRisk: AtRiskLine[] = [];
    inis.forEach((e, i) => {
      if (e.status !== "Red" && e.status !== "Amber") return;
      const r = wb.initiatives[at.initiatives + i]!;
      atRisk.push({
        id: e.id,
        name: r.name,
        owner: r.owner,
        status: e.status,
        rootCauses: e.rootCauses,
      });
    });
    atRisk.sort(worstFirst as (a: { status: Status }, b: { status: Status }) => number);
    return {
      ...base,
      inGraph: true,
      initiatives: countStatuses(inis),
      handoffs: countStatuses(hos),
      atRisk: atRisk.slice(0, PORTFOLIO_LIMITS.atRisk),
      omitted: Math.max(0, atRisk.length - PORTFOLIO_LIMITS.atRisk),
    };
  });
  return {
    asOf: p.asOf,
    period: whole.period,
    whole,
    crossTeam: cross.slice(0, PORTFOLIO_LIMITS.crossTeam),
    crossTeamOmitted: Math.max(0, cross.length - PORTFOLIO_LIMITS.crossTeam),
    workbooks,
  };
}

/** Reads, evaluates and summarizes a portfolio in one call. */
export function summarizePortfolio(
  inputs: readonly MemberInput[],
  options: { readonly asOf?: IsoDate; readonly now: Date },
): PortfolioSummary {
  return portfolioSummaryOf(evaluatePortfolio(inputs, options));
}

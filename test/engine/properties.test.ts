/**
 * Invariants of the status engine over random workbooks: trouble only ever makes things
 * worse, root causes are where trouble starts, and nothing a workbook holds makes the engine
 * throw.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  COLUMNS,
  SHEET,
  evaluate,
  isInherited,
  statusPlan,
  validateGrids,
  type CellValue,
  type Evaluation,
  type SheetKey,
} from "@baton/core";
import {
  checkin,
  handoff,
  initiative,
  kpi,
  workbookGrids,
  type RowSpec,
  type WorkbookSpec,
} from "../support/grids.ts";
import { AS_OF, plus, world } from "./world.ts";

const WEEKS = ["2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46", "2026-W47", "2026-W48"];
const RAGS = ["Green", "Amber", "Red"] as const;
const STAGES = [
  "Not started",
  "In progress",
  "In progress",
  "In progress",
  "On hold",
  "Done",
  "Cancelled",
] as const;
const STATES = ["Requested", "Accepted", "In progress", "Delivered", "Declined"] as const;

const offset = (min: number, max: number) => fc.integer({ min, max }).map((n) => plus(AS_OF, n));

/** Random, mostly well-formed workbooks: a handful of initiatives, hand-offs between them (cycles possible), check-ins, KPIs. */
const workbooks: fc.Arbitrary<WorkbookSpec> = fc.integer({ min: 1, max: 8 }).chain((n) => {
  const iniId = fc.integer({ min: 1, max: n }).map((k) => `INI-${k}`);
  const initiatives = fc.tuple(
    ...Array.from({ length: n }, (_, k) =>
      fc
        .record({ stage: fc.constantFrom(...STAGES), due: offset(-20, 80), start: offset(-120, 0) })
        .map((r) =>
          initiative(`INI-${k + 1}`, "OBJ-1", { Stage: r.stage, Due: r.due, Start: r.start }),
        ),
    ),
  );
  const handoffs = fc
    .array(
      fc.record({
        from: iniId,
        to: iniId,
        neededBy: offset(-20, 30),
        committed: fc.option(offset(-20, 40), { nil: null }),
        deliveredOn: fc.option(offset(-30, 0), { freq: 4, nil: null }),
        state: fc.constantFrom(...STATES),
      }),
      { maxLength: 12 },
    )
    .map((hs) =>
      hs.map((h, k) =>
        handoff(`DEP-${k + 1}`, h.from, h.to, {
          "Needed By": h.neededBy,
          "Committed Date": h.committed,
          "Delivered On": h.deliveredOn,
          State: h.state,
        }),
      ),
    );
  const checkins = fc
    .uniqueArray(
      fc.record({ id: iniId, period: fc.constantFrom(...WEEKS), rag: fc.constantFrom(...RAGS) }),
      {
        selector: (c) => `${c.id} ${c.period}`,
        maxLength: 20,
      },
    )
    .map((cs) =>
      cs.map((c) =>
        checkin(c.period, c.id, {
          RAG: c.rag,
          "Path to Green": c.rag === "Green" ? null : "A plan",
        }),
      ),
    );
  const kpiRows = fc
    .array(fc.tuple(fc.constantFrom(...WEEKS), fc.integer({ min: 0, max: 100 })), { maxLength: 4 })
    .map((actuals) => ({
      kpis: [kpi("KPI-1", "OBJ-1", { Baseline: 0, Target: 100, "Target Date": plus(AS_OF, 90) })],
      checkins: actuals.map(([p, y]) => checkin(p, "KPI-1", { Actual: y })),
    }));
  const settings = fc.record({
    "Amber Window": fc.integer({ min: 0, max: 8 }),
    "Stale After": fc.integer({ min: 0, max: 3 }),
    Holidays: fc.array(offset(-10, 20), { maxLength: 3 }),
  });
  return fc
    .record({ initiatives, handoffs, checkins, kpiRows, settings })
    .map(({ initiatives, handoffs, checkins, kpiRows, settings }) =>
      world({
        initiatives: [...initiatives],
        handoffs,
        checkins: [...checkins, ...kpiRows.checkins],
        kpis: kpiRows.kpis,
        settings: { ...settings },
      }),
    );
});

const judge = (spec: WorkbookSpec) =>
  evaluate(validateGrids(workbookGrids(spec)).workbook, { asOf: AS_OF });
const rank = (s: string) => (s === "Red" ? 2 : s === "Amber" ? 1 : 0);

/** Every status in `after` is at least as bad as the same row's status in `before`. */
function neverGreener(before: Evaluation, after: Evaluation): void {
  for (const kind of ["objectives", "kpis", "initiatives", "handoffs"] as const) {
    const was = new Map<number, string>(before[kind].map((e) => [e.row, e.status]));
    for (const e of after[kind])
      expect({ kind, id: e.id, rank: rank(e.status) >= rank(was.get(e.row)!) }).toEqual({
        kind,
        id: e.id,
        rank: true,
      });
  }
}

/** Ways a hand-off gets later. */
const LATER = [
  (h: RowSpec): RowSpec => ({
    ...h,
    State: h.State === "Delivered" ? "Accepted" : h.State,
    "Delivered On": null,
  }),
  (h: RowSpec): RowSpec => ({ ...h, "Needed By": plus(h["Needed By"] as string, -7) }),
  (h: RowSpec): RowSpec => ({
    ...h,
    "Committed Date": plus((h["Committed Date"] as string | null) ?? (h["Needed By"] as string), 5),
  }),
  (h: RowSpec): RowSpec => ({ ...h, State: "Declined" }),
];

describe("making a hand-off later never makes anything greener", () => {
  it("holds for un-delivering it, an earlier Needed By, a later commitment, or a decline", () => {
    fc.assert(
      fc.property(workbooks, fc.nat(), fc.nat(LATER.length - 1), (spec, pick, how) => {
        fc.pre(spec.handoffs!.length > 0);
        const k = pick % spec.handoffs!.length;
        const later = {
          ...spec,
          handoffs: spec.handoffs!.map((h, j) => (j === k ? LATER[how]!(h) : h)),
        };
        neverGreener(judge(spec), judge(later));
      }),
      { numRuns: 300 },
    );
  });
});

describe("a worse check-in never makes anything greener", () => {
  it("holds for any check-in turned from Green to Amber or from Amber to Red", () => {
    fc.assert(
      fc.property(workbooks, fc.nat(), (spec, pick) => {
        const rated = spec
          .checkins!.map((c, j) => [c, j] as const)
          .filter(([c]) => c.RAG === "Green" || c.RAG === "Amber");
        fc.pre(rated.length > 0);
        const [target, j] = rated[pick % rated.length]!;
        const worse = {
          ...target,
          RAG: target.RAG === "Green" ? "Amber" : "Red",
          "Path to Green": "A plan",
        };
        neverGreener(
          judge(spec),
          judge({ ...spec, checkins: spec.checkins!.map((c, i) => (i === j ? worse : c)) }),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe("every root cause is non-green and inherits nothing", () => {
  it("holds for every root cause of every initiative and hand-off, and every Red or Amber initiative has one", () => {
    fc.assert(
      fc.property(workbooks, (spec) => {
        const ev = judge(spec);
        const points = new Map<
          string,
          { status: string; reasons: readonly { code: Parameters<typeof isInherited>[0] }[] }
        >();
        for (const e of [...ev.initiatives, ...ev.handoffs]) points.set(e.id, e);
        for (const e of [...ev.initiatives, ...ev.handoffs]) {
          if (e.status === "Red" || e.status === "Amber")
            expect(e.rootCauses.length).toBeGreaterThan(0);
          else expect(e.rootCauses).toEqual([]);
          for (const id of e.rootCauses) {
            const p = points.get(id)!;
            expect(rank(p.status)).toBeGreaterThan(0);
            expect(p.reasons.some((r) => isInherited(r.code))).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Any value a cell can hold, junk included. */
const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.constant(""),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    "#REF!",
    "#N/A",
    "=1+1",
    "INI-1",
    "INI-2",
    "DEP-1",
    "OBJ-1",
    "KPI-1",
    "2026-W47",
    "2026-11",
    "Delivered",
    "Requested",
    "Red",
    "Amber",
    "Done",
    "On hold",
    "Weekly",
    "Monthly",
    "TBC",
  ),
  fc.double({ noNaN: false }),
  fc.integer({ min: -5, max: 60000 }),
  fc.boolean(),
  fc.date({ min: new Date("1999-01-01"), max: new Date("2040-01-01"), noInvalidDate: false }),
  fc.constant("x".repeat(32000)),
);

const KEYS: Exclude<SheetKey, "settings">[] = [
  "objectives",
  "kpis",
  "initiatives",
  "handoffs",
  "checkins",
];

/** Template sheets with junk rows, headers sometimes shuffled or missing. */
const junkGrids = fc
  .record({
    rows: fc.tuple(
      ...KEYS.map(() => fc.array(fc.array(cell, { maxLength: 13 }), { maxLength: 6 })),
    ),
    settings: fc.array(
      fc.tuple(
        fc.constantFrom(
          "Time Zone",
          "Cadence",
          "Amber Window",
          "Stale After",
          "Holidays",
          "Current Period",
          "Nonsense",
        ),
        cell,
      ),
      { maxLength: 6 },
    ),
    shuffle: fc.boolean(),
    drop: fc.option(fc.nat(11), { nil: null }),
  })
  .map(({ rows, settings, shuffle, drop }) => {
    const grids: Record<string, CellValue[][]> = {};
    KEYS.forEach((key, k) => {
      let header: CellValue[] = COLUMNS[key].map((c) => c.header);
      if (shuffle) header = [...header].reverse();
      if (drop !== null) header = header.filter((_, i) => i !== drop);
      grids[SHEET[key]] = [header, ...rows[k]!];
    });
    grids[SHEET.settings] = [["Key", "Value"], ...settings.map(([k, v]) => [k, v])];
    return grids;
  });

describe("evaluation never throws on a workbook validation accepted or rejected", () => {
  it("judges junk workbooks, and plans their computed columns", () => {
    fc.assert(
      fc.property(junkGrids, offset(-400, 400), (grids, asOf) => {
        const { workbook } = validateGrids(grids);
        const ev = evaluate(workbook, { asOf });
        statusPlan(workbook, ev);
        expect(ev.initiatives.length).toBe(workbook.initiatives.length);
      }),
      { numRuns: 300 },
    );
  });
  it("judges generated workbooks, valid or not", () => {
    fc.assert(
      fc.property(workbooks, (spec) => {
        const { workbook } = validateGrids(workbookGrids(spec));
        statusPlan(workbook, evaluate(workbook, { asOf: AS_OF }));
      }),
      { numRuns: 200 },
    );
  });
});

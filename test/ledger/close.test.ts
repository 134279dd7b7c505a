/** DESIGN.md "The ledger": closing a period seals, locks, moves Current Period and anchors. */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MemoryHost,
  ProtectedCellError,
  SHEET,
  closePeriod,
  demoContent,
  templatePlan,
  validateGrids,
  verifyLedger,
  parseAnchor,
  parseSeal,
  canonicalRow,
  comparePeriods,
  parsePeriod,
  formatPeriod,
  nextPeriod,
  type CellValue,
  type CloseResult,
} from "@baton/core";
import { checkin, workbookGrids, smallWorkbook } from "../support/grids.ts";
import { WEEKS, checkinsArb, ledgerWorkbook, sealed, withCheckins } from "./support.ts";

const SEAL = 10;
const TEMPLATE_SHEETS = Object.values(SHEET);

async function demoHost(): Promise<MemoryHost> {
  const host = new MemoryHost();
  await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })));
  return host;
}

async function close(host: MemoryHost, period: string): Promise<CloseResult> {
  return closePeriod({
    grids: await host.readSheets(await host.sheetNames()),
    anchor: host.anchor,
    period,
  });
}

function ok(result: CloseResult): Extract<CloseResult, { ok: true }> {
  if (!result.ok)
    throw new Error(
      `close refused (${result.reason}): ${result.message} ${result.issues.map((i) => i.message).join("; ")}`,
    );
  return result;
}

const period = (row: readonly CellValue[]) => String(row[0]);
const dataRows = (host: MemoryHost) => host.grid(SHEET.checkins).slice(1);

describe("closing seals every check-in of the open periods up to P, oldest first", () => {
  it("seals the demo's weeks up to 2026-W47 in one block, in period order, and leaves 2026-W48 open", async () => {
    const host = await demoHost();
    const before = dataRows(host);
    const expected = before.filter(
      (r) => comparePeriods(parsePeriod(period(r))!, parsePeriod("2026-W47")!) <= 0,
    ).length;
    const result = ok(await close(host, "2026-W47"));
    await host.apply(result.plan);
    const rows = dataRows(host);
    expect(result.sealed).toBe(expected);
    expect(result.closedPeriods).toEqual([
      "2026-W43",
      "2026-W44",
      "2026-W45",
      "2026-W46",
      "2026-W47",
    ]);
    const block = rows.slice(0, expected);
    expect(block.map((r) => parseSeal(String(r[SEAL - 1]))?.seq)).toEqual(
      block.map((_, i) => i + 1),
    );
    expect(block.map(period)).toEqual([...block.map(period)].sort());
    expect(rows.slice(expected).every((r) => period(r) === "2026-W48" && r[SEAL - 1] == null)).toBe(
      true,
    );
    expect(verifyLedger(await host.readSheets(TEMPLATE_SHEETS), host.anchor)).toMatchObject({
      intact: true,
      sealedRows: expected,
    });
  });

  it("seals two years of migrated history with one close", async () => {
    const weeks: string[] = [];
    for (
      let p = parsePeriod("2024-W48")!;
      comparePeriods(p, parsePeriod("2026-W47")!) <= 0;
      p = nextPeriod(p)
    )
      weeks.push(formatPeriod(p));
    const rows = weeks.flatMap((w) => [checkin(w, "INI-1"), checkin(w, "KPI-1")]).reverse();
    const host = new MemoryHost(workbookGrids({ ...smallWorkbook(), checkins: rows }));
    const result = ok(await close(host, "2026-W47"));
    expect(result.closedPeriods).toEqual(weeks);
    expect(result.sealed).toBe(rows.length);
    expect(result.plan.ops.filter((o) => o.op === "values")).toHaveLength(1);
    await host.apply(result.plan);
    expect(verifyLedger(await host.readSheets(TEMPLATE_SHEETS), host.anchor)).toMatchObject({
      intact: true,
      sealedRows: rows.length,
    });
    expect(dataRows(host).map(period)).toEqual(weeks.flatMap((w) => [w, w]));
  });

  it("appends the next close to the same chain", async () => {
    const host = new MemoryHost(
      ledgerWorkbook([
        checkin("2026-W46", "INI-1"),
        checkin("2026-W47", "INI-1"),
        checkin("2026-W48", "INI-1"),
      ]),
    );
    await host.apply(ok(await close(host, "2026-W46")).plan);
    const first = parseAnchor(host.anchor!)!;
    await host.apply(ok(await close(host, "2026-W47")).plan);
    const second = parseAnchor(host.anchor!)!;
    expect([first.rows, first.through, second.rows, second.through]).toEqual([
      1,
      "2026-W46",
      2,
      "2026-W47",
    ]);
    expect(dataRows(host)[0]![SEAL - 1]).toBe(`1:${first.seal}`);
    expect(dataRows(host)[1]![SEAL - 1]).toBe(`2:${second.seal}`);
  });
});

describe("a close that moves rows loses nothing", () => {
  it("keeps every row once: the sealed ones on top by period, the others below in their old order", async () => {
    await fc.assert(
      fc.asyncProperty(
        checkinsArb(12),
        fc.array(fc.constantFrom("INI-1", "INI-2", "INI-3", "KPI-1"), { maxLength: 4 }),
        fc.nat(),
        fc.integer({ min: 0, max: WEEKS.length - 1 }),
        async (closedRows, openIds, seed, upTo) => {
          const open = [...new Set(openIds)].map((id) => checkin("2026-W48", id));
          const rows = shuffle([...closedRows, ...open], seed);
          const grids = ledgerWorkbook(rows);
          // A team's own column, and a blank row, ride along.
          grids[SHEET.checkins] = grids[SHEET.checkins]!.map((r, i) => [
            ...r,
            i === 0 ? "Team note" : `note ${i}`,
          ]);
          grids[SHEET.checkins]!.splice(1 + (seed % rows.length), 0, []);
          const P = WEEKS[upTo]!;
          const before = grids[SHEET.checkins]!.slice(1);
          // A first close before every check-in has nothing to seal and is refused.
          if (
            rows.every((r) => comparePeriods(parsePeriod(String(r.Period))!, parsePeriod(P)!) > 0)
          ) {
            const refused = closePeriod({ grids, anchor: null, period: P });
            expect(refused).toMatchObject({ ok: false, reason: "before-first-checkin" });
            return;
          }
          const l = await sealed(grids, P);
          const after = l.checkins.slice(1);
          const content = (r: readonly CellValue[]) =>
            canonicalRow(r, l.columns, "UTC") + "|" + String(r[SEAL] ?? "");
          const nonBlank = (rs: CellValue[][]) =>
            rs.filter((r) => r.some((v) => v !== null && v !== undefined && v !== ""));
          expect(nonBlank(after).map(content).sort()).toEqual(nonBlank(before).map(content).sort());
          const isSealed = (r: readonly CellValue[]) =>
            comparePeriods(parsePeriod(period(r))!, parsePeriod(P)!) <= 0;
          const expectedBlock = nonBlank(before)
            .filter(isSealed)
            .sort((a, b) => period(a).localeCompare(period(b)));
          expect(after.slice(0, l.sealedRows).map(content)).toEqual(expectedBlock.map(content));
          expect(nonBlank(after.slice(l.sealedRows)).map(content)).toEqual(
            nonBlank(before)
              .filter((r) => !isSealed(r))
              .map(content),
          );
          expect(verifyLedger(l.grids, l.anchor).intact).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe("the sealed rows are locked and the open period's rows stay editable", () => {
  it("refuses an edit of a sealed row or the header, and allows one in the open rows and far below", async () => {
    const host = await demoHost();
    const result = ok(await close(host, "2026-W47"));
    await host.apply(result.plan);
    const firstOpen = result.sealedRows + 2;
    expect(() => host.edit(SHEET.checkins, 1, 1, "Week")).toThrow(ProtectedCellError);
    expect(() => host.edit(SHEET.checkins, 2, 3, "Red")).toThrow(ProtectedCellError);
    expect(() => host.edit(SHEET.checkins, firstOpen - 1, SEAL, "1:abc")).toThrow(
      ProtectedCellError,
    );
    host.edit(SHEET.checkins, firstOpen, 3, "Amber");
    host.edit(SHEET.checkins, 50_000, 1, "2026-W49");
    expect(host.grid(SHEET.checkins)[firstOpen - 1]![2]).toBe("Amber");
  });
});

describe("Current Period moves past P", () => {
  it("becomes the period after P, and never goes back", async () => {
    const host = new MemoryHost(
      ledgerWorkbook([checkin("2026-W47", "INI-1"), checkin("2026-W48", "INI-1")]),
    );
    const settingsValue = () =>
      host.grid(SHEET.settings).find((r) => r[0] === "Current Period")?.[1];
    await host.apply(ok(await close(host, "2026-W47")).plan);
    expect(settingsValue()).toBe("2026-W48");
    const result = ok(await close(host, "2026-W48"));
    await host.apply(result.plan);
    expect([result.currentPeriod, settingsValue()]).toEqual(["2026-W49", "2026-W49"]);
    expect(
      host.formatAt(
        SHEET.settings,
        host.grid(SHEET.settings).findIndex((r) => r[0] === "Current Period") + 1,
        2,
      ),
    ).toMatchObject({ numberFormat: "@" });
  });

  it("is added to Settings when missing, judged from the date of the close", async () => {
    const grids = workbookGrids({
      ...smallWorkbook(),
      settings: { "Time Zone": "UTC", Cadence: "Weekly" },
    });
    const result = ok(
      closePeriod({
        grids,
        anchor: null,
        period: "2026-W47",
        now: new Date("2026-11-26T12:00:00Z"),
      }),
    );
    expect(result.currentPeriod).toBe("2026-W48");
    expect(
      closePeriod({
        grids,
        anchor: null,
        period: "2026-W49",
        now: new Date("2026-11-26T12:00:00Z"),
      }),
    ).toMatchObject({ ok: false, reason: "future-period" });
    const host = new MemoryHost(grids);
    await host.apply(result.plan);
    expect(host.grid(SHEET.settings).at(-1)).toEqual(["Current Period", "2026-W48"]);
  });
});

describe("the anchor is stored in the document", () => {
  it("records the sealed rows, the newest seal, the last closed period and the time zone", async () => {
    const host = await demoHost();
    const result = ok(await close(host, "2026-W47"));
    expect(result.plan.ops.at(-1)).toEqual({ op: "setAnchor", value: result.anchor });
    await host.apply(result.plan);
    // The demo's gate decisions are sealed after the check-ins, so the newest seal is a decision's.
    expect(result.sealedDecisions).toBeGreaterThan(0);
    const gates = host.grid(SHEET.gateDecisions);
    const newest = parseSeal(String(gates[result.sealedDecisions]![gates[0]!.indexOf("Seal")]))!;
    expect(parseAnchor(host.anchor!)).toEqual({
      rows: result.sealedRows + result.sealedDecisions,
      seal: newest.hex,
      through: "2026-W47",
      zone: "Europe/Berlin",
    });
    expect(host.anchor!.length).toBeLessThan(9 * 1024);
  });
});

describe("closing again changes nothing", () => {
  it("says the period is already closed, for P and any period before it", async () => {
    const host = await demoHost();
    await host.apply(ok(await close(host, "2026-W47")).plan);
    for (const p of ["2026-W47", "2026-W45"]) {
      const again = await close(host, p);
      expect(again).toMatchObject({ ok: false, reason: "already-closed", issues: [] });
      expect("plan" in again).toBe(false);
    }
  });
});

describe("a close cut off halfway completes when run again", () => {
  it("ends, from a cut after any operation of its plan, exactly where an uninterrupted close ends", async () => {
    const fresh = async () =>
      new MemoryHost(
        ledgerWorkbook(
          [
            checkin("2026-W47", "INI-2"),
            checkin("2026-W48", "INI-1"),
            checkin("2026-W46", "INI-1"),
            checkin("2026-W47", "KPI-1"),
          ],
          [],
          { "Current Period": "2026-W47" },
        ),
      );
    const whole = await fresh();
    const plan = ok(await close(whole, "2026-W47")).plan;
    await whole.apply(plan);
    const state = (h: MemoryHost) => ({
      checkins: h.grid(SHEET.checkins),
      settings: h.grid(SHEET.settings),
      anchor: h.anchor,
      protection: h.sheets.get(SHEET.checkins)!.protection,
    });
    for (let cut = 0; cut < plan.ops.length; cut++) {
      const host = await fresh();
      await host.apply({ ops: plan.ops.slice(0, cut) });
      await host.apply(ok(await close(host, "2026-W47")).plan);
      expect(state(host), `cut after ${cut} operations`).toEqual(state(whole));
    }
  });
});

describe("bad input", () => {
  it("refuses a period with validation errors in its check-ins, lists them and changes nothing", async () => {
    const host = await demoHost();
    const grids = await host.readSheets(TEMPLATE_SHEETS);
    const result = closePeriod({ grids, anchor: null, period: "2026-W48" });
    const checkinErrors = validateGrids(grids).issues.filter(
      (i) => i.sheet === SHEET.checkins && i.severity === "error",
    );
    expect(checkinErrors.length).toBeGreaterThan(0);
    expect(result).toMatchObject({ ok: false, reason: "validation-errors" });
    expect(!result.ok && result.issues.map((i) => i.cell)).toEqual(
      checkinErrors.map((i) => i.cell),
    );
    expect("plan" in result).toBe(false);
  });

  it("is not stopped by errors in later periods or on other sheets", async () => {
    const host = await demoHost();
    expect((await close(host, "2026-W47")).ok).toBe(true);
  });

  it("is stopped by errors in Settings, which decide how check-ins read", async () => {
    const grids = workbookGrids({
      ...smallWorkbook(),
      settings: { "Time Zone": "Mars/Olympus", "Current Period": "2026-W48" },
    });
    expect(closePeriod({ grids, anchor: null, period: "2026-W47" })).toMatchObject({
      ok: false,
      reason: "validation-errors",
      issues: [{ code: "invalid-setting", sheet: "Settings" }],
    });
  });

  it("says plainly when the period is unknown, of the other cadence, in the future or already closed", async () => {
    const grids = ledgerWorkbook([checkin("2026-W47", "INI-1")]);
    for (const p of ["2026-W54", "W47", "next week", "", "2026-13"])
      expect(closePeriod({ grids, anchor: null, period: p })).toMatchObject({
        ok: false,
        reason: "unknown-period",
      });
    expect(closePeriod({ grids, anchor: null, period: "2026-11" })).toMatchObject({
      ok: false,
      reason: "wrong-cadence",
    });
    const future = closePeriod({ grids, anchor: null, period: "2026-W49" });
    expect(future).toMatchObject({ ok: false, reason: "future-period" });
    expect(!future.ok && future.message).toContain("2026-W48");
    const l = await sealed(grids);
    expect(closePeriod({ grids: l.grids, anchor: l.anchor, period: "2026-W47" })).toMatchObject({
      ok: false,
      reason: "already-closed",
    });
  });

  it("refuses when sealed history was changed", async () => {
    const l = await sealed(
      ledgerWorkbook(
        [checkin("2026-W46", "INI-1"), checkin("2026-W47", "INI-1")],
        [checkin("2026-W48", "INI-1")],
      ),
    );
    const edited = l.checkins.map((r) => [...r]);
    edited[1]![5] = "rewritten";
    const result = closePeriod({
      grids: withCheckins(l.grids, edited),
      anchor: l.anchor,
      period: "2026-W48",
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "validation-errors",
      issues: [{ code: "sealed-row-edited", row: 2, cell: "J2" }],
    });
  });

  it("refuses a check-in added to a closed period, even one that had no check-ins", async () => {
    const l = await sealed(
      ledgerWorkbook([checkin("2026-W46", "INI-1")], [checkin("2026-W48", "INI-1")]),
    );
    const late = [
      ...l.checkins,
      ["2026-W47", "INI-2", "Green", 0.5, null, null, null, "Rae", null, null],
    ];
    const result = closePeriod({
      grids: withCheckins(l.grids, late),
      anchor: l.anchor,
      period: "2026-W48",
    });
    expect(result).toMatchObject({
      ok: false,
      reason: "validation-errors",
      issues: [{ code: "checkin-closed-period", row: 4 }],
    });
  });

  it("asks to finish an interrupted close of a later period first", async () => {
    const grids = ledgerWorkbook([checkin("2026-W46", "INI-1"), checkin("2026-W47", "INI-1")]);
    const plan = ok(closePeriod({ grids, anchor: null, period: "2026-W47" })).plan;
    const host = new MemoryHost(grids);
    await host.apply({ ops: plan.ops.filter((o) => o.op === "values") });
    expect(await close(host, "2026-W46")).toMatchObject({ ok: false, reason: "interrupted-close" });
  });
});

/** A deterministic shuffle (Fisher–Yates with a small LCG), so a failing case replays. */
function shuffle<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed >>> 0;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1664525 + 1013904223) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

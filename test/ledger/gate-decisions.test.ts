/**
 * DESIGN.md "Governance": the Gate Decisions sheet is append-only and sealed at close in the
 * same chain as the check-ins. A close seals the check-ins of the periods it closes, then the
 * decisions dated on or before the period's end, oldest first; verify and validate walk both
 * sheets; a version 1 workbook seals exactly as it did before.
 */
import { describe, expect, it } from "vitest";
import {
  GENESIS_SEAL,
  MemoryHost,
  ProtectedCellError,
  SHEET,
  canonicalRow,
  closePeriod,
  formatSeal,
  parseAnchor,
  parseSeal,
  readWorkbook,
  readFor,
  runAction,
  sealOf,
  validateGrids,
  verifyLedger,
  type CellValue,
  type CloseResult,
  type Grids,
} from "@baton/core";
import {
  checkin,
  smallWorkbook,
  version1Grids,
  workbookGrids,
  type RowSpec,
} from "../support/grids.ts";

const decision = (date: string, id: string, gate: number, o: RowSpec = {}): RowSpec => ({
  Date: date,
  ID: id,
  Gate: gate,
  Decision: "Approved",
  "Decided By": "Ola",
  Role: "Owner",
  Evidence: `memo ${id} ${gate}`,
  ...o,
});

const CHECKINS = [
  checkin("2026-W46", "INI-1"),
  checkin("2026-W47", "INI-2"),
  checkin("2026-W46", "INI-2"),
];

/** 2026-W47 ends on Sunday 2026-11-22: the decision of the 24th stays open. */
const DECISIONS = [
  decision("2026-11-24", "INI-2", 2),
  decision("2026-11-18", "INI-1", 2),
  decision("2026-11-10", "INI-2", 2, { "Decided By": "Sam" }),
];

const grids = (): Grids =>
  workbookGrids({ ...smallWorkbook(), checkins: CHECKINS, gateDecisions: DECISIONS });

function ok(result: CloseResult): Extract<CloseResult, { ok: true }> {
  if (!result.ok)
    throw new Error(
      `close refused: ${result.message} ${result.issues.map((i) => i.message).join("; ")}`,
    );
  return result;
}

async function close(host: MemoryHost, period = "2026-W47") {
  const names = await host.sheetNames();
  return closePeriod({ grids: await host.readSheets(names), anchor: host.anchor, period });
}

async function closed(given: Grids = grids()) {
  const host = new MemoryHost(given);
  const result = ok(await close(host));
  await host.apply(result.plan);
  return { host, result, after: await host.readSheets(await host.sheetNames()) };
}

const SEAL_COL = 9;
const sealCells = (g: Grids, sheet: string, col: number) =>
  g[sheet]!.slice(1).map((r) => r[col - 1] ?? null);

describe("a close seals the gate decisions with the check-ins, in one chain", () => {
  it("seals the check-ins first, then the decisions dated up to the period's end, oldest first", async () => {
    const { host, result, after } = await closed();
    // The three check-ins are sealed 1 to 3, in period order.
    const ci = readWorkbook(after).workbook.layout.checkins!.columns.seal!;
    const ciSeals = sealCells(after, SHEET.checkins, ci).map((s) => parseSeal(String(s))?.seq);
    expect(ciSeals).toEqual([1, 2, 3]);
    expect(result.sealed).toBe(3);
    expect(result.sealedRows).toBe(3);
    expect(result.sealedDecisions).toBe(2);
    const gd = after[SHEET.gateDecisions]!;
    // The two decisions up to 22 November, oldest first, moved above the open one.
    expect(gd.slice(1).map((r) => [r[0], parseSeal(String(r[SEAL_COL - 1] ?? ""))?.seq])).toEqual([
      ["2026-11-10", 4],
      ["2026-11-18", 5],
      ["2026-11-24", undefined],
    ]);
    expect(parseAnchor(host.anchor!)).toMatchObject({
      rows: 5,
      seal: parseSeal(String(gd[2]![SEAL_COL - 1]))!.hex,
    });
    expect(verifyLedger(after, host.anchor)).toMatchObject({
      intact: true,
      sealedRows: 3,
      sealedDecisions: 2,
    });
    expect(
      validateGrids(after, [], { anchor: host.anchor }).issues.filter(
        (i) => i.code === "sealed-row-edited",
      ),
    ).toEqual([]);
  });

  it("locks the sealed decisions like sealed check-ins and leaves the rows below them open", async () => {
    const { host, result } = await closed();
    const protect = result.plan.ops.filter((op) => op.op === "protect").map((op) => op.sheet);
    expect(protect).toEqual([SHEET.checkins, SHEET.gateDecisions]);
    expect(() => host.edit(SHEET.gateDecisions, 2, 7, "other memo")).toThrow(ProtectedCellError);
    expect(() => host.edit(SHEET.gateDecisions, 3, SEAL_COL, "")).toThrow(ProtectedCellError);
    host.edit(SHEET.gateDecisions, 4, 7, "a new memo");
    host.edit(SHEET.gateDecisions, 5, 1, "2026-11-25");
  });

  it("is idempotent: a second close changes nothing, and a close cut off before its anchor completes", async () => {
    const { host, after } = await closed();
    const again = await close(host);
    expect(again.ok).toBe(false);
    expect(again.ok ? "" : again.reason).toBe("already-closed");

    const cut = new MemoryHost(grids());
    const first = ok(await close(cut));
    await cut.apply({ ops: first.plan.ops.filter((op) => op.op !== "setAnchor") });
    const resumed = ok(await close(cut));
    expect(resumed.sealed + resumed.sealedDecisions).toBe(0);
    await cut.apply(resumed.plan);
    expect(cut.anchor).toBe(host.anchor);
    const now = await cut.readSheets(await cut.sheetNames());
    expect(now[SHEET.gateDecisions]).toEqual(after[SHEET.gateDecisions]);
    expect(now[SHEET.checkins]).toEqual(after[SHEET.checkins]);
  });
});

describe("an edit to a sealed decision is found by verify and validate", () => {
  const broken = (g: Grids, anchor: string) => {
    const v = verifyLedger(g, anchor);
    const issues = validateGrids(g, [], { anchor }).issues.filter(
      (i) => i.code === "sealed-row-edited",
    );
    return { v, issues };
  };

  it("names an edited decision at its row on Gate Decisions", async () => {
    const { host, after } = await closed();
    const gd = after[SHEET.gateDecisions]!.map((r) => [...r]);
    gd[2]![6] = "memo, rewritten";
    const { v, issues } = broken({ ...after, [SHEET.gateDecisions]: gd }, host.anchor!);
    expect(v.intact).toBe(false);
    expect(v.firstBroken).toMatchObject({
      sheet: SHEET.gateDecisions,
      row: 3,
      reason: "content-edited",
    });
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: "error",
      sheet: SHEET.gateDecisions,
      row: 3,
      cell: "I3",
    });
  });

  it("is named by the verify action at the decision's own Seal cell, and an intact one counts both sheets", async () => {
    const { host, after } = await closed();
    const now = new Date("2026-11-26T12:00:00Z");
    const needs = { template: "required", anchor: true } as const;
    const intact = runAction("verify", await readFor(host, needs), { now });
    expect(intact.outcome).toMatchObject({
      ok: true,
      message: expect.stringContaining("3 sealed check-ins and 2 sealed gate decisions"),
    });
    const gd = after[SHEET.gateDecisions]!.map((r) => [...r]);
    gd[2]![6] = "memo, rewritten";
    const edited = new MemoryHost({ ...after, [SHEET.gateDecisions]: gd });
    edited.anchor = host.anchor;
    const { outcome } = runAction("verify", await readFor(edited, needs), { now });
    expect(outcome.ok).toBe(false);
    expect(outcome.issues?.[0]).toMatchObject({ sheet: SHEET.gateDecisions, row: 3, cell: "I3" });
  });

  it("finds a deleted decision", async () => {
    const { host, after } = await closed();
    const gd = after[SHEET.gateDecisions]!.filter((_, i) => i !== 1);
    const { v, issues } = broken({ ...after, [SHEET.gateDecisions]: gd }, host.anchor!);
    expect(v.intact).toBe(false);
    expect(v.firstBroken?.reason).toBe("row-deleted");
    expect(issues.length).toBeGreaterThan(0);
  });

  it("finds two sealed decisions swapped, and a decision moved onto Check-ins", async () => {
    const { host, after } = await closed();
    const gd = after[SHEET.gateDecisions]!.map((r) => [...r]);
    [gd[1], gd[2]] = [gd[2]!, gd[1]!];
    const swapped = broken({ ...after, [SHEET.gateDecisions]: gd }, host.anchor!);
    expect(swapped.v.firstBroken).toMatchObject({
      sheet: SHEET.gateDecisions,
      row: 2,
      reason: "rows-reordered",
    });
    expect(swapped.issues.length).toBeGreaterThan(0);

    // The newest decision cut from its sheet and put, seal and all, below the sealed check-ins.
    const seal = readWorkbook(after).workbook.layout.checkins!.columns.seal!;
    const moved = after[SHEET.gateDecisions]![2]!;
    const row: CellValue[] = [];
    row[seal - 1] = moved[SEAL_COL - 1]!;
    for (let c = 0; c < 8; c++) row[c] = moved[c]!;
    const ci = [...after[SHEET.checkins]!.slice(0, 4), row];
    const gates = after[SHEET.gateDecisions]!.filter((_, i) => i !== 2);
    const across = broken(
      { ...after, [SHEET.checkins]: ci, [SHEET.gateDecisions]: gates },
      host.anchor!,
    );
    expect(across.v.intact).toBe(false);
    expect(across.issues.length).toBeGreaterThan(0);
  });
});

describe("a workbook without gate decisions seals as before", () => {
  /** The seals of check-ins as the ledger has always computed them: the chain over canonicalRow. */
  const expectedSeals = (after: Grids) => {
    const layout = readWorkbook(after).workbook.layout.checkins!;
    let prev = GENESIS_SEAL;
    return after[SHEET.checkins]!.slice(1).map((cells, i) => {
      prev = sealOf(prev, i + 1, canonicalRow(cells, layout.columns, "UTC"));
      return formatSeal({ seq: i + 1, hex: prev });
    });
  };

  it("gives a version 1 workbook the seals and anchor of the check-ins alone, byte for byte", async () => {
    const { host, after, result } = await closed(
      version1Grids({ ...smallWorkbook(), checkins: CHECKINS }),
    );
    const seal = readWorkbook(after).workbook.layout.checkins!.columns.seal!;
    const seals = sealCells(after, SHEET.checkins, seal);
    expect(seals).toEqual(expectedSeals(after));
    expect(result.sealedDecisions).toBe(0);
    expect(parseAnchor(host.anchor!)).toMatchObject({
      rows: 3,
      seal: parseSeal(String(seals[2]))!.hex,
    });
    expect(result.plan.ops.filter((op) => op.op === "protect")).toHaveLength(1);
    expect(verifyLedger(after, host.anchor)).toMatchObject({
      intact: true,
      sealedRows: 3,
      sealedDecisions: 0,
    });

    // A version 2 workbook seals its check-ins to the very same seals; its decisions follow them.
    const v2 = await closed();
    expect(sealCells(v2.after, SHEET.checkins, seal)).toEqual(seals);
  });
});

/**
 * Upgrading a version 1 workbook in place: the new columns after the last header, the new
 * sheet at the end, Template Version 2; nothing that was there moved or changed; a second run
 * writes nothing; validation says once how to upgrade.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  MemoryHost,
  SHEET,
  TEMPLATE_VERSION,
  UPGRADE_READS,
  perform,
  upgradePlan,
  validateGrids,
  type CellValue,
  type Grids,
} from "@baton/core";
import { checkin, smallWorkbook, version1Grids, workbookGrids } from "../support/grids.ts";

const NOW = new Date("2026-11-26T10:00:00Z");

/** A version 1 workbook with a team's own column after the template's. */
function teamV1(): Record<string, CellValue[][]> {
  const grids = version1Grids(smallWorkbook({ checkins: [checkin("2026-W48", "INI-1")] }));
  const ini = grids[SHEET.initiatives]!;
  ini[0]!.push("Budget code");
  ini[1]!.push("BC-17");
  return grids;
}

/** Every cell of the original grids is unchanged in the new ones, but the Template Version value. */
function keeps(before: Grids, after: Grids): void {
  for (const [name, grid] of Object.entries(before))
    grid!.forEach((row, r) =>
      row.forEach(
        (v, c) =>
          (name === SHEET.settings && row[0] === "Template Version" && c === 1) ||
          expect([name, r, c, after[name]?.[r]?.[c] ?? null]).toEqual([name, r, c, v ?? null]),
      ),
    );
}

async function run(host: MemoryHost, id: "upgradeTemplate" | "setUpTemplate") {
  return perform(host, id, { now: NOW, timeZone: "UTC" });
}

describe("upgrading a version 1 workbook", () => {
  it("adds the version 2 columns after the last header, the Gate Decisions sheet and the version", async () => {
    const before = teamV1();
    const host = new MemoryHost(structuredClone(before));
    const first = await run(host, "upgradeTemplate");
    expect(first.outcome.ok).toBe(true);
    expect(first.outcome.message).toMatch(/now uses template version 2/);
    const ini = host.grid(SHEET.initiatives);
    expect(ini[0]).toEqual([
      ...before[SHEET.initiatives]![0]!,
      "Sponsor",
      "Controller",
      "Planned Value",
      "Value Unit",
      "Gate",
      "Confirmed Value",
    ]);
    expect(host.grid(SHEET.gateDecisions)[0]).toEqual([
      "Date",
      "ID",
      "Gate",
      "Decision",
      "Decided By",
      "Role",
      "Evidence",
      "Confirmed Value",
      "Seal",
    ]);
    expect(host.grid(SHEET.settings)).toContainEqual(["Template Version", TEMPLATE_VERSION]);
    const names = await host.sheetNames();
    expect(names.slice(0, -1)).toEqual(Object.keys(before));
    expect(names.at(-1)).toBe(SHEET.gateDecisions);
    keeps(before, await host.readSheets(Object.keys(before)));
  });

  it("writes nothing the second time", async () => {
    const host = new MemoryHost(teamV1());
    await run(host, "upgradeTemplate");
    const after = await host.readSheets(await host.sheetNames());
    const second = await run(host, "upgradeTemplate");
    expect(second.plan.ops).toEqual([]);
    expect(second.outcome.message).toBe(
      "This workbook already uses template version 2; nothing was changed.",
    );
    expect(await host.readSheets(await host.sheetNames())).toEqual(after);
  });

  it("is what Set up does on a version 1 workbook, and Set up then writes nothing", async () => {
    const viaUpgrade = new MemoryHost(teamV1());
    const viaSetUp = new MemoryHost(teamV1());
    await run(viaUpgrade, "upgradeTemplate");
    const setUp = await run(viaSetUp, "setUpTemplate");
    expect(setUp.outcome.message).toMatch(/now uses template version 2/);
    const names = await viaUpgrade.sheetNames();
    expect(await viaSetUp.sheetNames()).toEqual(names);
    expect(await viaSetUp.readSheets(names)).toEqual(await viaUpgrade.readSheets(names));
    expect((await run(viaSetUp, "setUpTemplate")).plan.ops).toEqual([]);
  });

  it("adds a Template Version row where Settings has none, and leaves a newer version alone", () => {
    const grids = teamV1();
    grids[SHEET.settings] = grids[SHEET.settings]!.filter((r) => r[0] !== "Template Version");
    const up = upgradePlan(Object.keys(grids), grids);
    const rows = grids[SHEET.settings]!.length;
    expect(up.plan.ops).toContainEqual({
      op: "values",
      sheet: SHEET.settings,
      row: rows + 1,
      column: 1,
      values: [["Template Version", TEMPLATE_VERSION]],
    });
    const newer = workbookGrids(smallWorkbook({ settings: { "Template Version": 3 } }));
    expect(upgradePlan(Object.keys(newer), newer).plan.ops).toEqual([]);
  });

  it("reads only Initiatives and Settings", () => {
    expect([...UPGRADE_READS].sort()).toEqual([SHEET.initiatives, SHEET.settings].sort());
  });
});

describe("validating a version 1 workbook", () => {
  it("reads it as before and says once, on Template Version, how to upgrade", () => {
    const grids = teamV1();
    const { issues, workbook } = validateGrids(grids);
    expect(issues.map((i) => `${i.code} ${i.sheet}!${i.cell}`)).toEqual([
      "template-outdated Settings!B4",
    ]);
    expect(issues[0]!.severity).toBe("warning");
    expect(issues[0]!.message).toMatch(
      /template version 1; version 2 adds Sponsor, .* the Gate Decisions sheet/,
    );
    expect(issues[0]!.fix).toMatch(/baton upgrade.*Set up/);
    expect(workbook.initiatives[0]).toMatchObject({
      id: "INI-1",
      sponsor: null,
      plannedValue: null,
    });
    expect(workbook.gateDecisions).toEqual([]);
  });

  it("has nothing to say once upgraded", async () => {
    const host = new MemoryHost(teamV1());
    await run(host, "upgradeTemplate");
    const { issues } = validateGrids(await host.readSheets(await host.sheetNames()));
    expect(issues).toEqual([]);
  });
});

describe("upgrading any workbook", () => {
  const arbitrary = fc.record({
    own: fc.array(fc.constantFrom("Budget", "Notes", "Risk", "Sponsor", "Value Unit"), {
      maxLength: 3,
    }),
    blankGap: fc.boolean(),
    version: fc.constantFrom<CellValue>(null, 1, 2, "1", "two"),
    gateSheet: fc.boolean(),
  });

  it("changes no cell that was there but Template Version, and a second run writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(arbitrary, async ({ own, blankGap, version, gateSheet }) => {
        const grids = version1Grids(smallWorkbook());
        const ini = grids[SHEET.initiatives]!;
        // A team's own columns (some named like a version 2 column), after a blank one or not.
        const extra = [...(blankGap ? [null] : []), ...own];
        ini[0]!.push(...extra);
        // Cells under a blank header are a team's unlabelled column: never to be labelled.
        ini.slice(1).forEach((r, i) => r.push(...extra.map((h) => `${h ?? "unlabelled"} ${i}`)));
        const settings = grids[SHEET.settings]!;
        const at = settings.findIndex((r) => r[0] === "Template Version");
        settings[at]![1] = version;
        if (gateSheet) grids[SHEET.gateDecisions] = [["Date", "ID"]];
        const host = new MemoryHost(structuredClone(grids));
        const names = Object.keys(grids);
        const first = upgradePlan(names, grids);
        await host.apply(first.plan);
        const after = await host.readSheets(names);
        for (const [name, grid] of Object.entries(grids))
          grid!.forEach((row, r) =>
            row.forEach((v, c) => {
              if (name === SHEET.settings && r === at && c === 1) return;
              expect(after[name]?.[r]?.[c] ?? null).toEqual(v ?? null);
            }),
          );
        const now = await host.sheetNames();
        const again = await host.readSheets(now);
        expect(upgradePlan(now, again).plan.ops).toEqual([]);
        // Every version 2 column is there, and none was added twice (the team's own twice stays).
        const header = again[SHEET.initiatives]![0]!;
        for (const h of ["Sponsor", "Controller", "Planned Value", "Value Unit", "Gate"])
          expect(header.filter((x) => x === h)).toHaveLength(
            Math.max(1, own.filter((o) => o === h).length),
          );
      }),
      { numRuns: 150 },
    );
  });
});

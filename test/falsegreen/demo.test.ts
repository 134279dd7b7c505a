/**
 * The demo's false green: the development team reports Green on INI-5 while DEP-1, the routing
 * API it owes IT Support, is ten days late, as of the demo's own day.
 */
import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  SHEET,
  demoContent,
  evaluate,
  summarize,
  templatePlan,
  validateGrids,
} from "@baton/core";

const TODAY = "2026-11-26";

async function demo(today = TODAY) {
  const host = new MemoryHost();
  await host.apply(templatePlan(demoContent({ today, timeZone: "Europe/Berlin" })));
  return host.readSheets(Object.values(SHEET));
}

describe("the demo's false green", () => {
  it("is warned on the development team's latest check-in in the words of the sidebar", async () => {
    const grids = await demo();
    const { workbook, issues } = validateGrids(grids, [], { today: TODAY });
    const latest = workbook.checkins.filter((c) => c.id === "INI-5").at(-1)!;
    const warning = issues.find((i) => i.code === "false-green" && i.row === latest.row)!;
    expect(warning.message).toBe(
      `Check-ins!C${latest.row}: You report Green, but DEP-1, which you owe IT Support, is 10 days late.`,
    );
  });

  it("is the first entry of the board summary's section, and a reason on INI-5", async () => {
    const { workbook } = validateGrids(await demo());
    const summary = summarize(workbook, { asOf: TODAY });
    expect(summary.falseGreens[0]).toMatchObject({
      id: "INI-5",
      team: "Development",
      status: "Green",
      evidence: [{ code: "owes-red-handoff", refs: ["DEP-1"] }],
    });
    const ini5 = evaluate(workbook, { asOf: TODAY }).initiatives.find((i) => i.id === "INI-5")!;
    expect(ini5.reasons).toEqual([{ code: "falseGreen", refs: ["DEP-1"] }]);
  });

  it("is told whatever day of the week the demo is made on", async () => {
    for (const today of ["2026-11-23", "2026-11-29", "2027-03-03"]) {
      const { workbook } = validateGrids(await demo(today));
      const fg = evaluate(workbook, { asOf: today }).falseGreens.find((f) => f.id === "INI-5");
      expect(
        fg?.evidence.map((e) => e.text),
        today,
      ).toEqual(["DEP-1, which you owe IT Support, is 10 days late"]);
    }
  });
});

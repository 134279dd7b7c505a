/**
 * The real trackers in shared/fixtures/real, as teams bring them: each migrates with every
 * non-blank row accounted for, and its hard parts come out as the rules say.
 */
import { describe, expect, it, beforeAll } from "vitest";
import type { Migration } from "@baton/core";
import { readMigrationSource } from "../../cli/src/files/migration-source.ts";
import {
  AS_OF,
  fixture,
  errorsBesidesBlanks,
  expectEveryRowOnce,
  issuesOf,
  records,
} from "./support.ts";
import { migrate } from "@baton/core";

async function migrateFile(
  name: string,
): Promise<{ m: Migration; grid: readonly (readonly unknown[])[] }> {
  const { source } = await readMigrationSource(fixture(name));
  return {
    m: migrate(source, { asOf: AS_OF, timeZone: "UTC", title: name.replace(/\.\w+$/, "") }),
    grid: source.grid,
  };
}

describe("the German risk register (Risikoregister)", () => {
  let m: Migration;
  let grid: readonly (readonly unknown[])[];
  beforeAll(
    async () => ({ m, grid } = await migrateFile("04_risikoregister_de_gourmetguide.xlsx")),
  );

  it("accounts for every risk, and the formatted blank rows below are no rows", () => {
    expectEveryRowOnce(m, grid as never);
    expect(m.report.rows).toHaveLength(8);
    expect(m.report.rows.every((r) => r.outcome === "imported")).toBe(true);
  });
  it("reads German headers: Nr. is the ID, Risikobeschreibung the name, Eintrittswahrscheinlichkeit and Auswirkung the numbers, Behandlung the response", () => {
    const field = (c: string) => m.report.mapping.find((x) => x.column === c)?.field;
    expect(field("Nr.")).toBe("id");
    expect(field("Risikobeschreibung")).toBe("name");
    expect(field("Eintrittswahrscheinlichkeit")).toBe("probability");
    expect(field("Auswirkung")).toBe("impact");
    expect(field("Behandlung")).toBe("response");
    expect(m.report.kind).toBe("raid");
  });
  it("makes each risk an initiative, keeping its fractions shown as % and its response in one vocabulary", () => {
    const inis = records(m, "initiatives");
    expect(inis).toHaveLength(8);
    const r1 = inis[0]!;
    expect(r1.Initiative).toBe(
      "Der Hostserver fällt aus und der Service (die Webseite) ist nicht mehr erreichbar",
    );
    expect(r1["Source Nr."]).toBe("R1");
    expect(r1.Eintrittswahrscheinlichkeit).toBe(0.15);
    expect(r1.Auswirkung).toBe(1);
    // Reduzieren (R1) and Reduzierung (R4) are one response; Akzeptieren/Übertragen is two.
    expect(inis.map((i) => i.Behandlung ?? i["Behandlung (response)"])).toEqual([
      "Reduce",
      "Avoid",
      "Exploit",
      "Reduce",
      "Accept",
      "Reduce",
      "Enhance",
      "Accept/Transfer",
    ]);
  });
  it("leaves nothing broken for validation beyond cells the register never had", async () => {
    expect(errorsBesidesBlanks(await issuesOf(m))).toEqual([]);
  });
});

describe("the Gantt project plan (Packt)", () => {
  let m: Migration;
  let grid: readonly (readonly unknown[])[];
  beforeAll(async () => ({ m, grid } = await migrateFile("09_project_plan_gantt_packt.xlsx")));

  it("accounts for all 39 tasks", () => {
    expectEveryRowOnce(m, grid as never);
    expect(m.report.rows).toHaveLength(39);
    expect(m.report.kind).toBe("plan");
  });
  it("reads the hierarchy from leading spaces: top-level summaries are objectives, a deeper summary leads its tasks' names", () => {
    const objectives = records(m, "objectives").map((o) => o.Objective);
    expect(objectives.slice(0, 3)).toEqual([
      "Create P2P Network",
      "Relay Servers",
      "Text Message Send/Receive API",
    ]);
    const row7 = m.report.rows.find((r) => r.sourceRow === 7)!;
    expect(row7.outcome).toBe("skipped");
    expect(row7.reason).toContain("summary task over 2 tasks");
    const inis = records(m, "initiatives");
    const design = inis.find((i) => i.ID === "INI-7")!;
    expect(design.Initiative).toBe("Setup Relay Servers: Design");
    expect(design["Objective ID"]).toBe(inis.find((i) => i.ID === "INI-9")!["Objective ID"]);
  });
  it("turns predecessors such as 2fs into hand-offs from that task to the one that waits", () => {
    const deps = records(m, "handoffs").map((h) => `${h["From Initiative"]}>${h["To Initiative"]}`);
    // Row n of the plan has ID n-1; every predecessor cell "Nfs" on task T is a hand-off INI-N > INI-T.
    const expected: string[] = [];
    for (let r = 1; r < grid.length; r++) {
      const pred = grid[r]![6];
      if (typeof pred === "string" && /^\d+fs$/.test(pred))
        expected.push(`INI-${parseInt(pred)}>INI-${grid[r]![0]}`);
    }
    expect(deps).toEqual(expected);
    expect(deps).toContain("INI-2>INI-3");
    expect(deps).toContain("INI-32>INI-33");
  });
  it("dates hand-offs by the plan: needed by the waiting task's start, committed for the provider's end", () => {
    const dep = records(m, "handoffs").find(
      (h) => h["From Initiative"] === "INI-2" && h["To Initiative"] === "INI-3",
    )!;
    expect(dep["Needed By"]).toBe("2023-02-14");
    expect(dep["Committed Date"]).toBe("2023-02-13");
    expect(dep.Owner).toBe("Arun");
    // Task 33 starts before its predecessor 32 ends: committed late, which the status engine will show.
    const late = records(m, "handoffs").find((h) => h["To Initiative"] === "INI-33")!;
    expect(late["Committed Date"]! > late["Needed By"]!).toBe(true);
  });
  it("reads formula results and owners written as lists", () => {
    const implement = records(m, "initiatives").find((i) => i.ID === "INI-3")!;
    expect(implement).toMatchObject({ Start: "2023-02-14", Due: "2023-03-28", Owner: "Arun, Bex" });
    expect(records(m, "initiatives").find((i) => i.ID === "INI-8")!.Owner).toBe("Charley, Bex");
  });
  it("leaves nothing broken for validation beyond cells the plan never had", async () => {
    expect(errorsBesidesBlanks(await issuesOf(m))).toEqual([]);
  });
});

describe("the capital delivery portfolio (CSV)", () => {
  let m: Migration;
  let grid: readonly (readonly unknown[])[];
  beforeAll(
    async () =>
      ({ m, grid } = await migrateFile("13_capital_delivery_portfolio_melbournewater.csv")),
  );

  it("reads the BOM and CRLF file as 445 records, each accounted for", () => {
    expectEveryRowOnce(m, grid as never);
    expect(m.report.rows).toHaveLength(445);
    expect(m.report.headerRow).toBe(1);
    expect(m.report.mapping[0]!.column).toBe("ID");
  });
  it("decides the d/m dates with AM/PM by the dates only day-first can read, and reports the ambiguous ones", () => {
    const w = m.report.warnings.find((x) => x.code === "ambiguous-dates")!;
    expect(w.message).toContain("day first");
    const q05388 = records(m, "initiatives").find((i) => i["Source ID"] === "Q05388")!;
    // BNI 5/02/2016 5:00:00 PM is 5 February; Stage3 2018-02-16 17:00:00 is ISO.
    expect(q05388).toMatchObject({ Start: "2016-02-05", Due: "2018-02-16" });
  });
  it("groups projects by delivery program and keeps the quoted-comma and money columns, without float noise", () => {
    const objectives = records(m, "objectives").map((o) => o.Objective);
    expect(objectives).toContain("Major Works - Framework");
    const d10101 = records(m, "initiatives").find((i) => i["Source ID"] === "D10101")!;
    expect(d10101["Approval body"]).toBe("Finance, Audit and Compliance");
    expect(records(m, "initiatives").find((i) => i["Source ID"] === "Q05640")!.FFC).toBe(
      2066075.59,
    );
  });
  it("names each project by its ID, since no column names them, and says so", () => {
    expect(records(m, "initiatives")[0]!.Initiative).toBe("Q05388");
    expect(m.report.warnings.map((w) => w.code)).toContain("no-name-column");
  });
  it("leaves nothing broken for validation beyond cells the portfolio never had", async () => {
    expect(errorsBesidesBlanks(await issuesOf(m))).toEqual([]);
  });
});

/**
 * "Record a gate decision" from the pane: the core action appends the row to Gate Decisions,
 * judged first by the same gate rules as a typed row. A decision that breaks one writes
 * nothing and comes back with the issue and its fix; one that counts moves the Gate at once.
 */
import { describe, expect, it } from "vitest";
import {
  MemoryHost,
  SHEET,
  needsOf,
  paneState,
  readFor,
  runAction,
  validateGrids,
  type GateDecisionForm,
  type Grids,
} from "@baton/core";
import { initiative, smallWorkbook, version1Grids, workbookGrids } from "../support/grids.ts";

const NOW = new Date("2026-11-26T10:00:00Z");

const grids = (people?: string[][]): Grids => {
  const g = workbookGrids({
    ...smallWorkbook({
      initiatives: [initiative("INI-3", "OBJ-1", { Sponsor: "Sam", Controller: "Cora" })],
    }),
    gateDecisions: [
      {
        Date: "2026-10-01",
        ID: "INI-3",
        Gate: 2,
        Decision: "Approved",
        "Decided By": "Ines",
        Role: "Owner",
        Evidence: "Business case v1",
      },
    ],
  });
  return people ? { ...g, People: people } : g;
};

const form = (o: Partial<GateDecisionForm> = {}): GateDecisionForm => ({
  id: "INI-3",
  gate: 3,
  decision: "Approved",
  decidedBy: "Sam",
  evidence: "Steering minutes 2026-11-25",
  ...o,
});

async function record(host: MemoryHost, f: unknown, extra: { signedIn?: string } = {}) {
  const read = await readFor(host, needsOf("recordGateDecision"));
  const answer = typeof f === "string" ? f : JSON.stringify(f);
  const result = runAction("recordGateDecision", read, { now: NOW, answer, ...extra });
  await host.apply(result.plan);
  return result;
}

const gateOf = (host: MemoryHost, id: string) => {
  const sheet = host.grid(SHEET.initiatives);
  return sheet.find((r) => r[0] === id)?.[sheet[0]!.indexOf("Gate")];
};

describe("recording a gate decision", () => {
  it("appends the row below the last decision, dated today, with the role the gate asks for, and moves the Gate", async () => {
    const host = new MemoryHost(grids());
    const before = host.grid(SHEET.gateDecisions);
    const { outcome } = await record(host, form());
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toBe(
      "Recorded on Gate Decisions row 3: INI-3 gate 3 approved by Sam (Sponsor). INI-3 is at gate 3.",
    );
    const after = host.grid(SHEET.gateDecisions);
    expect(after.slice(0, before.length)).toEqual(before);
    const header = after[0]!;
    const row = Object.fromEntries(header.map((h, i) => [h, after[2]![i] ?? null]));
    const { workbook, issues } = validateGrids(await host.readSheets(await host.sheetNames()), [], {
      now: NOW,
    });
    expect(workbook.gateDecisions.at(-1)).toMatchObject({
      date: "2026-11-26",
      id: "INI-3",
      gate: 3,
      decision: "Approved",
      decidedBy: "Sam",
      role: "Sponsor",
      evidence: "Steering minutes 2026-11-25",
      confirmedValue: null,
    });
    expect(row.Seal).toBeNull();
    expect(issues.filter((i) => i.sheet === SHEET.gateDecisions)).toEqual([]);
    expect(gateOf(host, "INI-3")).toBe(3);
    expect(outcome.select).toEqual({ sheet: SHEET.gateDecisions, cell: "A3" });
  });

  it("refuses a decision that breaks a gate rule, writes nothing, and gives the issue with its fix", async () => {
    const host = new MemoryHost(grids());
    const before = await host.readSheets(await host.sheetNames());
    // The Owner signing the Sponsor's gate, and no evidence.
    const { plan, outcome } = await record(host, form({ decidedBy: "Ines", evidence: " " }));
    expect(plan.ops).toEqual([]);
    expect(await host.readSheets(await host.sheetNames())).toEqual(before);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toMatch(/^Nothing was recorded: the decision breaks 2 gate rules/);
    const issues = outcome.issues ?? [];
    expect(issues.map((i) => [i.sheet, i.row, i.column])).toEqual(
      expect.arrayContaining([
        [SHEET.gateDecisions, 3, "Decided By"],
        [SHEET.gateDecisions, 3, "Evidence"],
      ]),
    );
    for (const i of issues) {
      expect(i.severity).toBe("error");
      expect(i.fix ?? i.message).not.toBe("");
    }
  });

  it("refuses, each at its cell, an unknown ID, a skipped gate, a gate out of range, a value that is not a number", async () => {
    const cases: [Partial<GateDecisionForm>, string][] = [
      [{ id: "INI-99" }, "ID"],
      [{ gate: 4, decidedBy: "Ines" }, "Gate"],
      [{ gate: 7 }, "Gate"],
      [{ gate: "three" }, "Gate"],
      [{ gate: 5, decidedBy: "Cora", confirmedValue: "lots" }, "Confirmed Value"],
      [{ decision: "Maybe" }, "Decision"],
      [{ decidedBy: "" }, "Decided By"],
    ];
    for (const [change, column] of cases) {
      const host = new MemoryHost(grids());
      const { plan, outcome } = await record(host, form(change));
      expect(outcome.ok, JSON.stringify(change)).toBe(false);
      expect(plan.ops, JSON.stringify(change)).toEqual([]);
      expect(
        outcome.issues?.map((i) => i.column),
        JSON.stringify(change),
      ).toContain(column);
    }
  });

  it("takes the controller's confirmed value at gate 5 as a number, typed as text", async () => {
    const host = new MemoryHost(grids());
    for (const f of [
      form(),
      form({ gate: "4", decidedBy: "Ines", evidence: "Go-live report" }),
      form({ gate: 5, decidedBy: "Cora", evidence: "Ledger extract", confirmedValue: "1250.5" }),
    ])
      expect((await record(host, f)).outcome.ok, JSON.stringify(f)).toBe(true);
    expect(gateOf(host, "INI-3")).toBe(5);
    const sheet = host.grid(SHEET.initiatives);
    expect(sheet.find((r) => r[0] === "INI-3")?.[sheet[0]!.indexOf("Confirmed Value")]).toBe(
      1250.5,
    );
  });

  it("writes text that looks like a formula as text", async () => {
    const host = new MemoryHost(grids());
    const { outcome } = await record(host, form({ evidence: '=HYPERLINK("x")' }));
    expect(outcome.ok).toBe(true);
    const after = host.grid(SHEET.gateDecisions);
    expect(after[2]![after[0]!.indexOf("Evidence")]).toBe('=HYPERLINK("x")');
    expect(host.literalText.length).toBeGreaterThan(0);
  });

  it("records in the signed-in person's name when Decided By is left blank, matched through People", async () => {
    const host = new MemoryHost(
      grids([
        ["Name", "Email"],
        ["Sam", "s.okafor@example.com"],
      ]),
    );
    const { outcome } = await record(host, form({ decidedBy: "" }), {
      signedIn: "S.Okafor@example.com",
    });
    expect(outcome.ok).toBe(true);
    expect(outcome.message).toContain("by Sam (Sponsor)");
  });

  it("says plainly when the form cannot be read, or the workbook has no Gate Decisions sheet", async () => {
    for (const bad of ["not json", "[]", JSON.stringify({ id: 3 })]) {
      const { plan, outcome } = await record(new MemoryHost(grids()), bad);
      expect(plan.ops).toEqual([]);
      expect(outcome).toEqual({
        ok: false,
        message: expect.stringMatching(/^The gate decision could not be read/),
      });
    }
    const v1 = new MemoryHost(version1Grids(smallWorkbook()));
    const { plan, outcome } = await record(v1, form());
    expect(plan.ops).toEqual([]);
    expect(outcome.message).toMatch(/no Gate Decisions sheet: upgrade the template/);
  });
});

describe("the pane's gate form", () => {
  it("lists the initiatives with their gate and names the signed-in person where the host can say", () => {
    const g = grids([
      ["Name", "Email"],
      ["Cora", "cora@example.com"],
    ]);
    const actions = ["validate", "recordGateDecision"] as const;
    const state = paneState({ grids: g, now: NOW, actions, signedIn: "cora@example.com" });
    expect(state.actions).toContain("recordGateDecision");
    expect(state.gateForm?.initiatives).toEqual([
      { id: "INI-1", name: "Initiative INI-1", gate: 1 },
      { id: "INI-2", name: "Initiative INI-2", gate: 1 },
      { id: "INI-3", name: "Initiative INI-3", gate: 2 },
    ]);
    expect(state.gateForm?.decider).toBe("Cora");
    // Not in People: the address's name is matched to an Owner, Sponsor or Controller.
    expect(
      paneState({ grids: g, now: NOW, actions, signedIn: "ines@example.com" }).gateForm?.decider,
    ).toBe("Ines");
    // Excel cannot say who is signed in: the person types their name.
    expect(paneState({ grids: g, now: NOW, actions }).gateForm?.decider).toBeNull();
  });

  it("is not offered on a version 1 workbook, which has nowhere to record it", () => {
    const state = paneState({
      grids: version1Grids(smallWorkbook()),
      now: NOW,
      actions: ["validate", "recordGateDecision"],
    });
    expect(state.actions).toEqual(["validate"]);
    expect(state.gateForm).toBeUndefined();
  });
});

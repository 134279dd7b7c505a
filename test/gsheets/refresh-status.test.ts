/**
 * Refresh statuses from the menu: the computed columns get the statuses, root causes and
 * colours the core computes, under the document lock, in a number of service calls that does
 * not grow with the tracker.
 */
import { describe, expect, it } from "vitest";
import { COLUMNS, GATE_FILL, SHEET, STATUS_FILL } from "@baton/core";
import { demoEvaluation, demoProject, DEMO_NOW } from "./support/demo.ts";
import { loadProject } from "./support/bundle.ts";
import { workbookGrids, smallWorkbook, initiative, checkin } from "../support/grids.ts";

const column = (sheet: "initiatives" | "handoffs", header: string) =>
  COLUMNS[sheet].findIndex((c) => c.header === header) + 1;

describe("refreshing writes the statuses the core computes", () => {
  it("fills Status, Root Cause and Last Check-in of every initiative, coloured by status", async () => {
    const expected = await demoEvaluation();
    const p = demoProject();
    const unlocked = p.book.writesOutsideLock;
    p.call("batonRefreshStatuses");
    const sheet = p.book.sheet(SHEET.initiatives);
    const red = expected.initiatives.filter((e) => e.status === "Red");
    expect(red.length).toBeGreaterThan(0);
    for (const e of expected.initiatives) {
      const status = sheet.cell(e.row, column("initiatives", "Status"));
      expect(status?.value, e.id).toBe(e.status);
      expect(status?.format.background, e.id).toBe(STATUS_FILL[e.status].fill.toLowerCase());
      expect(sheet.display(e.row, column("initiatives", "Root Cause")), e.id).toBe(
        e.rootCauses.join(", "),
      );
      expect(sheet.display(e.row, column("initiatives", "Last Check-in")), e.id).toBe(
        e.lastCheckin ?? "",
      );
    }
    const handoffs = p.book.sheet(SHEET.handoffs);
    for (const e of expected.handoffs) {
      expect(handoffs.cell(e.row, column("handoffs", "Days Late"))?.value ?? null, e.id).toBe(
        e.daysLate,
      );
      expect(handoffs.cell(e.row, column("handoffs", "Blocks"))?.value ?? null, e.id).toBe(
        e.blocks,
      );
    }
    expect(p.book.writesOutsideLock).toBe(unlocked);
  });

  it("colours the Gate column by level, as the core's plan says", async () => {
    const expected = await demoEvaluation();
    const p = demoProject();
    p.call("batonRefreshStatuses");
    const sheet = p.book.sheet(SHEET.initiatives);
    // The demo's story spans gates: at least one initiative past gate 1.
    expect(new Set(expected.initiatives.map((e) => e.gate)).size).toBeGreaterThan(1);
    for (const e of expected.initiatives) {
      const gate = sheet.cell(e.row, column("initiatives", "Gate"));
      expect(gate?.value, e.id).toBe(e.gate);
      expect(gate?.format.background, e.id).toBe(GATE_FILL[e.gate]!.fill.toLowerCase());
    }
  });

  it("says what it found, and that statuses come despite validation errors", async () => {
    const expected = await demoEvaluation();
    const p = demoProject();
    p.call("batonRefreshStatuses");
    const red = expected.initiatives.filter((e) => e.status === "Red").length;
    const message = p.book.toasts.at(-1)!.message;
    expect(message).toMatch(/^Statuses as of 2026-11-26\. Initiatives: /);
    expect(message).toContain(`${red} Red`);
    expect(message).toMatch(
      /\d+ validation errors?: statuses are judged from what could be read; Validate lists them\.$/,
    );
  });
});

describe("refreshing costs the same number of service calls however large the tracker", () => {
  it("writes 1,500 initiatives of changing status in as many calls as 10", () => {
    const calls = (n: number) => {
      // Statuses alternate row by row, so the plan has a format per row; Sheets gets one call per column.
      const rags = ["Green", "Amber", "Red"] as const;
      const inis = Array.from({ length: n }, (_, i) => initiative(`INI-${i + 3}`, "OBJ-1"));
      const cis = inis.map((r, i) =>
        checkin("2026-W47", r.ID as string, {
          RAG: rags[i % 3],
          "Path to Green": i % 3 ? "Escalate" : null,
        }),
      );
      const p = loadProject(workbookGrids(smallWorkbook({ initiatives: inis, checkins: cis })), {
        now: DEMO_NOW,
      });
      const before = p.book.totalCalls();
      p.call("batonRefreshStatuses");
      expect(p.ui.alerts()).toEqual([]);
      return p.book.totalCalls() - before;
    };
    expect(calls(1500)).toBe(calls(10));
  });
});

/**
 * The sidebar's backend in Google Sheets: the shared pane's calls go through
 * `google.script.run` to the project's server functions and come back as Promises of plain
 * values; a failure on the server arrives as a rejected Promise with its message.
 */
import { describe, expect, it } from "vitest";
import { SHEET } from "@baton/core";
import { scriptRunBackend } from "../../gsheets/src/sidebar/backend.ts";
import { loadProject } from "./support/bundle.ts";
import { illegal, scriptRun, type ScriptRunCall } from "./support/script-run.ts";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";

const tracker = () =>
  loadProject(
    workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-1", { RAG: "Amber" })] })),
  );

describe("the stand-in lets through only what google.script.run carries", () => {
  it("refuses Dates, functions and undefined, anywhere in a value", () => {
    expect(illegal({ a: [1, "x", null, { b: true }] })).toBeNull();
    expect(illegal({ when: new Date() })).toBe("value.when is a Date");
    expect(illegal([undefined])).toBe("value[0] is undefined");
    expect(illegal({ f: () => 1 })).toBe("value.f is function");
  });
});

describe("the pane's calls reach the server functions", () => {
  it("reads the state, with its issues, as plain values", async () => {
    const calls: ScriptRunCall[] = [];
    const backend = scriptRunBackend(scriptRun(tracker(), calls));
    const state = await backend.state();
    expect(state.hasTemplate).toBe(true);
    expect(state.issues.map((i) => i.code)).toContain("missing-path-to-green");
    expect(calls).toEqual([{ name: "batonPaneState", args: [] }]);
  });

  it("selects the cell of an issue, and says when it is gone", async () => {
    const p = tracker();
    const backend = scriptRunBackend(scriptRun(p));
    await backend.select(SHEET.checkins, "G2");
    expect(p.book.activeRange?.getA1Notation()).toBe("G2");
    await expect(backend.select("Old sheet", "A1")).rejects.toThrow(
      "Old sheet!A1 is no longer in this spreadsheet.",
    );
  });

  it("runs an action, sending no argument it was not given", async () => {
    const calls: ScriptRunCall[] = [];
    const backend = scriptRunBackend(scriptRun(tracker(), calls));
    const outcome = await backend.run("validate");
    expect(outcome.message).toMatch(/^Baton found/);
    expect(calls).toEqual([{ name: "batonRun", args: ["validate"] }]);
  });
});

describe("a failure on the server reaches the pane as a message", () => {
  it("rejects with the server's words", async () => {
    const p = tracker();
    p.book.getSheets = () => {
      throw new Error("Service Spreadsheets failed while accessing document with id fake.");
    };
    await expect(scriptRunBackend(scriptRun(p)).state()).rejects.toThrow(
      "Service Spreadsheets failed while accessing document with id fake.",
    );
  });

  it("says to push again when the project lacks a server function", async () => {
    const p = tracker();
    const partial = {
      call: p.call,
      functions: () => p.functions().filter((f) => f !== "batonPaneState"),
    };
    await expect(scriptRunBackend(scriptRun(partial)).state()).rejects.toThrow(
      "The Baton script has no function batonPaneState; push the whole project again.",
    );
  });
});

/**
 * Board summary from the menu: the period's sheet holds what the core's summary plan writes,
 * earlier periods' sheets stay, a second run replaces the period's sheet, and text from cells
 * is written as text, never as a formula.
 */
import { describe, expect, it } from "vitest";
import {
  COLUMNS,
  MemoryHost,
  PEOPLE_SHEET,
  SHEET,
  headlineText,
  summarize,
  summaryPlan,
  validateGrids,
  type Grid,
} from "@baton/core";
import { DEMO_TODAY, demoEvaluation, demoProject } from "./support/demo.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import type { LoadedProject } from "./support/bundle.ts";

/** The demo's sheets: the template's, and People. */
const TEMPLATE = [...Object.values(SHEET), PEOPLE_SHEET];
/** Blank cells as null: Sheets reads them as "", the in-memory host as null. */
const plain = (grid: Grid | undefined) => grid?.map((r) => r.map((v) => (v === "" ? null : v)));
const SUMMARY = "Board Summary 2026-W48";

/** What the core's plan writes for the spreadsheet as it is now, in the in-memory host. */
async function expectedSummary(p: LoadedProject) {
  const grids = sheetsHost(p.book, p).readSheets(p.book.sheets.map((s) => s.name));
  const reference = new MemoryHost(grids);
  const { workbook } = validateGrids(grids);
  const summary = summarize(workbook, { asOf: DEMO_TODAY });
  await reference.apply(summaryPlan(summary, Object.keys(grids)));
  return { summary, grid: reference.grid(SUMMARY) };
}

describe("the board summary is written to its period's sheet", () => {
  it("holds what the core's summary plan writes, and the toast gives its headline", async () => {
    const p = demoProject();
    const { summary, grid } = await expectedSummary(p);
    p.call("batonBoardSummary");
    expect(p.book.sheets.map((s) => s.name)).toEqual([...TEMPLATE, SUMMARY]);
    expect(plain(sheetsHost(p.book, p).readSheets([SUMMARY])[SUMMARY])).toEqual(plain(grid));
    expect(p.book.activeSheet?.name).toBe(SUMMARY);
    expect(p.book.toasts.at(-1)!.message).toBe(
      `Wrote "${SUMMARY}". ${headlineText(summary)} 4 validation errors: the summary is judged from what could be read; Validate lists them.`,
    );
  });

  it("keeps earlier periods' sheets and replaces its own on a second run", async () => {
    const p = demoProject();
    p.book.addSheet("Board Summary 2026-W47").seed(1, 1, "Last week's summary");
    p.call("batonBoardSummary");
    const first = sheetsHost(p.book, p).readSheets([SUMMARY])[SUMMARY];
    p.call("batonBoardSummary");
    expect(p.book.sheets.map((s) => s.name)).toEqual([
      ...TEMPLATE,
      "Board Summary 2026-W47",
      SUMMARY,
    ]);
    expect(p.book.sheet("Board Summary 2026-W47").display(1, 1)).toBe("Last week's summary");
    expect(sheetsHost(p.book, p).readSheets([SUMMARY])[SUMMARY]).toEqual(first);
  });
});

describe("text from cells stays text in the summary", () => {
  it("writes a deliverable that looks like a formula as the text it is", async () => {
    const ev = await demoEvaluation();
    const red = ev.handoffs.find((h) => h.status === "Red")!;
    const p = demoProject();
    const deliverable = COLUMNS.handoffs.findIndex((c) => c.header === "Deliverable") + 1;
    p.book
      .sheet(SHEET.handoffs)
      .userEdit(red.row, deliverable, '\'=HYPERLINK("http://x.invalid","open")', p.book.owner);
    p.call("batonBoardSummary");
    const sheet = p.book.sheet(SUMMARY);
    const texts = sheet.cells.flat().filter((c) => c?.value !== null && c !== undefined);
    expect(texts.some((c) => c!.value === '=HYPERLINK("http://x.invalid","open")')).toBe(true);
    expect(texts.filter((c) => c!.formula)).toEqual([]);
  });
});

describe("the summary is written under the document lock", () => {
  it("makes every write while holding it", () => {
    const p = demoProject();
    const unlocked = p.book.writesOutsideLock;
    p.call("batonBoardSummary");
    expect(p.book.writesOutsideLock).toBe(unlocked);
    expect(p.lock.acquired).toBe(1);
  });
});

import { describe, expect, it } from "vitest";
import { validateGrids } from "@baton/core";
import { paneStateOf } from "@baton/core";
import { ISSUES_SHOWN } from "@baton/ui";
import { usePages } from "./support/browser.ts";
import { callsIn } from "./support/stand-in.ts";
import { ALL_ACTIONS, stateWithIssues } from "./support/states.ts";
import { workbookGrids, smallWorkbook, initiative } from "../support/grids.ts";

const ui = usePages();

/** The pane's issue list as a reader meets it: each sheet's heading and the text of its items. */
const readGroups = (page: import("playwright-core").Page) =>
  page.$$eval("#baton .group", (groups) =>
    groups.map((g) => ({
      heading: g.querySelector("h3")?.textContent ?? "",
      items: Array.from(g.querySelectorAll(":scope > ul > li")).map((li) => ({
        text: li.textContent ?? "",
        isButton: li.firstElementChild?.tagName === "BUTTON",
      })),
    })),
  );

describe("validation issues are listed by sheet, each with its message and fix", () => {
  it("shows every issue under its sheet's heading, in the order the core gave", async () => {
    const state = stateWithIssues();
    const { page, watched } = await ui.open({ states: [state] });
    const groups = await readGroups(page);

    const sheets = [...new Set(state.issues.map((i) => i.sheet))];
    expect(sheets.length).toBeGreaterThan(1);
    expect(groups.map((g) => g.heading.split(" (")[0])).toEqual(sheets);
    for (const [n, sheet] of sheets.entries()) {
      const issues = state.issues.filter((i) => i.sheet === sheet);
      const items = groups[n]!.items;
      expect(items).toHaveLength(issues.length);
      issues.forEach((issue, k) => {
        const item = items[k]!;
        expect(item.isButton).toBe(true);
        expect(item.text).toContain(`${issue.sheet}!${issue.cell}`);
        expect(item.text).toContain(issue.message);
        expect(item.text).toContain(issue.severity === "error" ? "Error" : "Warning");
        if (issue.fix) expect(item.text).toContain(`Fix: ${issue.fix}`);
      });
    }
    expect(watched.errors).toEqual([]);
  });

  it("counts errors and warnings in each sheet's heading", async () => {
    const state = stateWithIssues();
    const { page } = await ui.open({ states: [state] });
    const groups = await readGroups(page);
    for (const g of groups) {
      const sheet = g.heading.split(" (")[0]!;
      const errors = state.issues.filter((i) => i.sheet === sheet && i.severity === "error").length;
      expect(g.heading).toContain(`${errors} error${errors === 1 ? "" : "s"}`);
    }
  });

  it("says so when the workbook has no issues", async () => {
    const state = paneStateOf({
      validation: validateGrids(workbookGrids(smallWorkbook())),
      asOf: "2026-11-26",
      actions: ALL_ACTIONS,
    });
    expect(state.issues).toEqual([]);
    const { page } = await ui.open({ states: [state] });
    expect(await page.textContent("#baton")).toContain("No validation issues.");
    expect(await page.$$("#baton .group")).toHaveLength(0);
  });

  it(`shows the first ${ISSUES_SHOWN} issues of a sheet, and all of them on request`, async () => {
    const many = Array.from({ length: ISSUES_SHOWN + 12 }, (_, n) =>
      initiative(`INI-${n + 3}`, "OBJ-1", { Stage: "Blocked" }),
    );
    const state = paneStateOf({
      validation: validateGrids(workbookGrids(smallWorkbook({ initiatives: many }))),
      asOf: "2026-11-26",
      actions: ALL_ACTIONS,
    });
    expect(state.issues).toHaveLength(many.length);
    const { page } = await ui.open({ states: [state] });
    expect(await page.$$("#baton .group li")).toHaveLength(ISSUES_SHOWN);
    await page.click(`text=Show all ${many.length} issues in Initiatives`);
    expect(await page.$$("#baton .group li")).toHaveLength(many.length);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      state.issues[0]!.message,
    );
  });
});

describe("a click on an issue selects its cell", () => {
  it("calls select with the sheet and cell of the issue clicked", async () => {
    const state = stateWithIssues();
    const { page } = await ui.open({ states: [state] });
    const buttons = await page.$$("#baton .group li > button");
    for (const b of buttons) await b.click();
    // Grouping by sheet keeps the core's order within each sheet, and the core sorts by sheet.
    const order = [...new Set(state.issues.map((i) => i.sheet))].flatMap((s) =>
      state.issues.filter((i) => i.sheet === s),
    );
    expect((await callsIn(page)).select).toEqual(order.map((i) => [i.sheet, i.cell]));
  });

  it("selects from the keyboard, with Enter or Space", async () => {
    const state = stateWithIssues();
    const { page } = await ui.open({ states: [state] });
    const first = state.issues[0]!;
    await page.focus("#baton .group li > button");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Space");
    expect((await callsIn(page)).select).toEqual([
      [first.sheet, first.cell],
      [first.sheet, first.cell],
    ]);
  });

  it("says why when the host cannot select the cell", async () => {
    const state = stateWithIssues();
    const { page } = await ui.open({
      states: [state],
      selectFailure: "The sheet Initiatives is hidden.",
    });
    await page.click("#baton .group li > button");
    const first = state.issues[0]!;
    await page.waitForSelector("#baton [role=status] .tone-error");
    expect(await page.textContent("#baton [role=status]")).toBe(
      `Not done: Could not go to ${first.sheet}!${first.cell}: The sheet Initiatives is hidden.`,
    );
  });
});

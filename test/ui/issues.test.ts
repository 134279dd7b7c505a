import { describe, expect, it } from "vitest";
import { validateGrids } from "@baton/core";
import { paneStateOf, type IssueCode } from "@baton/core";
import { ISSUES_SHOWN } from "@baton/ui";
import { usePages } from "./support/browser.ts";
import { callsIn } from "./support/stand-in.ts";
import { ALL_ACTIONS, stateWithIssues } from "./support/states.ts";
import { mkdirSync } from "node:fs";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";

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
    // Each code at most twice, too few to be grouped with another of its kind.
    const codes: IssueCode[] = [
      "cell-error",
      "checkin-closed-period",
      "checkin-future-period",
      "csv-malformed",
      "direction-mismatch",
      "duplicate-checkin",
      "duplicate-column",
      "duplicate-id",
      "duplicate-setting",
      "handoff-cycle",
      "invalid-date",
      "invalid-enum",
      "invalid-id",
      "invalid-number",
      "invalid-percent",
      "invalid-period",
      "invalid-reference",
      "invalid-setting",
      "missing-actual",
      "missing-column",
      "missing-path-to-green",
    ];
    const one = stateWithIssues().issues.find((i) => i.sheet === "Initiatives")!;
    const issues = Array.from({ length: ISSUES_SHOWN + 12 }, (_, n) => ({
      ...one,
      code: codes[n % codes.length]!,
      row: n + 2,
      cell: `A${n + 2}`,
    }));
    const state = { ...stateWithIssues(), issues };
    const { page } = await ui.open({ states: [state] });
    expect(await page.$$("#baton .group li")).toHaveLength(ISSUES_SHOWN);
    await page.click(`text=Show all ${issues.length} issues in Initiatives`);
    expect(await page.$$("#baton .group li")).toHaveLength(issues.length);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain(
      issues[0]!.message,
    );
  });
});

describe("issues one cause repeats are listed once, with the count and the rows", () => {
  /** 30 check-in rows: 25 for weeks after the current period, and three real mistakes. */
  function laggingState() {
    const weeks = Array.from({ length: 27 }, (_, n) => `2026-W${String(22 + n).padStart(2, "0")}`);
    const checkins = weeks.map((w) => checkin(w, "INI-1"));
    checkins.push(checkin("2026-W20", "INI-2", { RAG: "Amber" }));
    checkins.push(checkin("2026-W21", "INI-2", { RAG: null }));
    checkins.push(checkin("2026-W22", "KPI-1", { Actual: null }));
    const state = paneStateOf({
      validation: validateGrids(
        workbookGrids({
          ...smallWorkbook({ settings: { "Current Period": "2026-W23" } }),
          checkins,
        }),
      ),
      asOf: "2026-11-26",
      actions: ALL_ACTIONS,
    });
    return state;
  }

  it("shows the 25 warnings as one entry, the mistakes beside it on the first screen, and each cell on request", async () => {
    const state = laggingState();
    const future = state.issues.filter((i) => i.code === "checkin-future-period");
    expect(future).toHaveLength(25);
    const others = state.issues.filter(
      (i) => i.sheet === "Check-ins" && i.code !== "checkin-future-period",
    );
    expect(others.length).toBeGreaterThanOrEqual(3);

    const { page, watched } = await ui.open({ states: [state] }, { width: 320 });
    const checkinsGroup = page.locator("#baton .group", { hasText: "Check-ins" });
    const items = checkinsGroup.locator(":scope > ul > li");
    expect(await items.count()).toBe(others.length + 1);
    const grouped = checkinsGroup.locator("li.issue-group");
    const text = (await grouped.textContent())!;
    expect(text).toContain("25 times");
    expect(text).toContain(future[0]!.message);
    expect(text).toContain(`The same on Check-ins rows ${future[0]!.row}–${future.at(-1)!.row}.`);
    expect(text).toContain(`Fix: ${future[0]!.fix}`);

    // What to fix is on the first screen (900 pixels): every other check-in mistake is visible.
    for (const i of others) {
      const box = await checkinsGroup
        .locator("button.issue", { hasText: `${i.sheet}!${i.cell}` })
        .boundingBox();
      expect(box, i.message).not.toBeNull();
      expect(box!.y + box!.height, i.message).toBeLessThanOrEqual(900);
    }
    mkdirSync("test-artifacts", { recursive: true });
    await page.screenshot({ path: "test-artifacts/sidebar-grouped-issues.png" });

    // Opening the group lists every cell, each a button to it; closing it folds them again.
    await grouped.locator("button.group-toggle").click();
    expect(await grouped.locator("button.group-toggle").getAttribute("aria-expanded")).toBe("true");
    const cells = grouped.locator("ul.group-items > li > button.issue");
    expect(await cells.count()).toBe(25);
    await cells.nth(24).click();
    expect((await callsIn(page)).select).toEqual([[future[24]!.sheet, future[24]!.cell]]);
    await page.screenshot({
      path: "test-artifacts/sidebar-grouped-issues-open.png",
      fullPage: true,
    });
    await grouped.locator("button.group-toggle").click();
    expect(await grouped.locator("ul.group-items").count()).toBe(0);
    expect(watched.errors).toEqual([]);
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

import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { ACTION_LABEL } from "@baton/ui";
import { usePages } from "./support/browser.ts";
import { callsIn, release } from "./support/stand-in.ts";
import { ALL_ACTIONS, stateWithIssues, stateWithStatuses } from "./support/states.ts";

const ui = usePages();

const statusText = (page: Page) => page.textContent("#baton [role=status]");
const toolbarLabels = (page: Page) =>
  page.$$eval("#baton .toolbar button", (bs) => bs.map((b) => b.textContent));
const paneBusy = (page: Page) => page.getAttribute("#baton .baton-pane", "aria-busy");

describe("an action shows that it is running, then its outcome, then the workbook as it is now", () => {
  it("runs Validate: busy while the host works, the outcome after, and the state read again", async () => {
    const before = stateWithIssues();
    const after = stateWithIssues({ issues: [] });
    const { page, watched } = await ui.open({
      states: [before, after],
      gated: true,
      outcomes: { validate: { ok: true, message: "No issues: the workbook is valid." } },
    });
    expect(await paneBusy(page)).toBe("false");

    await page.click("text=Validate");
    await page.waitForSelector("#baton [role=status] .tone-busy");
    expect(await statusText(page)).toBe("Validating…");
    expect(await paneBusy(page)).toBe("true");
    const disabled = await page.$$eval("#baton .toolbar button", (bs) =>
      bs.map((b) => b.getAttribute("aria-disabled")),
    );
    expect(disabled.every((d) => d === "true")).toBe(true);
    // A second click while the first runs (aria-disabled buttons can still be clicked) starts nothing.
    await page.click("text=Board summary", { force: true });
    expect((await callsIn(page)).run).toEqual([["validate"]]);
    expect((await callsIn(page)).state).toBe(1);

    await release(page);
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect(await statusText(page)).toBe("Done: No issues: the workbook is valid.");
    expect(await paneBusy(page)).toBe("false");
    expect((await callsIn(page)).state).toBe(2);
    expect(await page.textContent("#baton")).toContain("No validation issues.");
    // The redraw keeps focus where the user left it (the button clicked last).
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Board summary");
    expect(watched.errors).toEqual([]);
  });

  it("offers exactly the actions the host lists, in a fixed order", async () => {
    const some = await ui.open({ states: [stateWithIssues({ actions: ["validate", "verify"] })] });
    expect(await toolbarLabels(some.page)).toEqual([ACTION_LABEL.verify, ACTION_LABEL.validate]);
    const all = await ui.open({
      states: [stateWithIssues({ actions: [...ALL_ACTIONS].reverse() })],
    });
    expect(await toolbarLabels(all.page)).toEqual([
      "Refresh statuses",
      "Board summary",
      "Close period…",
      "Verify history",
      "Validate",
    ]);
  });

  it("runs each offered action by its name", async () => {
    const { page } = await ui.open({ states: [stateWithStatuses()] });
    for (const label of ["Refresh statuses", "Board summary", "Verify history", "Validate"]) {
      await page.click(`#baton .toolbar button:text-is("${label}")`);
      await page.waitForSelector("#baton [role=status] .tone-ok");
    }
    expect((await callsIn(page)).run).toEqual([
      ["refreshStatus"],
      ["writeSummary"],
      ["verify"],
      ["validate"],
    ]);
  });
});

describe("errors are shown as messages, never a blank pane", () => {
  it("shows the reason an action failed", async () => {
    const { page } = await ui.open({
      states: [stateWithStatuses()],
      outcomes: { writeSummary: { reject: "Exceeded maximum execution time" } },
    });
    await page.click("text=Board summary");
    await page.waitForSelector("#baton [role=status] .tone-error");
    expect(await statusText(page)).toBe("Not done: Exceeded maximum execution time");
    expect(await toolbarLabels(page)).toContain("Board summary");
  });

  it("lists the issues that stopped an action, each selecting its cell", async () => {
    const state = stateWithIssues();
    const blocking = state.issues.slice(0, 2);
    const { page } = await ui.open({
      states: [state],
      outcomes: {
        verify: {
          ok: false,
          message: "Verification found 2 rows changed after sealing.",
          issues: blocking,
        },
      },
    });
    await page.click("text=Verify history");
    await page.waitForSelector("#baton [role=status] .tone-error");
    const items = await page.$$("#baton [role=status] li > button");
    expect(items).toHaveLength(2);
    await items[1]!.click();
    expect((await callsIn(page)).select).toEqual([[blocking[1]!.sheet, blocking[1]!.cell]]);
  });

  it("says so when the workbook cannot be read, and tries again on request", async () => {
    const { page } = await ui.open(
      { states: [stateWithIssues()], stateFailures: [0] },
      { ready: "#baton [role=status] .tone-error" },
    );
    expect(await statusText(page)).toContain(
      "Could not read the workbook: the host could not read the workbook (call 1)",
    );
    expect(await page.textContent("#baton h1")).toBe("Baton");
    await page.click("text=Try again");
    await page.waitForSelector("#baton .pane-header time");
    expect((await callsIn(page)).state).toBe(2);
    expect(await statusText(page)).toBe("");
  });

  it("keeps the outcome when the state cannot be read after an action", async () => {
    const { page } = await ui.open({
      states: [stateWithIssues()],
      stateFailures: [1],
      outcomes: { validate: { ok: true, message: "Found 4 errors." } },
    });
    await page.click("text=Validate");
    await page.waitForSelector("#baton [role=status] button");
    expect(await statusText(page)).toContain(
      "Found 4 errors. The pane could not read the workbook afterwards: the host could not read the workbook (call 2)",
    );
  });
});

describe("closing a period names the period and asks first", () => {
  const open = () =>
    ui.open({
      states: [stateWithStatuses({ currentPeriod: "2026-W48" })],
      outcomes: { closePeriod: { ok: true, message: "Closed 2026-W48." } },
    });

  it("offers the current period, asks, and closes only after the confirmation", async () => {
    const { page } = await open();
    await page.click("text=Close period…");
    expect(
      await page.getAttribute("#baton .toolbar button:has-text('Close period')", "aria-expanded"),
    ).toBe("true");
    expect(await page.inputValue("#baton-close-period")).toBe("2026-W48");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("baton-close-period");
    await page.click("text=Continue");
    expect(await page.textContent("#baton-close")).toContain("Close 2026-W48?");
    expect((await callsIn(page)).run).toEqual([]);
    await page.click("#baton-close button:text-is('Close 2026-W48')");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect((await callsIn(page)).run).toEqual([["closePeriod", "2026-W48"]]);
    expect(await statusText(page)).toBe("Done: Closed 2026-W48.");
    expect(await page.$$("#baton-close")).toHaveLength(0);
  });

  it("closes another period when the user names one", async () => {
    const { page } = await open();
    await page.click("text=Close period…");
    await page.fill("#baton-close-period", " 2026-W46 ");
    await page.press("#baton-close-period", "Enter");
    await page.click("#baton-close button:text-is('Close 2026-W46')");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect((await callsIn(page)).run).toEqual([["closePeriod", "2026-W46"]]);
  });

  it("does nothing when the confirmation is cancelled", async () => {
    const { page } = await open();
    await page.click("text=Close period…");
    await page.click("text=Continue");
    await page.click("#baton-close button:text-is('Cancel')");
    expect(await page.inputValue("#baton-close-period")).toBe("2026-W48");
    await page.click("#baton .toolbar button:has-text('Close period')");
    expect(await page.$$("#baton-close")).toHaveLength(0);
    expect((await callsIn(page)).run).toEqual([]);
  });

  it("keeps what the user is typing when the host refreshes the pane meanwhile", async () => {
    const { page } = await open();
    await page.click("text=Close period…");
    await page.fill("#baton-close-period", "");
    await page.keyboard.type("2026-W4");
    await page.evaluate(() => window.__batonPane!.refresh());
    expect((await callsIn(page)).state).toBe(2);
    await page.keyboard.type("6");
    expect(await page.inputValue("#baton-close-period")).toBe("2026-W46");
  });

  it("refuses text that is not a period, and says what a period looks like", async () => {
    const { page } = await open();
    await page.click("text=Close period…");
    await page.fill("#baton-close-period", "last week");
    await page.click("text=Continue");
    expect(await page.getAttribute("#baton-close-period", "aria-invalid")).toBe("true");
    expect(await page.textContent("#baton-close-error")).toBe(
      "last week is not a period: enter an ISO week such as 2026-W48 or a month such as 2026-11.",
    );
    expect(await page.$$("#baton-close button:text-is('Cancel')")).toHaveLength(0);
    expect((await callsIn(page)).run).toEqual([]);
  });
});

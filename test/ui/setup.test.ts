import { describe, expect, it } from "vitest";
import { SHEET, missingTemplateSheets, validateGrids } from "@baton/core";
import { paneStateOf } from "@baton/core";
import { usePages } from "./support/browser.ts";
import { callsIn } from "./support/stand-in.ts";
import { ALL_ACTIONS, stateWithIssues, stateWithoutTemplate } from "./support/states.ts";
import { workbookGrids, smallWorkbook } from "../support/grids.ts";

const ui = usePages();

describe("a workbook without the template is offered the set-up", () => {
  it("names the missing sheets and sets the template up on request", async () => {
    const bare = stateWithoutTemplate();
    expect(bare.hasTemplate).toBe(false);
    const { page } = await ui.open({
      states: [bare, stateWithIssues()],
      outcomes: { setUpTemplate: { ok: true, message: "Added the template's six sheets." } },
    });
    const setup = (await page.textContent("#baton .setup")) ?? "";
    expect(setup).toContain("Set up Baton in this workbook");
    // The sheets a workbook must have (Gate Decisions is optional: set-up adds it unasked).
    for (const sheet of missingTemplateSheets([])) expect(setup).toContain(sheet);
    // No toolbar of actions that need the template, and no repeat of the banner as issues.
    expect(await page.$$("#baton .toolbar")).toHaveLength(0);
    expect(await page.$$("#baton .group")).toHaveLength(0);

    await page.click("#baton .setup button:text-is('Set up the template')");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect((await callsIn(page)).run).toEqual([["setUpTemplate"]]);
    expect(await page.$$("#baton .setup")).toHaveLength(0);
    expect(await page.$$("#baton .toolbar")).toHaveLength(1);
  });

  it("names only the sheets that are missing from a partial template", async () => {
    const grids = workbookGrids(smallWorkbook());
    delete grids[SHEET.handoffs];
    const partial = paneStateOf({
      validation: validateGrids(grids),
      asOf: "2026-11-26",
      actions: ["setUpTemplate", ...ALL_ACTIONS],
    });
    const { page } = await ui.open({ states: [partial] });
    const setup = (await page.textContent("#baton .setup")) ?? "";
    expect(setup).toContain(`This workbook lacks Baton's template sheet: ${SHEET.handoffs}.`);
    for (const sheet of Object.values(SHEET).filter((s) => s !== SHEET.handoffs))
      expect(setup).not.toContain(sheet);
  });

  it("says so when the host cannot set the template up from the pane", async () => {
    const { page } = await ui.open({ states: [{ ...stateWithoutTemplate(), actions: [] }] });
    expect(await page.textContent("#baton .setup")).toContain(
      "Setting it up is not available here.",
    );
    expect(await page.$$("#baton .setup button")).toHaveLength(0);
  });
});

import { describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import {
  MemoryHost,
  SHEET,
  demoContent,
  groupRepeatedIssues,
  templatePlan,
  validateGrids,
} from "@baton/core";
import { usePages } from "./support/browser.ts";

const ui = usePages();

const today = "2026-11-26";
const timeZone = "Europe/Berlin";
const query = `?today=${today}&zone=${encodeURIComponent(timeZone)}`;

/** What the core finds in the demo workbook, computed here in Node the way any host would. */
async function demoIssues() {
  const host = new MemoryHost();
  await host.apply(templatePlan(demoContent({ today, timeZone })));
  // On the preview's day, as the pane judges it: false greens need the clock.
  return validateGrids(await host.readSheets(Object.values(SHEET)), [], { today }).issues;
}

describe("the preview runs the real core on the demo workbook", () => {
  it("lists every issue the core finds in the demo, among them the missing Path to Green", async () => {
    const expected = await demoIssues();
    expect(expected.some((i) => i.code === "missing-path-to-green")).toBe(true);
    const { page, watched } = await ui.openPreview(query);
    await page.waitForSelector("#baton .group");
    const shown = await page.$$eval("#baton .group li", (lis) =>
      lis.map((li) => li.textContent ?? ""),
    );
    // Three or more of one kind (the demo's false greens) are one entry, its first standing for them.
    const entries = groupRepeatedIssues(expected);
    expect(shown).toHaveLength(entries.length);
    for (const entry of entries) {
      const issue = entry.kind === "one" ? entry.issue : entry.issues[0]!;
      expect(
        shown.some((t) => t.includes(issue.message) && t.includes(`${issue.sheet}!${issue.cell}`)),
      ).toBe(true);
    }
    expect(await page.textContent("#baton")).toContain("Path to Green");
    expect(await page.textContent("#baton .meta")).toContain("As of 26 Nov 2026");
    expect(watched.errors).toEqual([]);
    mkdirSync("test-artifacts", { recursive: true });
    await page.screenshot({ path: "test-artifacts/preview.png", fullPage: true });
  });

  it("reports where a clicked issue points", async () => {
    const issue = (await demoIssues()).find((i) => i.code === "missing-path-to-green")!;
    const { page } = await ui.openPreview(query);
    await page.click(`#baton .group li > button:has-text("${issue.sheet}!${issue.cell}")`);
    expect(await page.textContent(".preview-selection")).toBe(
      `Selected ${issue.sheet}!${issue.cell}`,
    );
  });

  it("validates again on request, counting what the core counts", async () => {
    const issues = await demoIssues();
    const errors = issues.filter((i) => i.severity === "error").length;
    const warnings = issues.length - errors;
    const { page } = await ui.openPreview(query);
    await page.click("#baton .toolbar button:text-is('Validate')");
    // Errors found are an outcome that needs the user, as in every host.
    await page.waitForSelector("#baton [role=status] .tone-error");
    const found = [
      errors ? `${errors} error${errors === 1 ? "" : "s"}` : "",
      warnings ? `${warnings} warning${warnings === 1 ? "" : "s"}` : "",
    ].filter(Boolean);
    expect(await page.textContent("#baton [role=status] .message")).toBe(
      `Not done: Baton found ${found.join(" and ")}.`,
    );
  });

  it("starts from a workbook without the template, and sets it up with the demo plan", async () => {
    const expected = await demoIssues();
    const { page } = await ui.openPreview(query + "&empty");
    await page.click("#baton .setup button");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect(await page.textContent("#baton [role=status]")).toContain(
      "Baton added Objectives, KPIs, Initiatives, Hand-offs, Check-ins, Settings and Gate Decisions.",
    );
    expect(await page.$$("#baton .group li")).toHaveLength(groupRepeatedIssues(expected).length);
  });
});

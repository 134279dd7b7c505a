/**
 * The gate-decision form in the shared pane, driven in headless Chromium over the preview,
 * which runs the real core on the demo workbook in the page: a decision that breaks a gate
 * rule is refused with its issue and fix shown in the form (what was typed kept); corrected,
 * it is recorded and the initiative's gate moves.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { usePages } from "./support/browser.ts";
import { callsIn } from "./support/stand-in.ts";
import { stateWithStatuses } from "./support/states.ts";

const ui = usePages();
const query = `?today=2026-11-26&zone=${encodeURIComponent("Europe/Berlin")}`;

const optionText = (page: Page, id: string) =>
  page.$eval(
    "#baton-gate-id",
    (s, id) => Array.from((s as HTMLSelectElement).options).find((o) => o.value === id)?.text,
    id,
  );

describe("recording a gate decision from the pane", () => {
  it("refuses a self-approval with the issue and its fix in the form, then records the sponsor's", async () => {
    const { page, watched } = await ui.openPreview(query);
    await page.waitForSelector("#baton .group");
    await page.click("text=Record a gate decision…");
    await page.waitForSelector("#baton-gate");
    // INI-6 stands at gate 2; choosing it offers gate 3, the Sponsor's.
    expect(await optionText(page, "INI-6")).toMatch(/^INI-6 .*\(at gate 2\)$/);
    await page.selectOption("#baton-gate-id", "INI-6");
    expect(await page.inputValue("#baton-gate-gate")).toBe("3");
    // Excel-like: nobody is signed in, so the decider is typed. The Owner signs the Sponsor's gate.
    await page.fill("#baton-gate-by", "Elif Demir");
    await page.fill("#baton-gate-evidence", "Steering committee minutes, 25 Nov");
    await page.click("#baton-gate button[type=submit]");
    await page.waitForSelector("#baton [role=status] .tone-error");
    expect(await page.textContent("#baton [role=status]")).toContain("Nothing was recorded");
    const refused = await page.textContent("#baton-gate-refused");
    expect(refused).toContain("Decided By");
    expect(refused).toContain("Elif Demir");
    expect(refused).toContain("Fix:");
    expect(await page.getAttribute("#baton-gate-by", "aria-invalid")).toBe("true");
    // What was typed is kept.
    expect(await page.inputValue("#baton-gate-evidence")).toBe(
      "Steering committee minutes, 25 Nov",
    );
    expect(await optionText(page, "INI-6")).toMatch(/\(at gate 2\)$/);

    await page.fill("#baton-gate-by", "Marco Rossi");
    await page.click("#baton-gate button[type=submit]");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    expect(await page.textContent("#baton [role=status]")).toMatch(
      /Recorded on Gate Decisions row \d+: INI-6 gate 3 approved by Marco Rossi \(Sponsor\)\. INI-6 is at gate 3\./,
    );
    expect(await page.$("#baton-gate-refused")).toBeNull();
    expect(await optionText(page, "INI-6")).toMatch(/\(at gate 3\)$/);
    // The form is ready for the next decision, the decider kept.
    expect(await page.inputValue("#baton-gate-evidence")).toBe("");
    expect(await page.inputValue("#baton-gate-by")).toBe("Marco Rossi");
    expect(watched.errors).toEqual([]);
  });

  it("sends the form as the action's argument, and offers the signed-in person as decider", async () => {
    const state = stateWithStatuses({
      actions: ["validate", "recordGateDecision"],
      gateForm: {
        initiatives: [{ id: "INI-1", name: "Checkout <b>revamp</b>", gate: 4 }],
        decider: "Cora Controller",
      },
    });
    const { page } = await ui.open({ states: [state] });
    await page.click("text=Record a gate decision…");
    expect(await page.inputValue("#baton-gate-by")).toBe("Cora Controller");
    expect(await page.textContent("#baton-gate")).toContain("Signed in as Cora Controller.");
    // Text from the workbook is text, never markup.
    expect(await optionText(page, "INI-1")).toBe("INI-1 Checkout <b>revamp</b> (at gate 4)");
    await page.selectOption("#baton-gate-id", "INI-1");
    expect(await page.inputValue("#baton-gate-gate")).toBe("5");
    await page.fill("#baton-gate-evidence", "Ledger extract");
    await page.fill("#baton-gate-value", "1250.5");
    await page.click("#baton-gate button[type=submit]");
    await page.waitForSelector("#baton [role=status] .tone-ok");
    const [action, arg] = (await callsIn(page)).run[0] as [string, string];
    expect(action).toBe("recordGateDecision");
    expect(JSON.parse(arg)).toEqual({
      id: "INI-1",
      gate: "5",
      decision: "Approved",
      decidedBy: "Cora Controller",
      evidence: "Ledger extract",
      confirmedValue: "1250.5",
    });
  });

  it("is not offered where the host does not offer it", async () => {
    const { page } = await ui.open({ states: [stateWithStatuses({ actions: ["validate"] })] });
    expect(await page.$("text=Record a gate decision…")).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import type { PaneHandoff } from "@baton/core";
import { usePages } from "./support/browser.ts";
import { callsIn } from "./support/stand-in.ts";
import { stateWithIssues, stateWithStatuses } from "./support/states.ts";

const ui = usePages();

const itemsText = (page: import("playwright-core").Page) =>
  page.$$eval("#baton section[aria-labelledby=baton-risk-title] li", (lis) =>
    lis.map((li) => li.textContent ?? ""),
  );

describe("red and amber hand-offs show where the trouble starts", () => {
  it("shows each with its status in words, days late, teams, owner and root cause", async () => {
    const state = stateWithStatuses();
    const { page } = await ui.open({ states: [state] });
    const items = await itemsText(page);
    expect(items).toHaveLength(state.atRisk.length);
    state.atRisk.forEach((x: PaneHandoff, n) => {
      const text = items[n]!;
      expect(text).toContain(x.id);
      expect(text).toContain(x.deliverable);
      expect(text).toContain(x.status);
      if (x.daysLate) expect(text).toContain(`${x.daysLate} days late`);
      else expect(text).not.toContain("late");
      expect(text).toContain(`${x.fromTeam} → ${x.toTeam}`);
      expect(text).toContain(`${x.from} → ${x.to}`);
      expect(text).toContain(`Owner: ${x.owner}`);
      for (const r of x.rootCauses) expect(text).toContain(r);
      for (const r of x.reasons) expect(text).toContain(r);
    });
  });

  it("says when the hand-off itself is the root cause", async () => {
    const state = stateWithStatuses();
    const own = state.atRisk.find((x) => x.rootCauses.length === 1 && x.rootCauses[0] === x.id)!;
    const { page } = await ui.open({ states: [state] });
    expect((await itemsText(page))[state.atRisk.indexOf(own)]).toContain(
      `Root cause: ${own.id} (this hand-off)`,
    );
  });

  it("selects the hand-off's row on a click", async () => {
    const state = stateWithStatuses();
    const { page } = await ui.open({ states: [state] });
    for (const b of await page.$$("#baton section[aria-labelledby=baton-risk-title] li > button"))
      await b.click();
    expect((await callsIn(page)).select).toEqual(state.atRisk.map((x) => [x.sheet, x.cell]));
  });

  it("counts initiatives by status, in words", async () => {
    const state = stateWithStatuses();
    const { page } = await ui.open({ states: [state] });
    const chips = await page.$$eval("#baton .chips li", (lis) => lis.map((li) => li.textContent));
    const expected = (["Red", "Amber", "Green", "Done", "Paused"] as const)
      .filter((s) => state.initiativeCounts[s])
      .map((s) => `${state.initiativeCounts[s]} ${s}`);
    expect(chips).toEqual(expected);
    const total = Object.values(state.initiativeCounts).reduce((a, b) => a + (b ?? 0), 0);
    expect(await page.textContent("#baton .counts")).toContain(`${total} initiatives`);
  });

  it("says no hand-off is at risk only once statuses exist", async () => {
    const computed = await ui.open({ states: [stateWithStatuses({ atRisk: [] })] });
    expect(await computed.page.textContent("#baton")).toContain("No hand-off is red or amber.");

    const notYet = await ui.open({ states: [stateWithIssues()] });
    const text = await notYet.page.textContent("#baton");
    expect(text).not.toContain("Hand-offs at risk");
    expect(await notYet.page.$$("#baton .chips")).toHaveLength(0);
  });
});

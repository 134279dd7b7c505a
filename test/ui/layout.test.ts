import { describe, expect, it } from "vitest";
import { mkdirSync } from "node:fs";
import { usePages } from "./support/browser.ts";
import { stateWithStatuses, routingApi } from "./support/states.ts";

const ui = usePages();

/** A state with text that cannot wrap at spaces: long IDs, owners and messages from real trackers. */
const crowded = () => {
  const long = "Deliverable_" + "x".repeat(120);
  return stateWithStatuses({
    atRisk: [
      {
        ...routingApi,
        deliverable: long,
        owner: "Maximiliane Oberhuber-Schwarzenegger-Lindqvist",
        fromTeam: "Platform Engineering and Developer Experience",
      },
      ...stateWithStatuses().atRisk,
    ],
  });
};

describe("the pane fits a narrow sidebar", () => {
  for (const width of [300, 320, 350]) {
    it(`has no horizontal overflow at ${width} px`, async () => {
      const { page, watched } = await ui.open({ states: [crowded()] }, { width });
      await page.click("text=Close period…");
      const overflow = await page.evaluate(() => {
        const doc = document.documentElement;
        const wide = Array.from(document.querySelectorAll("#baton *"))
          .filter((el) => el.getBoundingClientRect().right > doc.clientWidth + 0.5)
          .map((el) => el.tagName + "." + el.className);
        return { scroll: doc.scrollWidth, client: doc.clientWidth, wide };
      });
      expect(overflow.wide).toEqual([]);
      expect(overflow.scroll).toBeLessThanOrEqual(overflow.client);
      expect(watched.errors).toEqual([]);
    });
  }

  it("is saved as a screenshot at 320 px for a person to look at", async () => {
    const { page } = await ui.open({ states: [stateWithStatuses()] }, { width: 320 });
    mkdirSync("test-artifacts", { recursive: true });
    await page.screenshot({ path: "test-artifacts/sidebar.png", fullPage: true });
    await page.click("text=Close period…");
    await page.click("text=Continue");
    await page.screenshot({
      path: "test-artifacts/sidebar-close.png",
      clip: { x: 0, y: 0, width: 320, height: 480 },
    });
  });
});

describe("keyboard focus is visible", () => {
  it("draws an outline around the focused control", async () => {
    const { page } = await ui.open({ states: [stateWithStatuses()] });
    await page.keyboard.press("Tab");
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const style = getComputedStyle(el);
      return {
        tag: el.tagName,
        outline: style.outlineStyle,
        width: parseFloat(style.outlineWidth),
      };
    });
    expect(focused.tag).toBe("BUTTON");
    expect(focused.outline).not.toBe("none");
    expect(focused.width).toBeGreaterThanOrEqual(2);
  });
});

describe("statuses are in words, not colour alone", () => {
  it("writes the status on every coloured badge", async () => {
    const { page } = await ui.open({ states: [stateWithStatuses()] });
    const badges = await page.$$eval("#baton .badge", (els) => els.map((e) => e.textContent ?? ""));
    expect(badges.length).toBeGreaterThan(0);
    for (const text of badges) expect(text).toMatch(/Red|Amber|Green|Done|Paused|Error|Warning/);
  });
});

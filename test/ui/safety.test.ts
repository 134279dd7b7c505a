import { describe, expect, it } from "vitest";
import fc from "fast-check";
import type { PaneState } from "@baton/core";
import { usePages } from "./support/browser.ts";
import { stateWithStatuses, routingApi } from "./support/states.ts";

const ui = usePages();

/** Markup a cell might hold, each of which would run script or add an element if parsed as HTML. */
const ATTACKS = [
  "<img src=x onerror=alert(1)>",
  `<script>alert("s")</script>`,
  `"><svg onload=alert(2)>`,
  "</script><script>alert(3)</script>",
  "<iframe src=javascript:alert(4)></iframe>",
  "&lt;b&gt;entity&lt;/b&gt; & <b>bold</b>",
];

/** Every text field the pane shows, each filled from the list of attacks. */
function hostile(texts: readonly string[]): PaneState {
  const t = (n: number) => texts[n % texts.length]!;
  const base = stateWithStatuses();
  return {
    ...base,
    asOf: t(0),
    currentPeriod: t(1),
    missingSheets: [],
    issues: base.issues.map((i, n) => ({
      ...i,
      sheet: t(n),
      cell: t(n + 1),
      message: t(n + 2),
      fix: t(n + 3),
    })),
    atRisk: [
      {
        ...routingApi,
        id: t(0),
        deliverable: t(1),
        from: t(2),
        fromTeam: t(3),
        to: t(4),
        toTeam: t(5),
        owner: t(0),
        rootCauses: [t(1), t(2)],
        reasons: [t(3)],
        sheet: t(4),
        cell: t(5),
      },
    ],
  };
}

describe("text from cells is shown as text, never as markup", () => {
  it("shows markup from cells as its characters, and runs none of it", async () => {
    const { page, watched } = await ui.open({ states: [hostile(ATTACKS)] });
    const text = (await page.textContent("#baton")) ?? "";
    for (const attack of ATTACKS) expect(text).toContain(attack);
    // Nothing from the data became an element: the pane makes no img, script, svg, iframe or b.
    expect(
      await page.$$("#baton img, #baton script, #baton svg, #baton iframe, #baton b"),
    ).toHaveLength(0);
    await page.click("#baton .group li > button");
    expect(watched.dialogs).toEqual([]);
    expect(watched.errors).toEqual([]);
  });

  it("shows any string from a cell exactly as it is", async () => {
    const cellText = fc.oneof(
      fc.string({ unit: "grapheme", maxLength: 60 }),
      fc.constantFrom(...ATTACKS),
      fc.string({
        unit: fc.constantFrom("<", ">", "&", '"', "'", "/", "=", " ", "a", "\n"),
        maxLength: 30,
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(cellText, { minLength: 1, maxLength: 6 }), async (texts) => {
        const { page, watched } = await ui.open({ states: [hostile(texts)] });
        const deliverable = await page.textContent(
          "#baton section[aria-labelledby=baton-risk-title] .item-title",
        );
        const messages = await page.$$eval("#baton .group .item-text", (els) =>
          els.map((e) => e.textContent),
        );
        const state = hostile(texts);
        expect(deliverable).toBe(state.atRisk[0]!.deliverable);
        // Groups are by sheet name, and sheet names here may repeat: compare as multisets.
        expect([...messages].sort()).toEqual(state.issues.map((i) => i.message).sort());
        expect(watched.dialogs).toEqual([]);
        expect(watched.errors).toEqual([]);
        await page.context().close();
      }),
      { numRuns: 15 },
    );
  });
});

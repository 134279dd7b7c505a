import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundlePage } from "../../scripts/inline-html.mjs";
import { usePages } from "./support/browser.ts";
import { stateWithStatuses } from "./support/states.ts";

const ui = usePages();

/**
 * The pane's script loads on every click of the sidebar: it must stay small. The gate-decision
 * form and Since you last looked took it past 20 KB (20.4 KB).
 */
const PANE_JS_BUDGET = 24_000;
const PANE_CSS_BUDGET = 10_000;

describe("the page is one self-contained HTML file", () => {
  it("inlines its script and styles and references nothing outside itself", () => {
    const html = readFileSync(join(ui.built.dir, "stand-in.html"), "utf8");
    expect(html.match(/<script\b/g)).toHaveLength(1);
    expect(html).toMatch(/<script>[^]+<\/script>/);
    expect(html.match(/<style\b/g)).toHaveLength(1);
    expect(html).not.toMatch(/\s(src|href)\s*=|@import|url\(/i);
  });

  it("loads with a single request: the page itself", async () => {
    const { page, requests } = await ui.open({ states: [stateWithStatuses()] });
    expect(await page.$$("#baton .items li")).not.toHaveLength(0);
    expect(requests).toEqual([page.url()]);
  });

  it(`keeps the pane's own script under ${PANE_JS_BUDGET / 1000} KB and its styles under ${PANE_CSS_BUDGET / 1000} KB`, async () => {
    const { js, css } = await bundlePage({ entry: "test/ui/support/stand-in-entry.ts" });
    expect(js.length).toBeLessThan(PANE_JS_BUDGET);
    expect(css.length).toBeLessThan(PANE_CSS_BUDGET);
  });
});

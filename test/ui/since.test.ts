/**
 * "Since you last looked" in real headless Chromium: the pane opens on it where the backend
 * offers it (Excel), lists what happened with who is told, offers each digest as a ready email,
 * and forgets it for this user once marked seen. Where the backend does not offer it (Google
 * Sheets) the pane is as it was.
 */
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { usePages } from "./support/browser.ts";
import { callsIn } from "./support/stand-in.ts";
import { stateWithStatuses } from "./support/states.ts";
import { LATE, manyLate, sinceHost, sinceOf } from "./support/since.ts";

const ui = usePages();
const SECTION = "#baton section[aria-labelledby=baton-since-title]";
const READY = `${SECTION} ul, ${SECTION} .empty, ${SECTION} .field-error`;

const itemTexts = (page: Page) =>
  page.$$eval(`${SECTION} .since-item`, (els) => els.map((e) => e.textContent ?? ""));
const links = (page: Page) =>
  page.$$eval(`${SECTION} a.mail-link`, (as) =>
    as.map((a) => ({
      text: a.textContent,
      href: a.getAttribute("href"),
      target: a.getAttribute("target"),
    })),
  );

describe("the pane opens on what happened since the user last looked", () => {
  it("lists each event worst first, with its words, since when and who is told", async () => {
    const since = await sinceOf(sinceHost());
    const { page, watched } = await ui.open(
      { states: [stateWithStatuses()], since: [since] },
      { ready: READY },
    );
    // First in the pane, before the hand-offs at risk.
    const order = await page.$$eval("#baton section[aria-labelledby]", (ss) =>
      ss.map((s) => s.getAttribute("aria-labelledby")),
    );
    expect(order[0]).toBe("baton-since-title");
    expect(await page.textContent(`${SECTION} h2`)).toBe("Since you last looked (first look)");
    const texts = await itemTexts(page);
    expect(texts).toHaveLength(since.items.length);
    since.items.forEach((x, n) => {
      expect(texts[n]).toContain(x.id);
      expect(texts[n]).toContain(x.changed);
      expect(texts[n]).toContain(`Tells ${x.people.join(", ")}`);
    });
    expect(texts[0]).toMatch(/^Red/);
    expect(texts[0]).toContain("Since 21 Nov 2026");
    expect(watched).toEqual({ dialogs: [], errors: [] });
  });

  it("selects the row of an item on a click", async () => {
    const since = await sinceOf(sinceHost());
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [since] },
      { ready: READY },
    );
    for (const b of await page.$$(`${SECTION} .since-item`)) await b.click();
    expect((await callsIn(page)).select).toEqual(since.items.map((x) => [x.sheet, x.cell]));
  });

  it("offers each person's digest as a ready email: a mailto link with the subject and text", async () => {
    const since = await sinceOf(sinceHost());
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [since] },
      { ready: READY },
    );
    const shown = await links(page);
    expect(shown).toEqual(
      since.mails.map((m) => ({ text: `Email ${m.name}`, href: m.href, target: "_blank" })),
    );
    const body = decodeURIComponent(/&body=(.*)$/.exec(shown[0]!.href!)![1]!);
    expect(body).toContain("Hello Hana Kim,");
    expect(body).toContain("DEP-1");
  });

  it("says when a digest is too long for one link: the link carries the worst and counts the rest", async () => {
    const since = await sinceOf(sinceHost(LATE, manyLate()));
    const hana = since.mails.find((m) => m.name === "Hana Kim")!;
    expect(hana.carried).toBeLessThan(hana.items);
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [since] },
      { ready: READY },
    );
    const note = await page.textContent(`${SECTION} .mail:has-text("Email Hana Kim") .mail-note`);
    expect(note).toBe(
      `Too long for one mail link: it carries the ${hana.carried} worst of ${hana.items} and says how many more there are.`,
    );
  });

  it("names who has no address, with the fix", async () => {
    const host = sinceHost();
    host.sheets.delete("People");
    const since = await sinceOf(host);
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [since] },
      { ready: READY },
    );
    expect(await links(page)).toEqual([]);
    expect(await page.textContent(`${SECTION} .unreached`)).toBe(
      "No address for Hana Kim, Ines Ortega: add them to the People sheet (Name, Email).",
    );
  });
});

describe("marking seen", () => {
  it("hands the host what to remember, and shows only what is newer afterwards", async () => {
    const host = sinceHost();
    const first = await sinceOf(host);
    const after = await sinceOf(host, first.seen);
    expect(after.items).toEqual([]);
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [first, after] },
      { ready: READY },
    );
    await page.click(`${SECTION} button:has-text("Mark all as seen")`);
    await page.waitForSelector(
      `${SECTION} >> text=Nothing new since you last looked on 24 Nov 2026.`,
    );
    expect((await callsIn(page)).seen).toEqual([first.seen]);
    expect(await page.textContent(`${SECTION} h2`)).toBe("Since you last looked (24 Nov 2026)");
  });

  it("reads again after an action, as the statuses are", async () => {
    const since = await sinceOf(sinceHost());
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [since] },
      { ready: READY },
    );
    await page.click("#baton .toolbar button:has-text('Refresh statuses')");
    await page.waitForFunction(
      () => (window as unknown as { __calls: { since: number } }).__calls.since >= 2,
    );
  });
});

describe("what a workbook or a host could put there stays text", () => {
  it("shows markup in a cell as characters, and never puts anything but a mailto link in an href", async () => {
    const since = await sinceOf(
      sinceHost({ ...LATE, Deliverable: '<img src=x onerror="alert(1)">' }),
    );
    const hostile = {
      ...since,
      mails: since.mails.map((m) => ({ ...m, href: "javascript:alert(1)" })),
    };
    const { page, watched } = await ui.open(
      { states: [stateWithStatuses()], since: [hostile] },
      { ready: READY },
    );
    expect((await itemTexts(page))[0]).toContain('<img src=x onerror="alert(1)">');
    expect(await page.$$(`${SECTION} img`)).toEqual([]);
    expect((await links(page)).map((l) => l.href)).toEqual(since.mails.map(() => null));
    expect(watched.dialogs).toEqual([]);
  });
});

describe("where the host does not offer it, and where it fails", () => {
  it("a backend without `since` (Google Sheets) shows no such section", async () => {
    const { page } = await ui.open({ states: [stateWithStatuses()] });
    expect(await page.$(SECTION)).toBeNull();
    expect(await page.$("#baton .since-place")).not.toBeNull();
    expect(await page.textContent("#baton .since-place")).toBe("");
  });

  it("a failure is said in the section, with a way to try again", async () => {
    const since = await sinceOf(sinceHost());
    const { page } = await ui.open(
      { states: [stateWithStatuses()], since: [since], sinceFailures: [0] },
      { ready: READY },
    );
    expect(await page.textContent(`${SECTION} .field-error`)).toBe(
      "Could not find what changed: the host could not read the workbook (call 1)",
    );
    await page.click(`${SECTION} button:has-text("Try again")`);
    await page.waitForSelector(`${SECTION} .since-item`);
  });
});

/**
 * The ledger from the menu: closing a period seals its check-ins, locks their rows for all but
 * the owner and the user who closed, keeps the anchor in Document Properties and moves Current
 * Period on; verifying says the history is intact, and reports tampering with the row.
 */
import { describe, expect, it } from "vitest";
import {
  BATON_SHEET,
  COLUMNS,
  SHEET,
  anchorSignatureValid,
  closePeriod,
  parseAnchor,
  publicKeyOf,
  type Grids,
} from "@baton/core";
import { CLOSING_KEY_PROPERTY } from "../../gsheets/src/keys.ts";
import { ANCHOR_PROPERTY } from "../../gsheets/src/host.ts";
import { loadProject, sidebarDir, type LoadedProject } from "./support/bundle.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { DEMO_NOW, demoProject } from "./support/demo.ts";
import { workbookGrids, smallWorkbook, checkin } from "../support/grids.ts";

const TEAM_MEMBER = "rae@example.com";
const RAG = COLUMNS.checkins.findIndex((c) => c.header === "RAG") + 1;
const COMMENT = COLUMNS.checkins.findIndex((c) => c.header === "Comment") + 1;

/** Check-ins of three weeks: INI-1 and INI-2 in W46 and W47, one in the current week W48. */
function tracker(): { p: LoadedProject; grids: Grids } {
  const grids = workbookGrids(
    smallWorkbook({
      checkins: [
        checkin("2026-W46", "INI-1"),
        checkin("2026-W46", "INI-2"),
        checkin("2026-W48", "INI-1"),
      ],
    }),
  );
  const p = loadProject(grids, {
    now: DEMO_NOW,
    owner: "lead@example.com",
    user: "pmo@example.com",
    collaborators: ["pmo@example.com", TEAM_MEMBER],
  });
  return { p, grids };
}

function closeFromMenu(p: LoadedProject, period: string) {
  p.ui.answers.push({ button: "OK", text: period });
  p.call("batonClosePeriod");
}

describe("closing a period seals its check-ins and locks their rows", () => {
  it("stores the anchor the core computes, locks the sealed rows and moves Current Period on", () => {
    const { p, grids } = tracker();
    const reference = closePeriod({
      grids,
      anchor: null,
      period: "2026-W47",
      now: new Date(DEMO_NOW),
    });
    if (!reference.ok) throw new Error(reference.message);
    closeFromMenu(p, "2026-W47");

    expect(p.ui.shown[0]).toMatchObject({ kind: "prompt", buttons: "OK_CANCEL" });
    expect(p.ui.shown[0]!.prompt).toContain("The current period is 2026-W48.");
    expect(p.book.sheet(BATON_SHEET).display(1, 2)).toBe(reference.anchor);
    expect(p.documentProperties.store.has(ANCHOR_PROPERTY)).toBe(false);
    const checkins = p.book.sheet(SHEET.checkins);
    expect(checkins.protections).toHaveLength(1);
    expect([...checkins.protections[0]!.editors].sort()).toEqual([
      "lead@example.com",
      "pmo@example.com",
    ]);
    expect(() => checkins.userEdit(2, RAG, "Red", TEAM_MEMBER)).toThrow(/protected/);
    checkins.userEdit(reference.sealedRows + 2, RAG, "Amber", TEAM_MEMBER);
    expect(p.book.toasts.at(-1)!.message).toBe(
      `Closed ${reference.closedPeriods.join(" to ")}: ${reference.sealed} check-ins sealed. Check-ins rows 2 to ${reference.sealedRows + 1} are sealed and locked.` +
        (reference.moved
          ? ` ${reference.moved} rows moved up to join the sealed rows; nothing was removed.`
          : "") +
        " Current Period is now 2026-W48.",
    );
    expect(p.book.writesOutsideLock).toBe(0);
  });

  it("changes nothing when the user cancels the question", () => {
    const { p } = tracker();
    p.ui.answers.push({ button: "CANCEL" });
    p.call("batonClosePeriod");
    expect(p.book.sheets.some((s) => s.name === BATON_SHEET)).toBe(false);
    expect(p.lock.acquired).toBe(0);
  });

  it("says why a period cannot be closed", () => {
    const { p } = tracker();
    closeFromMenu(p, "next week");
    expect(p.ui.alerts()).toHaveLength(1);
    expect(p.ui.alerts()[0]).toMatch(/next week/);
    expect(p.book.sheets.some((s) => s.name === BATON_SHEET)).toBe(false);
  });

  it("is refused by validation errors in the check-ins, which the sidebar lists", async () => {
    const p = demoProject({ htmlDir: await sidebarDir() });
    closeFromMenu(p, "2026-W48");
    expect(p.ui.html.map((h) => h.kind)).toEqual(["sidebar"]);
    expect(p.book.toasts.at(-1)!.message).toMatch(/The sidebar lists them with their fixes\.$/);
    expect(p.book.sheets.some((s) => s.name === BATON_SHEET)).toBe(false);
  });
});

describe("verifying the history says whether the sealed rows are as they were", () => {
  it("finds a closed period intact", () => {
    const { p, grids } = tracker();
    const reference = closePeriod({
      grids,
      anchor: null,
      period: "2026-W47",
      now: new Date(DEMO_NOW),
    });
    closeFromMenu(p, "2026-W47");
    p.call("batonVerifyHistory");
    expect(p.book.toasts.at(-1)!.message).toBe(
      `The history is intact: ${reference.ok && reference.sealedRows} sealed check-ins through 2026-W47 match their seals and the anchor.`,
    );
  });

  it("reports the row the owner changed after the close", () => {
    const { p } = tracker();
    closeFromMenu(p, "2026-W47");
    p.book.sheet(SHEET.checkins).userEdit(3, RAG, "Amber", "lead@example.com");
    p.call("batonVerifyHistory");
    expect(p.ui.alerts().at(-1)).toMatch(/^The sealed history was changed\. Check-ins row 3: /);
    expect(p.ui.alerts().at(-1)).toMatch(/File > Version history/);
  });

  it("reports a history rewritten with fresh seals, by the anchor", () => {
    const { p } = tracker();
    closeFromMenu(p, "2026-W47");
    // Someone reseals an edited history, but the anchor in Document Properties still holds the old seal.
    const host = sheetsHost(p.book, p);
    p.book.sheet(SHEET.checkins).userEdit(2, COMMENT, "All fine, honestly", "lead@example.com");
    const grids = host.readSheets(Object.values(SHEET));
    const forged = closePeriod({
      grids: {
        ...grids,
        [SHEET.checkins]: grids[SHEET.checkins]!.map((r, i) => (i === 0 ? r : r.slice(0, 9))),
      },
      anchor: null,
      period: "2026-W47",
      now: new Date(DEMO_NOW),
    });
    if (!forged.ok) throw new Error(forged.message);
    host.apply({
      ops: forged.plan.ops.filter((o) => o.op === "values" && o.sheet === SHEET.checkins),
    });
    p.call("batonVerifyHistory");
    expect(p.ui.alerts().at(-1)).toMatch(/^The sealed history was changed\./);
  });
});

describe("the sidebar closes a period through the same action", () => {
  it("closes the period it is given, without asking again", () => {
    const { p, grids } = tracker();
    const reference = closePeriod({
      grids,
      anchor: null,
      period: "2026-W47",
      now: new Date(DEMO_NOW),
    });
    const out = p.call("batonRun", "closePeriod", "2026-W47") as { ok: boolean; message: string };
    expect(out.ok).toBe(true);
    expect(out.message).toMatch(
      new RegExp(
        `^Closed 2026-W46 to 2026-W47: ${reference.ok && reference.sealed} check-ins sealed\\.`,
      ),
    );
    expect(p.ui.shown).toEqual([]);
  });
});

describe("a close signs its anchor with the key in the closer's User Properties", () => {
  it("signs with that key, lists it as the first closer, and verify checks the signature", () => {
    const { p } = tracker();
    const secretKey = new Uint8Array(32).fill(5);
    p.userProperties.store.set(CLOSING_KEY_PROPERTY, Buffer.from(secretKey).toString("hex"));
    closeFromMenu(p, "2026-W47");
    const anchor = parseAnchor(p.book.sheet(BATON_SHEET).display(1, 2))!;
    expect(anchor.key).toBe(publicKeyOf(secretKey));
    expect(anchorSignatureValid(anchor)).toBe(true);
    const settings = p.book.sheet(SHEET.settings);
    const rows = Array.from({ length: 12 }, (_, i) => settings.display(i + 1, 1));
    const at = rows.indexOf("Closers") + 1;
    expect(settings.display(at, 2)).toBe(`closer:${publicKeyOf(secretKey)}`);
    p.call("batonVerifyHistory");
    expect(p.book.toasts.at(-1)!.message).toMatch(/^The history is intact/);
  });

  it("is refused without a key once Settings lists Closers", () => {
    const { p } = tracker();
    const settings = p.book.sheet(SHEET.settings);
    settings.seed(20, 1, "Closers");
    settings.seed(20, 2, `lead:${publicKeyOf(new Uint8Array(32).fill(6))}`);
    closeFromMenu(p, "2026-W47");
    expect(p.ui.alerts().at(-1)).toMatch(/a close must be signed with one of their keys/);
    expect(p.book.sheets.some((s) => s.name === BATON_SHEET)).toBe(false);
  });
});

/**
 * The check-in form behind a request's link: what it shows, what it records, and every way an
 * answer is refused (a forged, stale, used or someone else's link; a period already answered;
 * values the sidebar would flag as errors), each recording nothing.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ALERTS_NEEDS,
  BATON_SHEET,
  CHECKIN_ANSWER_NEEDS,
  SHEET,
  answerCheckin,
  checkinForm,
  prepareAlerts,
  readFor,
  recordAlerts,
  tokensIn,
  type CheckinAnswer,
  type MemoryHost,
} from "@baton/core";
import { checkin } from "../support/grids.ts";
import { THURSDAY, hostOf, plan } from "./support.ts";

const FORM = "https://script.google.com/macros/s/abc/exec";
const entropy = () => randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "");
const AT = new Date(`${THURSDAY}T12:00:00Z`);
const LATER = new Date(`${THURSDAY}T15:30:00Z`);

/** A workbook where Ines was asked for INI-2's 2026-W48 check-in; the link's token. */
async function asked(): Promise<{ host: MemoryHost; token: string }> {
  const host = hostOf(
    plan({}, { checkins: [checkin("2026-W48", "INI-1"), checkin("2026-W46", "INI-2")] }),
  );
  const read = await readFor(host, ALERTS_NEEDS);
  const prepared = prepareAlerts(read, { now: AT, asOf: THURSDAY, formUrl: FORM, entropy });
  await host.apply(recordAlerts(read, prepared, prepared.digests.length, AT).plan);
  const link = prepared.digests[0]!.items[0]!.link!;
  return { host, token: new URL(link).searchParams.get("t")! };
}

const GOOD: CheckinAnswer = {
  rag: "Amber",
  progress: "60",
  comment: "Waiting on the routing API",
  pathToGreen: "API by Friday",
};

async function post(host: MemoryHost, token: string, answer = GOOD, now = LATER, viewer?: string) {
  const read = await readFor(host, CHECKIN_ANSWER_NEEDS);
  const r = answerCheckin(read, { now, token, answer, ...(viewer ? { viewer } : {}) });
  if (r.plan.ops.length) await host.apply(r.plan);
  return r;
}

const checkinRows = async (host: MemoryHost) =>
  (await host.readSheets([SHEET.checkins]))[SHEET.checkins]!;

describe("the form a link opens", () => {
  it("shows the initiative, the period asked for and the last check-in", async () => {
    const { host, token } = await asked();
    const form = checkinForm(await readFor(host, CHECKIN_ANSWER_NEEDS), { now: LATER, token });
    expect(form).toEqual({
      ok: true,
      view: expect.objectContaining({
        id: "INI-2",
        period: "2026-W48",
        person: "Ines Ortega",
        last: { period: "2026-W47", rag: "Green", progress: "50%", comment: "", pathToGreen: "" },
      }),
    });
  });
});

describe("an answer", () => {
  it("is appended as a Check-ins row, reported by the person asked, and uses the token up", async () => {
    const { host, token } = await asked();
    const before = (await checkinRows(host)).length;
    const r = await post(host, token);
    expect(r.outcome).toEqual({
      ok: true,
      message: "Thank you. Your check-in for INI-2, 2026-W48, is recorded.",
    });
    const rows = await checkinRows(host);
    expect(rows.length).toBe(before + 1);
    const [header, row] = [rows[0]!, rows.at(-1)!];
    const at = (h: string) => row[header.indexOf(h)];
    expect([at("Period"), at("ID"), at("RAG"), at("Progress %")]).toEqual([
      "2026-W48",
      "INI-2",
      "Amber",
      0.6,
    ]);
    expect([at("Comment"), at("Path to Green"), at("Reported By")]).toEqual([
      GOOD.comment,
      GOOD.pathToGreen,
      "Ines Ortega",
    ]);
    expect(typeof at("Reported At")).toBe("number");
    const state = (await host.readSheets([BATON_SHEET]))[BATON_SHEET]!;
    expect(Object.values(tokensIn(state))[0]!.used).toBe(LATER.toISOString());
  });

  it("posted twice is refused plainly the second time, and nothing more is appended", async () => {
    const { host, token } = await asked();
    await post(host, token);
    const rows = (await checkinRows(host)).length;
    const again = await post(host, token);
    expect(again.outcome).toEqual({
      ok: false,
      message:
        "This link was already used: the check-in for INI-2, 2026-W48 was answered on 2026-11-26. Nothing was changed.",
    });
    expect((await checkinRows(host)).length).toBe(rows);
  });

  it("for a period already in the sheet is refused, whichever link it comes from", async () => {
    const { host, token } = await asked();
    host.edit(SHEET.checkins, 5, 1, "2026-W48");
    host.edit(SHEET.checkins, 5, 2, "INI-2");
    host.edit(SHEET.checkins, 5, 3, "Green");
    const r = await post(host, token);
    expect(r.outcome.message).toBe(
      "The check-in for INI-2, 2026-W48 is already in the spreadsheet, so a second answer was not recorded. Change it there if it needs changing.",
    );
    expect(r.plan.ops).toEqual([]);
  });

  it("with a forged, malformed or stale token is refused and records nothing", async () => {
    const { host, token } = await asked();
    const forged = entropy();
    for (const t of [forged, "", "../../etc", `${token.slice(0, -1)}x`]) {
      const r = await post(host, t);
      expect(r.outcome.ok).toBe(false);
      expect(r.outcome.message).toMatch(/^This link is not one Baton sent/);
      expect(r.plan.ops).toEqual([]);
    }
    const late = await post(host, token, GOOD, new Date("2026-12-04T12:00:00Z"));
    expect(late.outcome.message).toBe(
      "This link to the check-in for INI-2, 2026-W48 expired on 2026-12-03. Enter the check-in in the spreadsheet, or wait for the next request.",
    );
    expect(late.plan.ops).toEqual([]);
  });

  it("from someone signed in as another person is refused", async () => {
    const { host, token } = await asked();
    const r = await post(host, token, GOOD, LATER, "hana@example.com");
    expect(r.outcome.message).toBe(
      "This link was sent to Ines Ortega; you are signed in as someone else, so it cannot answer for them.",
    );
    expect(r.plan.ops).toEqual([]);
    expect((await post(host, token, GOOD, LATER, "Ines@Example.com")).outcome.ok).toBe(true);
  });

  it("with values the sidebar flags as errors shows each with its fix and records nothing", async () => {
    const { host, token } = await asked();
    const rows = (await checkinRows(host)).length;
    const r = await post(host, token, {
      rag: "Red",
      progress: "lots",
      comment: "",
      pathToGreen: "",
    });
    expect(r.outcome.ok).toBe(false);
    expect(r.outcome.message).toBe(
      "Nothing was recorded: 2 answers need fixing first (see below).",
    );
    expect(r.outcome.issues!.map((i) => i.code).sort()).toEqual([
      "invalid-percent",
      "missing-path-to-green",
    ]);
    expect(r.outcome.issues!.every((i) => i.fix)).toBe(true);
    expect(r.view?.id).toBe("INI-2");
    expect((await checkinRows(host)).length).toBe(rows);
    // The token is still good: the person fixes the answer and sends it again.
    expect((await post(host, token)).outcome.ok).toBe(true);
  });

  it("keeps text that looks like a formula as the text typed", async () => {
    const { host, token } = await asked();
    const r = await post(host, token, { ...GOOD, comment: '=IMPORTXML("http://x","//a")' });
    expect(r.outcome.ok).toBe(true);
    const row = (await checkinRows(host)).at(-1)!;
    expect(row).toContain('=IMPORTXML("http://x","//a")');
  });
});

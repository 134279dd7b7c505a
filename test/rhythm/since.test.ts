/**
 * "Since you last looked": the notifications' events compared with what one user saw, not with
 * what the workbook says was told, and each digest as a ready email.
 */
import { describe, expect, it } from "vitest";
import { SINCE_NEEDS, SHEET, readFor, sinceLooked } from "@baton/core";
import { HANDOFF_COL, TUESDAY, hostOf, plan, tell } from "./support.ts";

const LATE = { "Needed By": "2026-11-20" };

async function look(host: ReturnType<typeof hostOf>, seen: string | null, asOf = TUESDAY) {
  const read = await readFor(host, SINCE_NEEDS);
  return sinceLooked(read, { now: new Date(`${asOf}T12:00:00Z`), asOf }, seen);
}

describe("since the user last looked", () => {
  it("the first look lists what the notifications would tell, with a ready email per person", async () => {
    const host = hostOf(plan(LATE));
    const since = await look(host, null);
    const told = await tell(host, TUESDAY, false);
    expect(since.lastLooked).toBeNull();
    expect(since.items.map((x) => `${x.kind} ${x.id}`)).toEqual(
      told.notification.events.map((e) => `${e.kind} ${e.id}`),
    );
    expect(since.items[0]).toMatchObject({
      severity: "Red",
      since: "2026-11-21",
      people: ["Hana Kim", "Ines Ortega"],
      sheet: "Hand-offs",
      cell: "A2",
    });
    expect(since.mails.map((m) => [m.email, m.href.slice(0, m.href.indexOf("?"))])).toEqual([
      ["hana@example.com", "mailto:hana@example.com"],
      ["ines@example.com", "mailto:ines@example.com"],
    ]);
  });

  it("after the user's seen marks, only what is newer; what the workbook says was told does not count", async () => {
    const host = hostOf(plan(LATE));
    await tell(host, TUESDAY); // recorded as told in the workbook
    const first = await look(host, null);
    expect(first.items.length).toBeGreaterThan(0);
    const again = await look(host, first.seen);
    expect(again.items).toEqual([]);
    expect(again.lastLooked).toBe(TUESDAY);
    host.edit(SHEET.handoffs, 2, HANDOFF_COL.state, "Declined");
    expect((await look(host, first.seen)).items.map((x) => `${x.kind} ${x.id}`)).toEqual([
      "handoff-declined DEP-1",
    ]);
  });

  it("a seen text it cannot read counts as nothing seen", async () => {
    const host = hostOf(plan(LATE));
    const first = await look(host, null);
    expect((await look(host, "{not json")).items).toEqual(first.items);
  });
});

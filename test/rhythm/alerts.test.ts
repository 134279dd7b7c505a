/**
 * Alerts from a host that mails within a daily quota: the digests a run could not send are
 * owed and go first next run; the others are not told twice; check-in requests carry links
 * whose tokens are kept (hashed) only for the digests that went.
 */
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ALERTS_NEEDS,
  BATON_SHEET,
  MemoryHost,
  digestText,
  prepareAlerts,
  readFor,
  recordAlerts,
  stateValueIn,
  tokenHash,
  tokensIn,
  type PreparedAlerts,
} from "@baton/core";
import { checkin } from "../support/grids.ts";
import { THURSDAY, TUESDAY, hostOf, plan } from "./support.ts";

const LATE = { "Needed By": "2026-11-20" };
const FORM = "https://script.google.com/macros/s/abc/exec";
const entropy = () => randomUUID().replace(/-/g, "") + randomUUID().replace(/-/g, "");

/** One run: prepare, "send" the first `quota` digests, record. */
async function run(
  host: MemoryHost,
  asOf: string,
  quota = Infinity,
  formUrl: string | null = FORM,
) {
  const read = await readFor(host, ALERTS_NEEDS);
  const now = new Date(`${asOf}T12:00:00Z`);
  const prepared = prepareAlerts(read, { now, asOf, formUrl, entropy });
  const sent = Math.min(quota, prepared.digests.length);
  const { plan: p, outcome } = recordAlerts(read, prepared, sent, now);
  if (p.ops.length) await host.apply(p);
  return { prepared, sent: prepared.digests.slice(0, sent), outcome, writes: p.ops.length };
}

const summary = (p: PreparedAlerts) =>
  p.digests.map((d) => `${d.to.name}: ${d.items.map((i) => `${i.kind} ${i.id}`).join(", ")}`);

describe("a run cut short by the mail quota", () => {
  it("says so, owes the rest, and sends it first next run without telling anyone twice", async () => {
    const host = hostOf(plan(LATE));
    const first = await run(host, TUESDAY, 1);
    expect(summary(first.prepared)).toEqual([
      // Both reported Green last week beside the late hand-off: false greens, told with it.
      "Hana Kim: handoff-red DEP-1, false-green INI-1",
      "Ines Ortega: handoff-red DEP-1, initiative-red INI-2, false-green INI-2",
    ]);
    expect(first.outcome.message).toBe(
      "Sent 1 of 2 digests: the day's mail quota ran out. The other 1 go with the next run.",
    );
    const second = await run(host, TUESDAY);
    expect(summary(second.prepared)).toEqual([
      "Ines Ortega: handoff-red DEP-1, initiative-red INI-2, false-green INI-2",
    ]);
    expect(second.outcome.message).toBe("Sent 1 digest.");
    // The digest that waited says so; the one that went on time does not.
    expect(first.sent[0]!.heldSince).toBeUndefined();
    const held = second.prepared.digests[0]!;
    expect(held.heldSince).toBe(TUESDAY);
    expect(digestText(held, { place: "plan.xlsx", asOf: "2026-11-25" })).toContain(
      "This digest was held back since 2026-11-24, when the day's mail quota ran out",
    );
    const third = await run(host, TUESDAY);
    expect(third.prepared.digests).toEqual([]);
    expect(third.writes).toBe(0);
    expect(third.outcome.message).toBe("Nothing new to tell anyone.");
  });

  it("with no quota at all sends nothing and owes everything; news arriving meanwhile joins it", async () => {
    const host = hostOf(plan(LATE));
    const none = await run(host, TUESDAY, 0);
    expect(none.outcome.message).toMatch(/^Sent 0 of 2 digests/);
    host.edit("Hand-offs", 2, 8, "Declined");
    const next = await run(host, TUESDAY);
    expect(summary(next.prepared)).toEqual([
      "Hana Kim: handoff-declined DEP-1, handoff-red DEP-1, false-green INI-1",
      "Ines Ortega: handoff-declined DEP-1, handoff-red DEP-1, initiative-red INI-2, false-green INI-2",
    ]);
  });

  it("names the people it could not reach, as notify does", async () => {
    const host = hostOf(plan(LATE), [
      ["Name", "Email"],
      ["Hana Kim", "hana@example.com"],
    ]);
    const r = await run(host, TUESDAY);
    expect(r.outcome.message).toBe(
      "Sent 1 digest. People has no address for Ines Ortega; add it to the People sheet (Name, Email).",
    );
  });

  it("a rerun at the same moment with nothing owed writes nothing", async () => {
    const host = hostOf(plan(LATE));
    await run(host, TUESDAY);
    const again = await run(host, TUESDAY);
    expect(again.writes).toBe(0);
  });
});

describe("check-in requests link to the form with a token of their own", () => {
  const spec = plan({}, { checkins: [checkin("2026-W48", "INI-1")] });

  it("keeps the hash of each sent link's token, never the token, good for a week", async () => {
    const host = hostOf(spec);
    const r = await run(host, THURSDAY);
    const item = r.sent[0]!.items[0]!;
    expect(item.kind).toBe("checkin-due");
    const token = new URL(item.link!).searchParams.get("t")!;
    expect(item.link).toBe(`${FORM}?t=${token}`);
    const state = (await host.readSheets([BATON_SHEET]))[BATON_SHEET]!;
    expect(JSON.stringify(state)).not.toContain(token);
    expect(tokensIn(state)[tokenHash(token)]).toEqual({
      id: "INI-2",
      period: "2026-W48",
      name: "Ines Ortega",
      email: "ines@example.com",
      expires: "2026-12-03T12:00:00.000Z",
    });
  });

  it("keeps no token for a digest that did not go; the owed request gets a new link when it goes", async () => {
    const host = hostOf(spec);
    const cut = await run(host, THURSDAY, 0);
    const stale = new URL(cut.prepared.digests[0]!.items[0]!.link!).searchParams.get("t")!;
    let state = (await host.readSheets([BATON_SHEET]))[BATON_SHEET]!;
    expect(stateValueIn(state, "Answer tokens")).toBeNull();
    const next = await run(host, THURSDAY);
    const fresh = new URL(next.sent[0]!.items[0]!.link!).searchParams.get("t")!;
    expect(fresh).not.toBe(stale);
    state = (await host.readSheets([BATON_SHEET]))[BATON_SHEET]!;
    expect(Object.keys(tokensIn(state))).toEqual([tokenHash(fresh)]);
  });

  it("without a form address, or with one that is not https, requests carry no link", async () => {
    for (const url of [null, "javascript:alert(1)", "http://example.com/form"]) {
      const r = await run(hostOf(spec), THURSDAY, Infinity, url);
      expect(r.sent[0]!.items[0]!.link).toBeUndefined();
    }
  });
});

/**
 * The operating rhythm's further sources of events: false greens and gate decisions waiting,
 * each told once to the people DESIGN.md names, in the digest's plain words.
 */
import { describe, expect, it } from "vitest";
import { SHEET, type CellValue } from "@baton/core";
import { checkin, initiative, type RowSpec } from "../support/grids.ts";
import { PEOPLE, TUESDAY, hostOf, kinds, plan, tell } from "./support.ts";

const LATE = { "Needed By": "2026-11-20" };
const GOVERNANCE: CellValue[][] = [
  ["Sam Sponsor", "sam@example.com", "Board", "Sponsor"],
  ["Cora Controller", "cora@example.com", "Finance", "Controller"],
];
const people = [...PEOPLE, ...GOVERNANCE];

const only = (r: Awaited<ReturnType<typeof tell>>, kind: string) =>
  r.notification.events.filter((e) => e.kind === kind);

describe("a false green is told to its owner and sponsor, once per check-in", () => {
  // DEP-1 went late on 2026-11-21; both W47 check-ins said Green as of that week's end.
  const withSponsor = () => {
    const base = plan(LATE);
    const initiatives = base.initiatives!.map((i) =>
      i.ID === "INI-2" ? { ...i, Sponsor: "Sam Sponsor" } : i,
    );
    return { ...base, initiatives };
  };

  it("names the check-in's RAG cell, the evidence and what is asked", async () => {
    const r = await tell(hostOf(withSponsor(), people), TUESDAY);
    const greens = only(r, "false-green");
    expect(greens.map((e) => e.id)).toEqual(["INI-1", "INI-2"]);
    const ines = greens[1]!;
    expect(ines.where).toEqual({ sheet: "Check-ins", cell: "C3" });
    expect(ines.recipients).toEqual([
      { name: "Ines Ortega", role: "owner" },
      { name: "Sam Sponsor", role: "sponsor" },
    ]);
    const item = (name: string) =>
      r.notification.digests
        .find((d) => d.to.name === name)!
        .items.find((i) => i.kind === "false-green" && i.id === "INI-2")!;
    // The evidence in the third person: the sponsor did not owe or wait on anything.
    expect(item("Sam Sponsor").changed).toBe(
      'INI-2 "Initiative INI-2" reported Green for 2026-W47, but DEP-1, which it waits on from Team A, is 2 days late.',
    );
    expect(item("Sam Sponsor").ask).toBe("Ask Ines Ortega how INI-2 really stands.");
    expect(item("Ines Ortega").ask).toContain("Correct the 2026-W47 check-in's RAG");
    expect(item("Ines Ortega").severity).toBe("Amber");
  });

  it("is not told again for the same check-in, and is told for the next period's", async () => {
    const host = hostOf(withSponsor(), people);
    await tell(host, TUESDAY);
    expect(kinds(await tell(host, "2026-11-26"))).not.toContain("false-green INI-2");
    checkinRow(host, "2026-W48", "INI-2").forEach((v, c) => host.edit(SHEET.checkins, 4, c + 1, v));
    expect(kinds(await tell(host, "2026-11-26"))).toEqual(["false-green INI-2"]);
  });

  it("is not told once the check-in no longer says Green", async () => {
    const host = hostOf(withSponsor(), people);
    const rag = host.grid(SHEET.checkins)[0]!.indexOf("RAG") + 1;
    host.edit(SHEET.checkins, 3, rag, "Red");
    expect(kinds(await tell(host, TUESDAY))).not.toContain("false-green INI-2");
  });
});

/** INI-1 has passed gate 2; INI-2 has no decision. */
function gated(extra: { ini1?: RowSpec; ini2?: RowSpec; decisions?: RowSpec[] } = {}) {
  const base = plan();
  return {
    ...base,
    initiatives: [
      initiative("INI-1", "OBJ-1", {
        Owner: "Hana Kim",
        Start: "2026-11-02",
        Sponsor: "Sam Sponsor",
        Controller: "Cora Controller",
        ...extra.ini1,
      }),
      initiative("INI-2", "OBJ-1", { Owner: "Ines Ortega", Start: "2026-11-02", ...extra.ini2 }),
    ],
    gateDecisions: [decision("2026-10-20", 2, "Owner", "Hana Kim"), ...(extra.decisions ?? [])],
  };
}

const decision = (date: string, gate: number, role: string, by: string, o: RowSpec = {}) => ({
  Date: date,
  ID: "INI-1",
  Gate: gate,
  Decision: "Approved",
  "Decided By": by,
  Role: role,
  Evidence: `Minutes ${date}`,
  ...o,
});

describe("a gate decision waiting is told to whoever decides it", () => {
  it("a started initiative waits for its next gate: the Sponsor approves 3, the Owner evaluates 2", async () => {
    const r = await tell(hostOf(gated(), people), TUESDAY);
    const waiting = only(r, "gate-waiting");
    expect(waiting.map((e) => [e.id, e.gate, e.since, e.recipients])).toEqual([
      [
        "INI-1",
        { reached: 2, next: 3, decider: "Sponsor" },
        "2026-11-02",
        [{ name: "Sam Sponsor", role: "sponsor" }],
      ],
      [
        "INI-2",
        { reached: 1, next: 2, decider: "Owner" },
        "2026-11-02",
        [{ name: "Ines Ortega", role: "owner" }],
      ],
    ]);
    const sam = r.notification.digests.find((d) => d.to.name === "Sam Sponsor")!;
    expect(sam.items[0]!.changed).toBe(
      'INI-1 "Initiative INI-1" waits for its gate 3 (Approved) decision by the Sponsor; it stands at gate 2.',
    );
    expect(sam.items[0]!.ask).toBe(
      "Record the gate 3 decision (Approved, Rejected or Returned) on Gate Decisions, with its Evidence.",
    );
    expect(sam.items[0]!.severity).toBe("Request");
  });

  it("is told once; the next gate is news once it is due", async () => {
    const host = hostOf(gated({ ini1: { Stage: "Done" } }), people);
    // Done at gate 2: gate 3 is what it waits for first, one gate at a time.
    expect(only(await tell(host, TUESDAY), "gate-waiting")[0]!.gate!.next).toBe(3);
    expect(only(await tell(host, TUESDAY), "gate-waiting")).toEqual([]);
    const more = gated({
      ini1: { Stage: "Done" },
      decisions: [
        decision("2026-11-03", 3, "Sponsor", "Sam Sponsor"),
        decision("2026-11-20", 4, "Owner", "Hana Kim"),
      ],
    });
    host.sheets.get(SHEET.gateDecisions)!.cells = hostOf(more)
      .grid(SHEET.gateDecisions)
      .map((r) => [...r]);
    const r = await tell(host, TUESDAY);
    expect(only(r, "gate-waiting").map((e) => [e.id, e.gate!.next, e.recipients])).toEqual([
      ["INI-1", 5, [{ name: "Cora Controller", role: "controller" }]],
    ]);
    const cora = r.notification.digests.find((d) => d.to.name === "Cora Controller")!;
    expect(cora.items[0]!.ask).toContain("with its Evidence, the Confirmed Value.");
  });

  it("asks the Owner to name a Sponsor where the row names none", async () => {
    const r = await tell(hostOf(gated({ ini1: { Sponsor: null } }), people), TUESDAY);
    const ini1 = only(r, "gate-waiting").find((e) => e.id === "INI-1")!;
    expect(ini1.recipients).toEqual([{ name: "Hana Kim", role: "owner" }]);
    const hana = r.notification.digests.find((d) => d.to.name === "Hana Kim")!;
    expect(hana.items.find((i) => i.kind === "gate-waiting")!.ask).toBe(
      "Name the Sponsor in the Initiatives row: the gate 3 decision is theirs, not the Owner's.",
    );
  });

  it("nothing waits before the work starts, on hold, or where no gate decision was ever taken", async () => {
    const notYet = gated({
      ini1: { Start: "2026-12-07", Stage: "Not started" },
      ini2: { Stage: "On hold" },
    });
    expect(only(await tell(hostOf(notYet, people), TUESDAY), "gate-waiting")).toEqual([]);
    const unused = { ...gated(), gateDecisions: [] };
    expect(only(await tell(hostOf(unused, people), TUESDAY), "gate-waiting")).toEqual([]);
  });
});

/** A Green check-in row for `id` in `period`, laid out as the host's Check-ins sheet is. */
function checkinRow(host: ReturnType<typeof hostOf>, period: string, id: string): CellValue[] {
  const header = host.grid(SHEET.checkins)[0]!;
  const spec = checkin(period, id) as Record<string, CellValue>;
  return header.map((h) => (String(h) in spec ? spec[String(h)]! : null));
}

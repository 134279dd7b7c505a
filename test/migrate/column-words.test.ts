/**
 * What trackers call their columns: a ServiceNow-style incident export (Number, counts), a
 * Jira export (Key, Squad), and a PMO plan (Ref, Workstream, "# of"
 * counts). Codes headed Number, Key, Ticket or Ref are the ID; counts are never dependencies;
 * Squad, Function, Department, Track, Stream and their compounds name the team.
 */
import { describe, expect, it } from "vitest";
import type { CellValue } from "@baton/core";
import { nameScores } from "../../core/src/migrate/mapping.ts";
import { expectEveryRowOnce, records, run } from "./support.ts";

const fieldOf = (m: ReturnType<typeof run>, header: string) =>
  m.mapping.columns!.find((c) => c.column === header)?.field ?? null;

const incidents: CellValue[][] = [
  [
    "Number",
    "Short description",
    "Assignment group",
    "Assigned to",
    "State",
    "Opened",
    "Due date",
    "reassignment_count",
    "reopen_count",
    "Priority",
  ],
  [
    "INC0000045",
    "Email outage for the Sydney office",
    "Messaging",
    "Beth Anglin",
    "In Progress",
    "2026-10-02",
    "2026-12-01",
    3,
    0,
    "1 - Critical",
  ],
  [
    "INC0000046",
    "VPN drops every hour",
    "Network",
    "Don Goodliffe",
    "New",
    "2026-10-05",
    "2026-12-10",
    0,
    1,
    "2 - High",
  ],
  [
    "INC0000047",
    "Printer queue stuck on floor 3",
    "Service Desk",
    "Fred Luddy",
    "On Hold",
    "2026-10-09",
    "2026-12-15",
    12,
    2,
    "3 - Moderate",
  ],
  [
    "INC0000048",
    "SAP login slow in the morning",
    "ERP",
    "Beth Anglin",
    "Resolved",
    "2026-10-11",
    "2026-11-20",
    1,
    0,
    "2 - High",
  ],
  [
    "INC0000049",
    "Laptop refresh for new starters",
    "Service Desk",
    "Fred Luddy",
    "In Progress",
    "2026-10-14",
    "2027-01-10",
    5,
    3,
    "4 - Low",
  ],
];

const jira: CellValue[][] = [
  [
    "Key",
    "Summary",
    "Squad",
    "Assignee",
    "Status",
    "Created",
    "Due Date",
    "Watchers count",
    "Linked issues",
  ],
  [
    "OPS-12",
    "Rotate database credentials",
    "Platform Squad",
    "Mia Chen",
    "In Progress",
    "2026-09-01",
    "2026-12-01",
    4,
    "",
  ],
  [
    "OPS-13",
    "Move backups to the new region",
    "Platform Squad",
    "Mia Chen",
    "To Do",
    "2026-09-03",
    "2027-01-15",
    2,
    "OPS-12",
  ],
  [
    "OPS-14",
    "Alert on failed deploys",
    "Reliability",
    "Sam Ortiz",
    "Done",
    "2026-09-05",
    "2026-11-01",
    7,
    "",
  ],
  [
    "OPS-15",
    "Runbook for the payment outage",
    "Reliability",
    "Sam Ortiz",
    "In Progress",
    "2026-09-09",
    "2026-12-20",
    1,
    "OPS-14",
  ],
];

const pmo: CellValue[][] = [
  [
    "Ref",
    "Workstream",
    "Deliverable",
    "Lead",
    "Start",
    "Finish",
    "# of risks",
    "Count of actions",
    "RAG",
  ],
  [
    "WS1-01",
    "Data platform",
    "Customer data model agreed",
    "Ana Silva",
    "2026-09-01",
    "2026-12-15",
    2,
    5,
    "Green",
  ],
  [
    "WS1-02",
    "Data platform",
    "Warehouse migrated",
    "Ben Okafor",
    "2026-10-01",
    "2027-02-28",
    4,
    3,
    "Amber",
  ],
  [
    "WS2-01",
    "Customer journeys",
    "New onboarding flow live",
    "Chloe Dubois",
    "2026-09-15",
    "2027-01-31",
    1,
    8,
    "Red",
  ],
  [
    "WS2-02",
    "Customer journeys",
    "Call centre scripts updated",
    "Dev Patel",
    "2026-11-01",
    "2027-03-31",
    0,
    2,
    "Green",
  ],
];

describe("codes headed Number, Key, Ticket or Ref are the ID", () => {
  it("a ServiceNow incident export: Number is the ID, its counts are carried, not dependencies", () => {
    const m = run(incidents);
    expectEveryRowOnce(m, incidents);
    expect(fieldOf(m, "Number")).toBe("id");
    expect(fieldOf(m, "reassignment_count")).toBeNull();
    expect(fieldOf(m, "reopen_count")).toBeNull();
    expect(m.content.handoffs ?? []).toEqual([]);
  });

  it("a Jira export: Key is the ID, Squad the team, Linked issues the dependencies", () => {
    const m = run(jira);
    expectEveryRowOnce(m, jira);
    expect(fieldOf(m, "Key")).toBe("id");
    expect(fieldOf(m, "Squad")).toBe("team");
    expect(fieldOf(m, "Watchers count")).toBeNull();
    expect(records(m, "initiatives").map((r) => r.Team)).toEqual([
      "Platform Squad",
      "Platform Squad",
      "Reliability",
      "Reliability",
    ]);
  });

  it("a PMO plan: Ref is the ID, Workstream the team, counts are no dependencies", () => {
    const m = run(pmo);
    expectEveryRowOnce(m, pmo);
    expect(fieldOf(m, "Ref")).toBe("id");
    expect(fieldOf(m, "Workstream")).toBe("team");
    expect(records(m, "initiatives").map((r) => r.Team)).toEqual([
      "Data platform",
      "Data platform",
      "Customer journeys",
      "Customer journeys",
    ]);
    expect(fieldOf(m, "# of risks")).toBeNull();
    expect(fieldOf(m, "Count of actions")).toBeNull();
    expect(m.content.handoffs ?? []).toEqual([]);
  });
});

describe("the words PMOs use for a team or a stream of work", () => {
  it.each([
    "Squad",
    "Delivery Squad",
    "Function",
    "Business Function",
    "Department",
    "Owning Department",
    "Track",
    "Delivery Track",
    "Stream",
    "Workstream",
    "Work Stream",
    "Ticket",
  ])("%s", (header) => {
    const scores = [...nameScores(header)].sort((a, b) => b[1] - a[1]);
    const expected = header === "Ticket" ? "id" : "team";
    expect(scores[0]?.[0], JSON.stringify(scores)).toBe(expected);
  });

  it("counts are never dependencies, whatever they count", () => {
    for (const header of [
      "reassignment_count",
      "reopen_count",
      "Dependency count",
      "# of dependencies",
      "Count of predecessors",
      "Number of blockers",
    ])
      expect(nameScores(header).get("dependsOn") ?? 0, header).toBe(0);
  });
});

/**
 * One suite, every action, every host: each action a user can take runs through each host's
 * own glue (the Excel pane's backend, the Sheets sidebar's server functions, the command
 * line's and the preview's path over the port) and must tell the user the same thing and leave
 * the same workbook as in memory. Where hosts once disagreed, the scenario names the behaviour
 * now shared.
 */
import { describe, expect, it } from "vitest";
import {
  IMPORT_REPORT_SHEET,
  MAPPING_SHEET,
  SHEET,
  mappingSheetPlan,
  migrate,
  type ActionOutcome,
  type CellValue,
  type Grids,
  type PaneAction,
} from "@baton/core";
import { ACTING_HOSTS, NOW, ZONE, memoryActs, type Act, type Merges } from "./actions.ts";
import {
  checkin,
  handoff,
  initiative,
  smallWorkbook,
  version1Grids,
  workbookGrids,
} from "../support/grids.ts";
import { tell } from "../rhythm/support.ts";

const TRACKER = "Tracker";
const trackerGrid: CellValue[][] = [
  ["Task", "Owner", "Team", "Status", "Due"],
  ["Route tickets by product", "Jonas", "IT Support", "Green", "2026-12-18"],
  ["Routing API", "Mira", "Development", "Red", "2026-12-04"],
  ["Knowledge base", "Ava", "IT Support", "Amber", "2027-01-15"],
];

/** A cell as a user reads it back: blanks alike, dates as ISO days. */
function cell(v: CellValue | undefined): CellValue {
  if (v === undefined || v === null || v === "") return null;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  return v;
}

/** Every sheet's grid, without trailing blank rows and columns. */
async function workbookOf(act: Act): Promise<Record<string, CellValue[][]>> {
  const names = await act.host.sheetNames();
  const grids: Grids = await act.host.readSheets(names);
  const out: Record<string, CellValue[][]> = {};
  for (const name of names) {
    const rows = (grids[name] ?? []).map((r) => r.map(cell));
    const trimmed = rows.map((r) => {
      let end = r.length;
      while (end > 0 && r[end - 1] === null) end--;
      return r.slice(0, end);
    });
    while (trimmed.length && trimmed[trimmed.length - 1]!.length === 0) trimmed.pop();
    out[name] = trimmed;
  }
  return out;
}

/** The outcome as the user reads it, with the host's word for its document made one. */
function told(outcome: ActionOutcome, place: string) {
  const words = (s: string) =>
    s
      .split(place)
      .join("this workbook")
      .split(place.charAt(0).toUpperCase() + place.slice(1))
      .join("This workbook");
  return {
    ok: outcome.ok,
    message: words(outcome.message),
    issues: (outcome.issues ?? []).map((i) => `${i.code} ${i.sheet}!${i.cell} ${i.message}`),
  };
}

/** A pane action, or the test's own step; a step that returns an outcome has it recorded too. */
type Step = readonly [PaneAction, string?] | ((act: Act) => Promise<ActionOutcome | void>);

/** Runs the steps on a host and records what each action told the user, and the workbook after. */
async function scenario(
  factory: (typeof ACTING_HOSTS)[number],
  grids: Grids,
  steps: readonly Step[],
  merges?: Merges,
) {
  const act = await factory.create(grids, merges);
  const outcomes = [];
  for (const step of steps) {
    if (typeof step === "function") {
      const outcome = await step(act);
      if (outcome) outcomes.push(told(outcome, act.place));
    } else outcomes.push(told(await act.run(step[0], step[1]), act.place));
  }
  return { outcomes, workbook: await workbookOf(act) };
}

/** The pane's gate form, as it sends it: INI-3 to gate 3 (the Sponsor's), decided by `by`. */
const gateForm = (by: string) =>
  JSON.stringify({
    id: "INI-3",
    gate: "3",
    decision: "Approved",
    decidedBy: by,
    evidence: "Steering minutes",
    confirmedValue: "",
  });

/** Telling people, as `baton notify` and the Sheets alerts run it: tell, and record what was told. */
const tellOn = async (act: Act): Promise<ActionOutcome> =>
  (await tell(act.host, "2026-11-26")).outcome;

const closable = () =>
  workbookGrids(
    smallWorkbook({ checkins: [checkin("2026-W46", "INI-1"), checkin("2026-W48", "INI-2")] }),
  );

/** Edits a sealed cell as a write Baton did not make (a user who lifted the protection). */
const tamper = async (act: Act) => {
  await act.host.apply({
    ops: [{ op: "values", sheet: SHEET.checkins, row: 3, column: 4, values: [[0.9]] }],
  });
};

/** The mapping sheet as the user corrected it: the Team column kept as an extra column. */
const correctedMapping = async (act: Act) => {
  const m = migrate(
    { sheet: TRACKER, grid: trackerGrid },
    { asOf: "2026-11-26", timeZone: ZONE, title: TRACKER },
  );
  const columns = (m.mapping.columns ?? []).map((c) =>
    c.column === "Team" ? { ...c, field: null } : c,
  );
  await act.host.apply(mappingSheetPlan({ ...m.mapping, columns }));
};

/** A plan under a title merged across it, with one team merged down over two of its tasks. */
const mergedTracker: CellValue[][] = [
  ["Q4 delivery plan", null, null, null, null],
  ["Task", "Owner", "Team", "Status", "Due"],
  ["Route tickets by product", "Jonas", "IT Support", "Green", "2026-12-18"],
  ["Knowledge base", "Ava", null, "Amber", "2027-01-15"],
  ["Routing API", "Mira", "Development", "Red", "2026-12-04"],
];
const trackerMerges: Merges = {
  [TRACKER]: [
    { row: 1, column: 1, rows: 1, columns: 5 },
    { row: 3, column: 3, rows: 2, columns: 1 },
  ],
};

const SCENARIOS: readonly {
  name: string;
  grids: () => Grids;
  merges?: Merges;
  steps: readonly Step[];
  check?: (r: Awaited<ReturnType<typeof scenario>>) => void;
}[] = [
  {
    name: "set up the template beside a sheet, then again",
    grids: () => ({ [TRACKER]: trackerGrid }),
    steps: [["setUpTemplate"], ["setUpTemplate"]],
    check: ({ outcomes }) =>
      expect(outcomes[1]!.message).toBe(
        "This workbook already has every Baton sheet; nothing was changed.",
      ),
  },
  {
    // Excel validated a workbook without the template (and listed missing sheets as issues); Sheets refused. Now: refused, naming the sheets.
    name: "refuse an action that needs the template where it is missing",
    grids: () => ({ [TRACKER]: trackerGrid }),
    steps: [
      ["validate"],
      ["refreshStatus"],
      ["writeSummary"],
      ["closePeriod", "2026-W47"],
      ["verify"],
    ],
    check: ({ outcomes }) =>
      expect(
        outcomes.every((o) => !o.ok && /does not have the Baton template yet/.test(o.message)),
      ).toBe(true),
  },
  {
    // The validate message differed by host, and the preview called errors a success. Now: one message, and errors are not ok.
    name: "validate a workbook with an error, and one without",
    grids: () => workbookGrids(smallWorkbook({ checkins: [checkin("2026-W47", "INI-9")] })),
    steps: [
      ["validate"],
      async (act) =>
        void (await act.host.apply({
          ops: [
            {
              op: "clear",
              sheet: SHEET.checkins,
              range: { row: 5, column: 1, rows: 1, columns: 20 },
            },
          ],
        })),
      ["validate"],
    ],
    check: ({ outcomes }) => {
      expect(outcomes[0]).toMatchObject({ ok: false, message: "Baton found 1 error." });
      expect(outcomes[1]).toMatchObject({ ok: true, issues: [] });
    },
  },
  {
    name: "refresh the statuses into the computed columns",
    grids: () => workbookGrids(smallWorkbook()),
    steps: [["refreshStatus"]],
  },
  {
    name: "write this period's board summary sheet, then replace it",
    grids: () => workbookGrids(smallWorkbook()),
    steps: [["writeSummary"], ["writeSummary"]],
  },
  {
    name: "close a period, verify it, and find a sealed cell changed",
    grids: closable,
    steps: [
      ["closePeriod", ""],
      ["closePeriod", "2026-W47"],
      ["verify"],
      tamper,
      ["verify"],
      ["validate"],
    ],
    check: ({ outcomes }) => {
      expect(outcomes[0]!.message).toBe("Say which period to close, such as 2026-W47.");
      // Excel made up codes for a broken seal (`ledger-content-edited`); now it is validation's own issue.
      expect(outcomes[3]!.issues[0]).toMatch(/^sealed-row-edited Check-ins!J3 /);
      expect(outcomes[4]!.issues).toContain(outcomes[3]!.issues[0]);
    },
  },
  {
    // Excel imported without the import report (rejected rows as issues of a made-up code); now every host writes the report and selects it.
    name: "migrate a tracker's sheet into a new workbook, with the import report",
    grids: () => ({ [TRACKER]: trackerGrid }),
    steps: [["migrate", TRACKER]],
    check: ({ outcomes, workbook }) => {
      expect(outcomes[0]!.ok).toBe(true);
      // Every source row is listed in the report, below its header.
      const listed = workbook[IMPORT_REPORT_SHEET]!.map((r) => r[0]);
      for (let row = 2; row <= trackerGrid.length; row++) expect(listed).toContain(row);
      expect(workbook[TRACKER]).toEqual(trackerGrid);
    },
  },
  {
    // Excel refused any workbook with a template sheet; Sheets only one whose template holds rows. Now: an empty template takes the import.
    name: "migrate into a template that is set up but empty, and refuse one that holds data",
    grids: () => ({ [TRACKER]: trackerGrid }),
    steps: [["setUpTemplate"], ["migrate", TRACKER], ["migrate", TRACKER]],
    check: ({ outcomes }) => {
      expect(outcomes[1]!.ok).toBe(true);
      expect(outcomes[2]).toMatchObject({
        ok: false,
        message: expect.stringMatching(
          /^This workbook already holds Baton data \(Objectives has 1 row\)/,
        ),
      });
    },
  },
  {
    name: "upgrade a version 1 workbook in place, then again",
    grids: () => version1Grids(smallWorkbook()),
    steps: [["validate"], ["upgradeTemplate"], ["upgradeTemplate"], ["validate"]],
    check: ({ outcomes, workbook }) => {
      expect(outcomes[0]!.issues).toEqual([
        expect.stringMatching(/^template-outdated Settings!B4 /),
      ]);
      expect(outcomes[1]!.message).toMatch(/^This workbook now uses template version 2\./);
      expect(outcomes[2]!.message).toBe(
        "This workbook already uses template version 2; nothing was changed.",
      );
      expect(outcomes[3]).toMatchObject({ ok: true, issues: [] });
      const before = version1Grids(smallWorkbook())[SHEET.initiatives]!;
      before.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v !== null) expect(workbook[SHEET.initiatives]![r]![c]).toEqual(v);
        }),
      );
    },
  },
  {
    name: "set up a version 1 workbook: the same upgrade, then nothing",
    grids: () => version1Grids(smallWorkbook()),
    steps: [["setUpTemplate"], ["setUpTemplate"], ["validate"]],
    check: ({ outcomes }) => {
      expect(outcomes[0]!.message).toMatch(/^This workbook now uses template version 2\./);
      expect(outcomes[1]!.message).toMatch(/already has every Baton sheet; nothing was changed/);
      expect(outcomes[2]).toMatchObject({ ok: true, issues: [] });
    },
  },
  {
    // Excel would import one of Baton's own sheets; Sheets refused. Now refused everywhere.
    name: "refuse to migrate one of Baton's own sheets",
    grids: () => workbookGrids(smallWorkbook()),
    steps: [["migrate", SHEET.initiatives]],
    check: ({ outcomes }) => expect(outcomes[0]!.message).toMatch(/is one of Baton's own sheets/),
  },
  {
    // Excel ignored the mapping sheet a user corrected; now every host reads it.
    name: "migrate with the corrections in the mapping sheet",
    grids: () => ({ [TRACKER]: trackerGrid }),
    steps: [correctedMapping, ["migrate", TRACKER]],
    check: ({ workbook }) => {
      expect(workbook[MAPPING_SHEET]).toBeDefined();
      const initiatives = workbook[SHEET.initiatives]!;
      const team = initiatives[0]!.indexOf("Team");
      expect(initiatives.slice(1).every((r) => r[team] === null || r[team] === undefined)).toBe(
        true,
      );
    },
  },
  {
    // A Green that a late hand-off contradicts is a warning in every host's list of issues.
    name: "validate check-ins that report Green against a hand-off ten days late",
    grids: () => {
      const spec = smallWorkbook({ checkins: [checkin("2026-W48", "INI-1")] });
      spec.handoffs = [handoff("DEP-1", "INI-1", "INI-2", { "Needed By": "2026-11-16" })];
      return workbookGrids(spec);
    },
    steps: [["validate"]],
    check: ({ outcomes }) => {
      expect(outcomes[0]!.message).toBe("Baton found 2 warnings.");
      expect(outcomes[0]!.issues).toEqual([
        "false-green Check-ins!C3 Check-ins!C3: You report Green, but DEP-1, which you wait on from Team A, is 6 days late.",
        "false-green Check-ins!C5 Check-ins!C5: You report Green, but DEP-1, which you owe Team B, is 10 days late.",
      ]);
    },
  },
  {
    // Excel read the tracker without its merged ranges, so a team merged down reached only its first task; Sheets and the command line honoured them. Now every host hands the core the merges.
    name: "migrate a tracker with merged cells: a title across, a team down",
    grids: () => ({ [TRACKER]: mergedTracker }),
    merges: trackerMerges,
    steps: [["migrate", TRACKER]],
    check: ({ outcomes, workbook }) => {
      expect(outcomes[0]!.ok).toBe(true);
      const initiatives = workbook[SHEET.initiatives]!;
      const [name, team] = ["Initiative", "Team"].map((h) => initiatives[0]!.indexOf(h));
      expect(initiatives.slice(1).map((r) => [r[name!], r[team!]])).toEqual([
        ["Route tickets by product", "IT Support"],
        ["Knowledge base", "IT Support"],
        ["Routing API", "Development"],
      ]);
    },
  },
  {
    name: "tell people of a hand-off gone Red, then nothing new on a rerun",
    grids: () => ({
      ...workbookGrids(
        smallWorkbook({
          handoffs: [
            handoff("DEP-2", "INI-1", "INI-2", { Owner: "Hana Kim", "Needed By": "2026-11-16" }),
          ],
        }),
      ),
      People: [
        ["Name", "Email", "Team", "Role"],
        ["Hana Kim", "hana@example.com", "Development", "Lead"],
      ],
    }),
    steps: [tellOn, tellOn],
    check: ({ outcomes }) => {
      expect(outcomes[0]!.message).toMatch(
        /^\d+ changes to tell 1 person about\. People has no address for Ines;/,
      );
      expect(outcomes[1]!.message).toMatch(/^Nothing new to tell since /);
    },
  },
  {
    name: "record gate decisions from the pane: a self-approval refused, the sponsor's recorded",
    grids: () =>
      workbookGrids({
        ...smallWorkbook({
          initiatives: [initiative("INI-3", "OBJ-1", { Sponsor: "Sam", Controller: "Cora" })],
        }),
        gateDecisions: [
          {
            Date: "2026-10-01",
            ID: "INI-3",
            Gate: 2,
            Decision: "Approved",
            "Decided By": "Ines",
            Role: "Owner",
            Evidence: "Business case",
          },
        ],
      }),
    steps: [
      ["recordGateDecision", gateForm("Ines")],
      ["recordGateDecision", gateForm("Sam")],
    ],
    check: ({ outcomes, workbook }) => {
      expect(outcomes[0]!.ok).toBe(false);
      expect(outcomes[0]!.issues).toEqual([
        expect.stringMatching(/^gate-owner-decides Gate Decisions!E3 /),
      ]);
      expect(outcomes[1]!).toMatchObject({
        ok: true,
        message:
          "Recorded on Gate Decisions row 3: INI-3 gate 3 approved by Sam (Sponsor). INI-3 is at gate 3.",
      });
      const decisions = workbook[SHEET.gateDecisions]!;
      expect(decisions).toHaveLength(3);
      const initiatives = workbook[SHEET.initiatives]!;
      const gate = initiatives[0]!.indexOf("Gate");
      expect(initiatives.find((r) => r[0] === "INI-3")![gate]).toBe(3);
    },
  },
];

describe.each(ACTING_HOSTS)("every action on $name", (factory) => {
  it.each(SCENARIOS)("$name: the same outcome and workbook as in memory", async (s) => {
    const reference = await scenario(memoryActs, s.grids(), s.steps, s.merges);
    s.check?.(reference);
    const got = await scenario(factory, s.grids(), s.steps, s.merges);
    expect(got.outcomes).toEqual(reference.outcomes);
    expect(got.workbook).toEqual(reference.workbook);
  });
});

export { NOW };

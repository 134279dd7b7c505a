/**
 * The demo workbook: an IT-support objective whose resolution-time initiative is stalled on a
 * development team's hand-off, among four objectives, fifteen initiatives across four teams,
 * eleven hand-offs, five KPIs and six weeks of check-ins.
 *
 * Every date is placed relative to "today", so the story is current whenever it is generated:
 * the development team's routing API was needed ten days ago and is still not delivered, while
 * the development team keeps reporting Green on its own initiative: a false green, which the
 * sidebar names as it is typed ("You report Green, but DEP-1, which you owe IT Support, is 10
 * days late"). Its progress is otherwise on pace, so the hand-off is the whole of the evidence.
 * A few other teams report Green against a declined or knowingly late hand-off, as real
 * trackers do, and the board summary lists them too. A few honest mistakes are
 * left in, as a real tracker has them: an Amber check-in without a Path to Green, a check-in
 * for an initiative ID that does not exist, and "TBC" typed into a date column. Its governance
 * story (gates and value) is in demo-gates.ts.
 */
import { daysFromIso, isoFromDays, type IsoDate } from "../cells/dates.ts";
import { formatPeriod, periodOf, previousPeriod, periodEnd, type Period } from "./periods.ts";
import type { PlanValue } from "../ports/plan.ts";
import type { TemplateContent } from "./write.ts";
import { DEMO_VALUE, demoGateDecisions } from "./demo-gates.ts";
import { demoPeople } from "./demo-people.ts";

export interface DemoOptions {
  /** The day the story is told on, in the workbook's zone. */
  readonly today: IsoDate;
  readonly timeZone: string;
}

export function demoContent({ today, timeZone }: DemoOptions): TemplateContent {
  const t = daysFromIso(today);
  if (t === undefined) throw new RangeError(`today must be an ISO date, got ${today}`);
  const d = (offset: number) => isoFromDays(t + offset);

  const current = periodOf(today, "Weekly");
  const weeks: Period[] = [current];
  for (let i = 0; i < 5; i++) weeks.unshift(previousPeriod(weeks[0]!));
  const w = (i: number) => formatPeriod(weeks[i]!);
  // Check-ins are entered on the Friday of their week: two days before the week's Sunday.
  const friday = (i: number) =>
    isoFromDays(Math.min(t, daysFromIso(periodEnd(weeks[i]!))! - 2)) + "T16:30:00";

  const objectives: PlanValue[][] = [
    [
      "OBJ-1",
      "Halve customer ticket resolution time",
      "Priya Nair",
      d(150),
      "Board priority for the year",
      null,
      null,
    ],
    ["OBJ-2", "Launch the self-service customer portal", "Marco Rossi", d(120), null, null, null],
    [
      "OBJ-3",
      "Move core services to the new data centre",
      "Lena Fischer",
      d(200),
      "Lease on the old site ends next year",
      null,
      null,
    ],
    ["OBJ-4", "Retire the legacy ticketing system", "Priya Nair", d(60), null, null, null],
  ];

  const kpis: PlanValue[][] = [
    [
      "KPI-1",
      "OBJ-1",
      "Median ticket resolution time",
      "hours",
      "Decrease",
      40,
      20,
      d(150),
      "Priya Nair",
      null,
      null,
      null,
    ],
    [
      "KPI-2",
      "OBJ-1",
      "First-contact resolution rate",
      "%",
      "Increase",
      55,
      70,
      d(150),
      "Sam Okafor",
      null,
      null,
      null,
    ],
    [
      "KPI-3",
      "OBJ-2",
      "Weekly active portal customers",
      "customers",
      "Increase",
      0,
      2000,
      d(120),
      "Marco Rossi",
      null,
      null,
      null,
    ],
    [
      "KPI-4",
      "OBJ-3",
      "Services migrated",
      "services",
      "Increase",
      0,
      40,
      d(200),
      "Lena Fischer",
      null,
      null,
      null,
    ],
    [
      "KPI-5",
      "OBJ-4",
      "Tickets still on the legacy system",
      "tickets",
      "Decrease",
      1200,
      0,
      d(60),
      "Priya Nair",
      null,
      null,
      null,
    ],
  ];

  const I = (
    id: string,
    obj: string,
    name: string,
    team: string,
    owner: string,
    start: number,
    due: number,
    stage: string,
  ): PlanValue[] => [
    ...[id, obj, name, team, owner, d(start), d(due), stage],
    ...(DEMO_VALUE[id] ?? [null, null, null, null]),
  ];
  const initiatives: PlanValue[][] = [
    I(
      "INI-1",
      "OBJ-1",
      "Automate ticket triage and routing",
      "IT Support",
      "Sam Okafor",
      -70,
      40,
      "In progress",
    ),
    I(
      "INI-2",
      "OBJ-1",
      "Knowledge base for the top 50 incidents",
      "IT Support",
      "Aisha Khan",
      -60,
      30,
      "In progress",
    ),
    I(
      "INI-3",
      "OBJ-1",
      "Resolution-time dashboard",
      "Data & Analytics",
      "Tom Becker",
      -30,
      50,
      "In progress",
    ),
    I(
      "INI-4",
      "OBJ-1",
      "Train first-line agents on the new routing",
      "IT Support",
      "Aisha Khan",
      5,
      60,
      "Not started",
    ),
    I(
      "INI-5",
      "OBJ-1",
      "Routing API in the service desk",
      "Development",
      "Jonas Weber",
      -50,
      20,
      "In progress",
    ),
    I("INI-6", "OBJ-2", "Customer portal MVP", "Development", "Elif Demir", -80, 45, "In progress"),
    I(
      "INI-7",
      "OBJ-2",
      "Single sign-on for the portal",
      "Development",
      "Elif Demir",
      -20,
      35,
      "In progress",
    ),
    I(
      "INI-8",
      "OBJ-3",
      "Provision racks in the new data centre",
      "Infrastructure",
      "Lena Fischer",
      -90,
      30,
      "In progress",
    ),
    I(
      "INI-9",
      "OBJ-3",
      "Identity provider migration",
      "Infrastructure",
      "Ravi Patel",
      -40,
      25,
      "In progress",
    ),
    I("INI-10", "OBJ-3", "Network refresh", "Infrastructure", "Ravi Patel", -100, -5, "Done"),
    I(
      "INI-11",
      "OBJ-3",
      "Data warehouse migration",
      "Data & Analytics",
      "Tom Becker",
      -30,
      90,
      "In progress",
    ),
    I(
      "INI-12",
      "OBJ-2",
      "Portal usage analytics",
      "Data & Analytics",
      "Mei Chen",
      -25,
      40,
      "In progress",
    ),
    I(
      "INI-13",
      "OBJ-4",
      "Export open tickets from the legacy system",
      "IT Support",
      "Sam Okafor",
      -45,
      20,
      "In progress",
    ),
    I(
      "INI-14",
      "OBJ-4",
      "Archive legacy attachments",
      "Infrastructure",
      "Ravi Patel",
      -30,
      60,
      "On hold",
    ),
    I(
      "INI-15",
      "OBJ-3",
      "Retire the old VPN concentrators",
      "Infrastructure",
      "Ravi Patel",
      -60,
      -10,
      "Done",
    ),
  ];

  const H = (
    id: string,
    from: string,
    to: string,
    what: string,
    needed: number,
    committed: number | string | null,
    delivered: number | null,
    state: string,
    owner: string,
  ): PlanValue[] => [
    id,
    from,
    to,
    what,
    d(needed),
    typeof committed === "number" ? d(committed) : committed,
    delivered === null ? null : d(delivered),
    state,
    owner,
    null,
    null,
    null,
  ];
  const handoffs: PlanValue[][] = [
    H(
      "DEP-1",
      "INI-5",
      "INI-1",
      "Routing API endpoint in staging",
      -10,
      -10,
      null,
      "Accepted",
      "Jonas Weber",
    ),
    H(
      "DEP-2",
      "INI-1",
      "INI-4",
      "Routing rules live for agent training",
      12,
      null,
      null,
      "Requested",
      "Sam Okafor",
    ),
    H("DEP-3", "INI-1", "INI-3", "Ticket category feed", 20, 18, null, "Accepted", "Sam Okafor"),
    H(
      "DEP-4",
      "INI-2",
      "INI-4",
      "Knowledge base articles for training",
      10,
      8,
      -3,
      "Delivered",
      "Aisha Khan",
    ),
    H(
      "DEP-5",
      "INI-9",
      "INI-7",
      "Identity provider tenant for the portal",
      3,
      null,
      null,
      "Requested",
      "Ravi Patel",
    ),
    H(
      "DEP-6",
      "INI-8",
      "INI-11",
      "Racks with storage for the warehouse",
      30,
      41,
      null,
      "Accepted",
      "Lena Fischer",
    ),
    H("DEP-7", "INI-6", "INI-12", "Portal event stream", -15, -16, -16, "Delivered", "Elif Demir"),
    H(
      "DEP-8",
      "INI-10",
      "INI-8",
      "Network uplinks to the new racks",
      -20,
      -22,
      -21,
      "Delivered",
      "Ravi Patel",
    ),
    H(
      "DEP-9",
      "INI-11",
      "INI-3",
      "Warehouse tables for tickets",
      25,
      25,
      null,
      "In progress",
      "Tom Becker",
    ),
    H("DEP-10", "INI-6", "INI-7", "Portal login page", 14, 12, null, "In progress", "Elif Demir"),
    H(
      "DEP-11",
      "INI-3",
      "INI-2",
      "Search analytics showing knowledge gaps",
      15,
      "TBC",
      null,
      "Declined",
      "Tom Becker",
    ),
  ];

  // Weekly RAG of each initiative, oldest week first; null means no check-in that week.
  type R = "Green" | "Amber" | "Red" | null;
  const story: [string, R[], string, string | null][] = [
    [
      "INI-1",
      ["Green", "Green", "Amber", "Amber", "Red", "Red"],
      "Waiting on the routing API from Development",
      "Escalate DEP-1 to the development lead; fall back to manual routing rules by month end",
    ],
    [
      "INI-2",
      ["Green", "Green", "Green", "Green", "Green", "Green"],
      "37 of 50 articles published",
      null,
    ],
    [
      "INI-3",
      ["Green", "Green", "Green", "Amber", "Amber", null],
      "Needs the ticket category feed",
      "Prototype on last quarter's export until the feed arrives",
    ],
    [
      "INI-5",
      ["Green", "Green", "Green", "Green", "Green", "Green"],
      "Portal work took priority this sprint",
      null,
    ],
    [
      "INI-6",
      ["Green", "Green", "Amber", "Green", "Green", "Green"],
      "Beta with 40 customers",
      "Two testers lent by IT Support for two sprints",
    ],
    [
      "INI-7",
      [null, null, "Green", "Green", "Green", "Amber"],
      "Identity tenant not requested yet",
      null,
    ],
    ["INI-8", ["Green", "Green", "Green", "Green", "Green", "Green"], "Racks 1-6 powered", null],
    [
      "INI-9",
      ["Green", "Amber", "Amber", "Green", "Green", "Green"],
      "Pilot group migrated",
      "Second migration window booked with the vendor",
    ],
    ["INI-11", ["Green", "Green", "Green", "Green", "Green", "Green"], "Schema mapped", null],
    ["INI-12", [null, "Green", "Green", "Green", "Green", "Green"], "Event stream flowing", null],
    ["INI-13", ["Green", "Green", null, null, null, null], "Export script drafted", null],
    [
      "INI-14",
      ["Green", "Amber", null, null, null, null],
      "Paused until the archive budget is approved",
      "Budget decision at the next steering meeting",
    ],
  ];
  const progress: Record<string, number> = {
    "INI-1": 0.35,
    "INI-2": 0.74,
    "INI-3": 0.3,
    // On pace (50% with 71% of its time gone is within 25 points): only DEP-1 contradicts its Green.
    "INI-5": 0.5,
    "INI-6": 0.6,
    "INI-7": 0.2,
    "INI-8": 0.7,
    "INI-9": 0.55,
    "INI-11": 0.25,
    "INI-12": 0.4,
    "INI-13": 0.15,
    "INI-14": 0.05,
  };
  const reporter: Record<string, string> = {};
  for (const row of initiatives) reporter[row[0] as string] = row[4] as string;

  const checkins: PlanValue[][] = [];
  for (let i = 0; i < weeks.length; i++) {
    for (const [id, rags, comment, path] of story) {
      const rag = rags[i];
      if (!rag) continue;
      const share = (progress[id] ?? 0.5) * ((i + 1) / weeks.length);
      checkins.push([
        w(i),
        id,
        rag,
        Math.round(share * 100) / 100,
        null,
        comment,
        rag === "Green" ? null : path,
        reporter[id] ?? null,
        friday(i),
        null,
      ]);
    }
  }
  const kpiActuals: [string, number[], string][] = [
    ["KPI-1", [40, 39.5, 39, 38.8, 38.5, 38.4], "Priya Nair"],
    ["KPI-2", [55, 56, 57.5, 58, 59.5, 60], "Sam Okafor"],
    ["KPI-3", [120, 260, 410, 560, 700, 860], "Marco Rossi"],
    ["KPI-4", [2, 4, 5, 7, 9, 10], "Lena Fischer"],
    ["KPI-5", [1200, 1150, 1100, 1060, 1000, 950], "Priya Nair"],
  ];
  for (let i = 0; i < weeks.length; i++)
    for (const [id, values, who] of kpiActuals)
      checkins.push([w(i), id, null, null, values[i]!, null, null, who, friday(i), null]);

  // The honest mistakes: an Amber check-in with no Path to Green (INI-7, this week, above) and a typo'd ID.
  checkins.push([
    w(5),
    "INI-21",
    "Green",
    0.1,
    null,
    "Vendor contract signed",
    null,
    "Mei Chen",
    friday(5),
    null,
  ]);

  const content: TemplateContent = {
    settings: {
      timeZone,
      cadence: "Weekly",
      amberWindow: 5,
      staleAfter: 1,
      holidays: [d(29)],
      currentPeriod: formatPeriod(current),
    },
    objectives,
    kpis,
    initiatives,
    handoffs,
    checkins,
    gateDecisions: demoGateDecisions(d),
  };
  return { ...content, people: demoPeople(content) };
}

/**
 * A foreign tracker to migrate: the CSV a PMO exports from the spreadsheet it has kept for
 * years, with its own headers (Responsible, Workstream, Due date), status words of every
 * spelling, dates in ISO and European form, and dependencies typed as free text: mostly the
 * name of an earlier project as the sheet spells it, sometimes its row number, now and then
 * a name that matches nothing (a typo, a project since renamed).
 */
import { seeded } from "./random.ts";
import { daysFromIso, isoFromDays } from "@baton/core";

const STATUS = [
  "on track",
  "On Track",
  "G",
  "green",
  "at risk",
  "A",
  "amber",
  "off track",
  "R",
  "red",
  "done",
  "Completed",
  "on hold",
];
const WORDS = [
  "Billing",
  "Portal",
  "Network",
  "Payroll",
  "Warehouse",
  "Identity",
  "Reporting",
  "Mobile",
  "Vendor",
  "Asset",
  "Backup",
  "Intranet",
];
const PEOPLE = [
  "A. Khan",
  "B. Okafor",
  "C. Becker",
  "D. Weber",
  "E. Demir",
  "F. Rossi",
  "G. Fischer",
  "H. Nair",
];

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** `rows` data rows below one header row. */
export function trackerCsv(rows: number, seed = 50_000): string {
  const r = seeded(seed);
  const today = daysFromIso("2026-11-26")!;
  const euro = (d: number) => {
    const [y, m, day] = isoFromDays(d).split("-");
    return `${day}.${m}.${y}`;
  };
  const lines = [
    "Project,Workstream,Responsible,Start,Due date,Status,Progress,Dependencies,Comments",
  ];
  const names: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const start = today - r.int(10, 300);
    const due = start + r.int(30, 400);
    const name = `${r.pick(WORDS)} ${r.pick(["upgrade", "migration", "rollout", "clean-up"])} ${i}`;
    names.push(name);
    let dep = "";
    if (i > 5 && r.chance(0.2)) {
      const earlier = r.int(Math.max(1, i - 50), i - 1);
      const how = r.weighted({ name: 85, row: 10, none: 5 });
      dep =
        how === "name"
          ? `waiting on ${names[earlier - 1]}`
          : how === "row"
            ? `blocked by #${earlier}`
            : `waiting on the ${r.pick(WORDS)} vendor`;
    }
    lines.push(
      [
        name,
        `Team ${r.int(1, 40)}`,
        r.pick(PEOPLE),
        isoFromDays(start),
        r.chance(0.5) ? isoFromDays(due) : euro(due),
        r.pick(STATUS),
        `${r.int(0, 100)}%`,
        dep,
        r.chance(0.3) ? "Needs sign-off, see the steering minutes" : "",
      ]
        .map(quote)
        .join(","),
    );
  }
  return lines.join("\n") + "\n";
}

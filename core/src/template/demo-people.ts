/**
 * The demo's People sheet: everyone the story names as an owner, sponsor, controller, reporter
 * or decider, with an address at example.com. A team trying `baton notify` on the demo then
 * sees what each person would be told, and the domain, reserved for examples, reaches nobody.
 */
import { COLUMNS, ROLE, type Column, type SheetKey } from "./sheets.ts";
import type { SheetRows, TemplateContent } from "./write.ts";

/** The sheets and columns that name people, and the role each column means, if any. */
const NAMING: readonly { sheet: Exclude<SheetKey, "settings">; key: string; role?: string }[] = [
  { sheet: "initiatives", key: "owner", role: "Owner" },
  { sheet: "initiatives", key: "sponsor", role: "Sponsor" },
  { sheet: "initiatives", key: "controller", role: "Controller" },
  { sheet: "objectives", key: "owner", role: "Owner" },
  { sheet: "kpis", key: "owner", role: "Owner" },
  { sheet: "handoffs", key: "owner", role: "Owner" },
  { sheet: "checkins", key: "reportedBy" },
  { sheet: "gateDecisions", key: "decidedBy" },
];

const at = (sheet: Exclude<SheetKey, "settings">, key: string) =>
  (COLUMNS[sheet] as readonly Column[]).findIndex((c) => c.key === key);

/** `Jonas Weber` → `jonas.weber@example.com`; accents dropped, as a mail system would. */
const addressOf = (name: string) =>
  name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "") + "@example.com";

/** People rows (Name, Email, Team, Role) for every name the content uses, in first-use order. */
export function demoPeople(content: TemplateContent): SheetRows {
  const initiatives = content.initiatives ?? [];
  const teamOf = new Map<string, string>();
  const idAt = at("initiatives", "id");
  const teamAt = at("initiatives", "team");
  for (const row of initiatives) teamOf.set(String(row[idAt]), String(row[teamAt]));
  const people = new Map<string, { team: string | null; roles: Set<string> }>();
  for (const { sheet, key, role } of NAMING) {
    const column = at(sheet, key);
    // The content names its rows by the sheet's key.
    const rows = (content[sheet] as SheetRows | undefined) ?? [];
    for (const row of rows) {
      const name = row[column];
      if (typeof name !== "string" || !name.trim()) continue;
      const person = people.get(name) ?? { team: null, roles: new Set<string>() };
      people.set(name, person);
      if (role) person.roles.add(role);
      // A person's team is the team of the first initiative they own, or deliver a hand-off from.
      if (person.team === null && sheet === "initiatives" && key === "owner")
        person.team = String(row[teamAt]);
      if (person.team === null && sheet === "handoffs")
        person.team = teamOf.get(String(row[at("handoffs", "from")])) ?? null;
    }
  }
  return [...people].map(([name, p]) => [
    name,
    addressOf(name),
    p.team,
    ROLE.filter((r) => p.roles.has(r)).join(", ") || null,
  ]);
}

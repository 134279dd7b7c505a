/**
 * The optional People sheet (Name, Email, Team, Role): the addresses behind the names used as
 * Owner, Sponsor and Controller. Names match ignoring case and spacing, so "Ana  Ruiz" in an
 * Owner cell reaches "ana ruiz" in People.
 */
import { a1 } from "../cells/a1.ts";
import type { CellValue, Grid } from "../cells/values.ts";
import { makeIssue, type ValidationIssue } from "../issues/issues.ts";

export const PEOPLE_SHEET = "People";
/** The People sheet's columns, as Baton writes them (read by header, in any order). */
export const PEOPLE_HEADERS = ["Name", "Email", "Team", "Role"] as const;

export interface Person {
  readonly name: string;
  /** Null when the row has none, or one that cannot be sent to (an issue says which). */
  readonly email: string | null;
  readonly team: string | null;
  readonly role: string | null;
  readonly row: number;
}

export interface People {
  /** The person a name in an Owner, Sponsor or Controller cell means, if People lists them. */
  find(name: string): Person | undefined;
  readonly list: readonly Person[];
  readonly issues: readonly ValidationIssue[];
}

/** How names are compared: case and every kind of spacing ignored. */
export const personKey = (name: string): string => name.replace(/\s+/g, "").toLowerCase();

// Deliberately plain: one @, something before it, a dotted domain after, no spaces or brackets
// (which would let a cell add a second recipient or a display name to the header).
const EMAIL = /^[^\s@<>,;"()[\]\\]+@[^\s@<>,;"()[\]\\]+\.[^\s@<>,;"()[\]\\.]+$/;

export const isEmail = (text: string): boolean => EMAIL.test(text);

const text = (v: CellValue): string | null => {
  if (v === null || v === undefined) return null;
  const s = (v instanceof Date ? v.toISOString() : String(v)).trim();
  return s ? s : null;
};

const headerKey = (v: CellValue) => (text(v) ?? "").toLowerCase().replace(/\s+/g, " ");

/** Reads People; an absent sheet is an empty list, not an issue (the sheet is optional). */
export function readPeople(grid: Grid | undefined, sheet = PEOPLE_SHEET): People {
  const list: Person[] = [];
  const issues: ValidationIssue[] = [];
  const byKey = new Map<string, Person>();
  const header = (grid?.[0] ?? []).map(headerKey);
  const col = (h: string) => header.indexOf(h);
  const [nameCol, emailCol, teamCol, roleCol] = ["name", "email", "team", "role"].map(col);
  const loc = (row: number, column: number, label: string) => ({
    sheet,
    row,
    column: label,
    cell: a1(row, column + 1),
  });
  if (grid && grid.length > 1 && (nameCol! < 0 || emailCol! < 0)) {
    const missing = nameCol! < 0 ? "Name" : "Email";
    issues.push(makeIssue(loc(1, header.length, missing), { code: "missing-column" }));
    return { find: () => undefined, list, issues };
  }
  for (let r = 1; grid && r < grid.length; r++) {
    const cells = grid[r] ?? [];
    const name = text(cells[nameCol!]);
    if (!name) continue;
    const row = r + 1;
    const rawEmail = text(cells[emailCol!]);
    let email: string | null = null;
    if (rawEmail && isEmail(rawEmail)) email = rawEmail;
    else
      issues.push(
        rawEmail
          ? makeIssue(loc(row, emailCol!, "Email"), {
              code: "invalid-email",
              name,
              value: rawEmail,
            })
          : makeIssue(loc(row, emailCol!, "Email"), { code: "required" }),
      );
    const person: Person = {
      name,
      email,
      team: teamCol! >= 0 ? text(cells[teamCol!]) : null,
      role: roleCol! >= 0 ? text(cells[roleCol!]) : null,
      row,
    };
    const key = personKey(name);
    const first = byKey.get(key);
    if (first) {
      issues.push(
        makeIssue(loc(row, nameCol!, "Name"), {
          code: "duplicate-person",
          name,
          firstRow: first.row,
        }),
      );
      continue;
    }
    byKey.set(key, person);
    list.push(person);
  }
  return { find: (name) => byKey.get(personKey(name)), list, issues };
}

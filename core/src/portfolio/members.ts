/**
 * The members of a portfolio: each workbook read and validated on its own, then named. The
 * name is Settings' Workbook; names are matched ignoring case and shown as the first member
 * with that name spells it.
 *
 * Decisions where DESIGN.md is silent:
 * - A member without a Workbook name is an error on its Settings sheet, and the portfolio
 *   still evaluates it under its file's name (letters, digits and dashes kept), so its own
 *   statuses are not lost; nothing else can name it until it has a name.
 * - Of two members with one name, the first (in the order given) keeps it; the second is an
 *   error and is left out of the graph (its IDs would be ambiguous), named in the output.
 */
import type { Grids } from "../cells/values.ts";
import { isBlank } from "../cells/values.ts";
import { a1 } from "../cells/a1.ts";
import { makeIssue, type IssueLocation, type ValidationIssue } from "../issues/issues.ts";
import { validateGrids } from "../ledger/validation.ts";
import { settingKeyOf, type SettingKey } from "../template/settings.ts";
import { SHEET } from "../template/sheets.ts";
import type { Workbook } from "../workbook/read.ts";

/** A workbook as the host read it, named by what the user calls it (a file's path). */
export interface MemberInput {
  readonly file: string;
  readonly grids: Grids;
  /** What the host could not read as it should (a malformed CSV), as issues. */
  readonly unread?: readonly ValidationIssue[];
  /** The seal anchor from its hidden storage, when the host read it. */
  readonly anchor?: string | null;
}

export interface Member {
  /** The Workbook name IDs are qualified with. */
  readonly name: string;
  readonly file: string;
  readonly grids: Grids;
  readonly workbook: Workbook;
  /** Its own validation issues, then the portfolio's about it. */
  readonly issues: ValidationIssue[];
  /** False when it is left out of the graph (a second member with a name already taken). */
  readonly inGraph: boolean;
}

export interface ValidateClock {
  readonly now?: Date;
  readonly today?: string;
}

/** Reads, validates and names every member, in the order given. */
export function nameMembers(inputs: readonly MemberInput[], clock: ValidateClock = {}): Member[] {
  const taken = new Map<string, Member>();
  return inputs.map((input) => {
    const anchor = input.anchor === undefined ? {} : { anchor: input.anchor };
    const { workbook, issues } = validateGrids(input.grids, [], { ...clock, ...anchor });
    const all = [...(input.unread ?? []), ...issues];
    const own = workbook.settings.workbook;
    let name = own ?? fallbackName(input.file);
    if (own === null)
      all.push(
        makeIssue(settingsRow(input.grids, workbook, null), {
          code: "missing-workbook-name",
          file: input.file,
        }),
      );
    const first = taken.get(name.toLowerCase());
    if (first) {
      if (own !== null)
        all.push(
          makeIssue(settingsRow(input.grids, workbook, "workbook"), {
            code: "duplicate-workbook-name",
            workbook: own,
            file: input.file,
            otherFile: first.file,
          }),
        );
      name = first.name;
      return { name, file: input.file, grids: input.grids, workbook, issues: all, inGraph: false };
    }
    const member: Member = {
      name,
      file: input.file,
      grids: input.grids,
      workbook,
      issues: all,
      inGraph: true,
    };
    taken.set(name.toLowerCase(), member);
    return member;
  });
}

/** A name from a file's base name: `it support.xlsx` → `it-support`. */
function fallbackName(file: string): string {
  const base =
    file
      .replace(/[\\/]+$/, "")
      .split(/[\\/]/)
      .pop() ?? file;
  const stem = base.replace(/\.[^.]*$/, "");
  const name = stem.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "");
  return name.slice(0, 40) || "workbook";
}

/**
 * The Settings Value cell of a setting (the row that holds it), or for `null` the first free
 * row, where the missing one belongs.
 */
export function settingsRow(
  grids: Grids,
  workbook: Workbook,
  key: SettingKey | null,
): IssueLocation {
  const layout = workbook.layout.settings;
  const sheet = layout?.name ?? SHEET.settings;
  const keyCol = layout?.columns.key ?? 1;
  const valueCol = layout?.columns.value ?? 2;
  const grid = grids[sheet] ?? [];
  let row = grid.length + 1;
  if (key !== null)
    for (let r = 1; r < grid.length; r++) {
      const cell = grid[r]?.[keyCol - 1];
      if (!isBlank(cell) && settingKeyOf(String(cell)) === key) {
        row = r + 1;
        break;
      }
    }
  const col = key === null ? keyCol : valueCol;
  return { sheet, row, column: col === keyCol ? "Key" : "Value", cell: a1(row, col) };
}

/**
 * Upgrading a workbook to the current template version, in place: the columns and sheets a
 * later version added are appended (columns after the last used column of their sheet, sheets at
 * the end) and Template Version is set. Nothing that is there is moved or changed, so a team's
 * own columns, formats and data stay where they are, and a second upgrade finds nothing to do.
 *
 * The plan is computed from the grids alone, so every host upgrades the same way and
 * validation can say "run baton upgrade" exactly when upgrading would change something.
 */
import { isBlank, type Grid, type Grids } from "../cells/values.ts";
import { coerceNumber } from "../workbook/coerce.ts";
import { findSheet } from "../workbook/read.ts";
import { a1 } from "../cells/a1.ts";
import {
  COMPUTED_HEADER_FORMAT,
  HEADER_FORMAT,
  type WriteOp,
  type WritePlan,
} from "../ports/plan.ts";
import { COLUMNS, SHEET, TEMPLATE_VERSION, type Column, type SheetKey } from "./sheets.ts";
import { SETTING_KEYS, settingKeyOf } from "./settings.ts";
import { sheetOps } from "./write.ts";

/** What an upgrade adds: for the user's message and for validation's hint. */
export interface Upgrade {
  readonly plan: WritePlan;
  /** Columns added, by sheet. */
  readonly columns: readonly { readonly sheet: string; readonly headers: readonly string[] }[];
  /** Sheets added. */
  readonly sheets: readonly string[];
  /** The version Template Version was set to, when it was changed; else null. */
  readonly version: number | null;
  /**
   * Where Template Version is (or will be written): the Settings row and A1 cell of its Value,
   * so one issue can point there. Null without a Settings sheet.
   */
  readonly versionCell: {
    readonly sheet: string;
    readonly row: number;
    readonly cell: string;
  } | null;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");

/** Sheets whose columns a later version extended (their headers are read to find what is missing). */
const EXTENDED: readonly Exclude<SheetKey, "settings">[] = ["initiatives"];
/** Sheets a later version added, appended when absent. */
const ADDED: readonly Exclude<SheetKey, "settings">[] = ["gateDecisions"];

/** The grids an upgrade reads: the extended sheets and Settings. */
export const UPGRADE_READS: readonly string[] = [...EXTENDED.map((k) => SHEET[k]), SHEET.settings];

/**
 * Width of a sheet: up to the last non-blank cell of any row. New columns go after it, not
 * after the last header, so a team's column without a header keeps its cells unlabelled.
 */
function usedWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid)
    for (let c = row.length - 1; c >= w; c--)
      if (!isBlank(row[c])) {
        w = c + 1;
        break;
      }
  return w;
}

function addColumns(key: Exclude<SheetKey, "settings">, name: string, grid: Grid) {
  const header = grid[0] ?? [];
  const have = new Set(
    header.filter((v) => !isBlank(v)).map((v) => norm(typeof v === "string" ? v : String(v))),
  );
  // Only columns a later version added: a version 1 column that is missing is the team's to
  // restore (validation names it), not something to append silently.
  const missing = (COLUMNS[key] as readonly Column[]).filter(
    (c) => c.since !== undefined && !have.has(norm(c.header)),
  );
  const ops: WriteOp[] = [];
  const at = usedWidth(grid) + 1;
  if (!missing.length) return { ops, added: null };
  ops.push({
    op: "values",
    sheet: name,
    row: 1,
    column: at,
    values: [missing.map((c) => c.header)],
  });
  missing.forEach((c, i) =>
    ops.push({
      op: "format",
      sheet: name,
      range: { row: 1, column: at + i, rows: 1, columns: 1 },
      format: c.computed ? COMPUTED_HEADER_FORMAT : HEADER_FORMAT,
    }),
  );
  return { ops, added: { sheet: name, headers: missing.map((c) => c.header) } };
}

/** The Template Version cell of Settings, and the op that sets it when it is below the current version. */
function setVersion(name: string, grid: Grid) {
  const header = grid[0] ?? [];
  const colOf = (h: string, dflt: number) => {
    const i = header.findIndex((v) => typeof v === "string" && norm(v) === norm(h));
    return i < 0 ? dflt : i + 1;
  };
  const keyCol = colOf("Key", 1);
  const valueCol = colOf("Value", 2);
  let last = 1;
  for (let r = 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    if (row.some((v) => !isBlank(v))) last = r + 1;
    const k = row[keyCol - 1];
    if (typeof k !== "string" || settingKeyOf(k) !== "templateVersion") continue;
    const value = row[valueCol - 1];
    const n = isBlank(value) ? 1 : coerceNumber(value);
    const cell = { sheet: name, row: r + 1, cell: a1(r + 1, valueCol) };
    // A value that is not a number is left for validation to report, never overwritten.
    if (n === undefined || n >= TEMPLATE_VERSION) return { cell, ops: [] as WriteOp[], set: false };
    const op: WriteOp = {
      op: "values",
      sheet: name,
      row: r + 1,
      column: valueCol,
      values: [[TEMPLATE_VERSION]],
    };
    return { cell, ops: [op], set: true };
  }
  const row = last + 1;
  const cell = { sheet: name, row, cell: a1(row, valueCol) };
  const values =
    valueCol === keyCol + 1 ? [[SETTING_KEYS.templateVersion, TEMPLATE_VERSION]] : null;
  const ops: WriteOp[] = values
    ? [{ op: "values", sheet: name, row, column: keyCol, values }]
    : [
        {
          op: "values",
          sheet: name,
          row,
          column: keyCol,
          values: [[SETTING_KEYS.templateVersion]],
        },
        { op: "values", sheet: name, row, column: valueCol, values: [[TEMPLATE_VERSION]] },
      ];
  return { cell, ops, set: true };
}

/**
 * The upgrade of a workbook with these sheets (names as the workbook spells them; `grids` holds
 * at least the sheets of `UPGRADE_READS` that exist). Sheets of the template that are absent
 * and required are not added here: that is setting the template up.
 */
export function upgradePlan(sheetNames: readonly string[], grids: Grids): Upgrade {
  const ops: WriteOp[] = [];
  const columns: { sheet: string; headers: string[] }[] = [];
  const sheets: string[] = [];
  for (const key of EXTENDED) {
    const name = findSheet(sheetNames, SHEET[key]);
    const grid = name ? grids[name] : undefined;
    if (!name || !grid) continue;
    const added = addColumns(key, name, grid);
    ops.push(...added.ops);
    if (added.added) columns.push(added.added);
  }
  for (const key of ADDED) {
    if (findSheet(sheetNames, SHEET[key])) continue;
    ops.push(...sheetOps(key, []));
    sheets.push(SHEET[key]);
  }
  const settingsName = findSheet(sheetNames, SHEET.settings);
  const settingsGrid = settingsName ? grids[settingsName] : undefined;
  let version: number | null = null;
  let versionCell: Upgrade["versionCell"] = null;
  if (settingsName && settingsGrid) {
    const v = setVersion(settingsName, settingsGrid);
    versionCell = v.cell;
    if (v.set) {
      ops.push(...v.ops);
      version = TEMPLATE_VERSION;
    }
  }
  return { plan: { ops }, columns, sheets, version, versionCell };
}

/**
 * The sheet as every later step of a migration reads it: the grid below its header, the field
 * each column fills, the kind of tracker, how the sheet writes numbers and dates, and one reader
 * of cells. Building it warns about the columns themselves: a field guessed from position alone,
 * no column naming the rows, numbers written with both decimal marks.
 */
import type { Grid } from "../cells/values.ts";
import type { IsoDate } from "../cells/dates.ts";
import type { ColumnMapping } from "./mapping.ts";
import type { MigrationKind } from "./kinds.ts";
import type { MappingFile } from "./mapping-file.ts";
import type { FieldKey } from "./vocabulary.ts";
import type { Layout } from "./layout.ts";
import type { Item } from "./model.ts";
import { conventionsOf, type Conventions } from "./conventions.ts";
import { cellReader, type CellReader } from "./cells.ts";
import { nonEmptyColumns, profileColumns } from "./columns.ts";
import { fieldsOf } from "./fields.ts";
import type { Warn } from "./warnings.ts";

export interface SheetReading {
  readonly grid: Grid;
  /** 0-based row of the header. */
  readonly headerIndex: number;
  readonly layout: Layout;
  readonly zone: string;
  readonly asOf: IsoDate;
  /** The week of `asOf`: the period of a check-in whose row names none. */
  readonly asOfWeek: string;
  readonly file: MappingFile;
  readonly mapping: readonly ColumnMapping[];
  readonly nonEmpty: readonly boolean[];
  readonly colOf: ReadonlyMap<FieldKey, number>;
  readonly kind: MigrationKind;
  readonly used: ReadonlySet<FieldKey>;
  readonly conv: Conventions;
  readonly read: CellReader;
  readonly warn: Warn;
}

export interface SheetInputs {
  readonly grid: Grid;
  readonly headerIndex: number;
  readonly layout: Layout;
  readonly zone: string;
  readonly asOf: IsoDate;
  readonly asOfWeek: string;
  readonly file: MappingFile;
  readonly warn: Warn;
}

export function readSheet(i: SheetInputs): SheetReading {
  const { grid, layout, zone, file } = i;
  const columns = profileColumns(grid, layout, zone);
  const nonEmpty = nonEmptyColumns(grid, layout.dataRows, layout.width);
  const { mapping, colOf, kind, used } = fieldsOf(columns, nonEmpty, file, i.warn);
  const conv = conventionsOf({
    grid,
    dataRows: layout.dataRows,
    columns,
    colOf,
    zone,
    dateColumns: (["start", "due", "period"] as FieldKey[])
      .filter((f) => used.has(f) && colOf.has(f))
      .map((f) => colOf.get(f)!),
    ...(file.decimal ? { decimal: file.decimal } : {}),
    ...(file.dateOrder ? { dateOrder: file.dateOrder } : {}),
  });
  const read = cellReader(colOf, layout.headers, conv, zone, i.asOf);
  const sheet: SheetReading = { ...i, mapping, nonEmpty, colOf, kind, used, conv, read };
  warnAboutColumns(sheet);
  return sheet;
}

function warnAboutColumns({ mapping, colOf, kind, conv, file, read, warn }: SheetReading): void {
  for (const m of mapping)
    if (m.field && m.by === "position")
      warn(
        "guessed-column",
        `Column "${read.label(m.index)}" was taken as ${m.field} from its values and place alone (confidence ${m.confidence}); correct it in the mapping file if that is wrong.`,
      );
  if (
    !colOf.has("name") &&
    !colOf.has("keyResult") &&
    !(kind === "raid" && (colOf.has("from") || colOf.has("to")))
  )
    warn(
      "no-name-column",
      colOf.has("id")
        ? `No column names the rows; each row is named by its ${read.fieldLabel("id")} value.`
        : 'No column names the rows, and there is no ID column: rows cannot be imported until the mapping file names one (field "name").',
    );
  if (!file.decimal && conv.marks.comma > 0 && conv.marks.point > 0)
    warn(
      "decimal-mixed",
      `Numbers are written with both decimal marks (${conv.marks.comma} with a comma, ${conv.marks.point} with a point); read with a ${conv.decimal} as the decimal mark, and the others as only they can be read.`,
    );
}

/** A row's name: its name cell, or its ID when no column names rows. */
export function nameOf({ read, colOf }: SheetReading, item: Item): string | null {
  return (
    read.text(item, "name") ??
    (!colOf.has("name") && !colOf.has("keyResult") ? read.text(item, "id") : null)
  );
}

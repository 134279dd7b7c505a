/**
 * Which field each column fills: the mapping file's decisions first, then detection; a column
 * with no values takes no field (unless the file says so). The fields mapped decide the kind of
 * tracker, and the kind which fields are used at all.
 */
import type { FieldKey } from "./vocabulary.ts";
import { mapColumns, type ColumnInfo, type ColumnMapping } from "./mapping.ts";
import type { ColumnProfile } from "./profile.ts";
import { detectKind, type MigrationKind } from "./kinds.ts";
import type { MappingFile } from "./mapping-file.ts";
import { fold } from "./words.ts";
import type { Warn } from "./warnings.ts";

const INITIATIVE_FIELDS: readonly FieldKey[] = [
  "objective",
  "name",
  "team",
  "owner",
  "start",
  "due",
  "stage",
  "rag",
  "progress",
  "dependsOn",
  "comment",
  "pathToGreen",
  "period",
];
const USED_FIELDS: Readonly<Record<MigrationKind, ReadonlySet<FieldKey>>> = {
  initiatives: new Set(INITIATIVE_FIELDS),
  plan: new Set(INITIATIVE_FIELDS),
  okr: new Set([
    "objective",
    "name",
    "keyResult",
    "owner",
    "due",
    "unit",
    "baseline",
    "target",
    "actual",
    "direction",
    "comment",
    "period",
  ]),
  raid: new Set([...INITIATIVE_FIELDS, "type", "from", "to"]),
};

export interface Fields {
  /** Every column, with the field it fills or null. */
  readonly mapping: readonly ColumnMapping[];
  /** The column each field is read from: the first non-empty column mapped to it. */
  readonly colOf: ReadonlyMap<FieldKey, number>;
  readonly kind: MigrationKind;
  /** The fields a sheet of this kind reads; other mapped columns are carried. */
  readonly used: ReadonlySet<FieldKey>;
}

export function fieldsOf(
  columns: readonly ColumnInfo[],
  nonEmpty: readonly boolean[],
  file: MappingFile,
  warn: Warn,
): Fields {
  const fixed = fileDecisions(columns, file, warn);
  const mapping: ColumnMapping[] = mapColumns(columns, fixed).map((m) =>
    nonEmpty[m.index] || fixed.has(m.index) ? m : { ...m, field: null, confidence: 0, by: null },
  );
  const colOf = new Map<FieldKey, number>();
  for (const m of mapping)
    if (m.field && nonEmpty[m.index] && !colOf.has(m.field)) colOf.set(m.field, m.index);
  const profiles = new Map<FieldKey, ColumnProfile>();
  for (const [f, c] of colOf) profiles.set(f, columns[c]!.profile);
  const kind: MigrationKind = file.kind ?? detectKind(profiles);
  return { mapping, colOf, kind, used: USED_FIELDS[kind] };
}

/**
 * The mapping file's fields by column: a column is found by its header (the letter picks
 * among repeated headers), else by its letter alone; one the sheet lacks is warned of.
 */
function fileDecisions(
  columns: readonly ColumnInfo[],
  file: MappingFile,
  warn: Warn,
): Map<number, FieldKey | null> {
  const fixed = new Map<number, FieldKey | null>();
  for (const m of file.columns ?? []) {
    const byHeader = columns.filter(
      (c) => fold(c.header) === fold(m.column) && !fixed.has(c.index),
    );
    const target =
      (m.letter ? byHeader.find((c) => c.letter === m.letter) : undefined) ??
      byHeader[0] ??
      (m.letter ? columns.find((c) => c.letter === m.letter) : undefined);
    if (target) fixed.set(target.index, m.field);
    else
      warn(
        "mapping-column-missing",
        `The mapping file names a column "${m.column}"${m.letter ? ` (${m.letter})` : ""} that the sheet does not have; it is ignored.`,
      );
  }
  return fixed;
}

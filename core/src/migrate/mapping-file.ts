/**
 * The mapping file: what `baton migrate` decided (sheet, header row, kind, each column's field,
 * how dates and decimals are read), written beside the output so a user can correct it and run
 * again with `--mapping`. Every key is optional: what the file leaves out is detected.
 */
import * as z from "zod/mini";
import { FIELD_KEYS, type FieldKey } from "./vocabulary.ts";
import { KINDS } from "./kinds.ts";

const fieldSchema = z.nullable(z.enum(FIELD_KEYS as unknown as [FieldKey, ...FieldKey[]]));

export const MappingColumnSchema = z.object({
  /** The header as the source spells it ("" for a blank header). */
  column: z.string(),
  /** Column letter in the source (A, B, …), used when headers repeat or are blank. */
  letter: z.optional(z.string().check(z.regex(/^[A-Z]{1,3}$/, "a column letter such as C"))),
  field: fieldSchema,
  confidence: z.optional(z.number()),
  /** Why it was mapped so: name, values, position or mapping file. Ignored when read. */
  by: z.optional(z.nullable(z.string())),
});

export const MappingFileSchema = z.object({
  version: z.optional(z.literal(1)),
  sheet: z.optional(z.string()),
  headerRow: z.optional(z.number().check(z.int(), z.minimum(1))),
  kind: z.optional(z.enum(KINDS)),
  /** Order of ambiguous numeric dates such as 05/02/2026: day first or month first. */
  dateOrder: z.optional(z.enum(["dmy", "mdy"])),
  /** Decimal mark of numbers typed as text. */
  decimal: z.optional(z.enum(["point", "comma"])),
  columns: z.optional(z.array(MappingColumnSchema)),
});

export type MappingFile = z.infer<typeof MappingFileSchema>;
export type MappingColumn = z.infer<typeof MappingColumnSchema>;

/** Reads a mapping file's JSON value: the file, or the problems with it, each naming its place. */
export function parseMappingFile(
  value: unknown,
): { ok: true; mapping: MappingFile } | { ok: false; problems: string[] } {
  const r = MappingFileSchema.safeParse(value);
  if (r.success) return { ok: true, mapping: r.data };
  return {
    ok: false,
    problems: r.error.issues.map(
      (i) => `${i.path.length ? i.path.join(".") : "(top)"}: ${i.message}`,
    ),
  };
}

/**
 * What kind of tracker a sheet is, from the fields its columns map to and their values:
 *
 * - `okr`: objectives with key results (or a KPI list): a key-result column, or baseline and
 *   target columns; each row is a KPI, its objective repeated per key result.
 * - `raid`: a RAID log (a type column of risks, assumptions, issues, dependencies) or a risk
 *   register (probability, impact or response columns): dependencies become hand-offs, risks,
 *   issues and actions become initiatives, assumptions and decisions are listed as skipped.
 * - `plan`: a project plan: tasks in a hierarchy (indented names) or with predecessors such
 *   as "2fs"; top-level summary tasks become objectives.
 * - `initiatives`: any other list of initiatives or tasks.
 */
import type { FieldKey } from "./vocabulary.ts";
import type { ColumnProfile } from "./profile.ts";

export const KINDS = ["initiatives", "plan", "okr", "raid"] as const;
export type MigrationKind = (typeof KINDS)[number];

export function detectKind(fields: ReadonlyMap<FieldKey, ColumnProfile>): MigrationKind {
  const has = (f: FieldKey) => fields.has(f);
  if (has("type") || has("probability") || has("impact") || has("response")) return "raid";
  if (has("keyResult") || (has("target") && (has("baseline") || has("actual")))) return "okr";
  const name = fields.get("name");
  const deps = fields.get("dependsOn");
  if (
    (name && name.indented > 0 && name.indented < name.n) ||
    (deps && deps.dependencies + deps.integers > 0)
  )
    return "plan";
  return "initiatives";
}

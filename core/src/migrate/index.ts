/** Migration of a foreign tracker into the template (DESIGN.md "Migration"). */
export { migrate, type MigrateOptions, type Migration } from "./migrate.ts";
export type { MigrationSource } from "./source.ts";
export type {
  MigrationReport,
  RowReport,
  RowOutcome,
  MigrationWarning,
  MappingReport,
  Created,
} from "./report.ts";
export { KINDS, type MigrationKind } from "./kinds.ts";
export {
  parseMappingFile,
  MappingFileSchema,
  MappingColumnSchema,
  type MappingFile,
  type MappingColumn,
} from "./mapping-file.ts";
export { FIELDS, FIELD_KEYS, type FieldKey } from "./vocabulary.ts";
export { migrationVocabularyDoc } from "./doc.ts";

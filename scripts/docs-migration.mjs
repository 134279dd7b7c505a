// Writes docs/MIGRATION.md from the migration's own vocabulary tables (core/src/migrate/doc.ts).
// `npm run docs:migration`; test/migrate/vocabulary-doc.test.ts fails when the file is stale.
import { writeFileSync } from "node:fs";
import { migrationVocabularyDoc } from "../core/dist/core.js";

writeFileSync(new URL("../docs/MIGRATION.md", import.meta.url), migrationVocabularyDoc());
console.log("wrote docs/MIGRATION.md");

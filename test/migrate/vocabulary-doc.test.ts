/** docs/MIGRATION.md is generated from the tables the code reads, so it lists exactly what is understood. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { migrationVocabularyDoc } from "@baton/core";
import {
  FIELDS,
  LANGUAGES,
  STATUS_WORDS,
  DEPENDENCY_PHRASES,
} from "../../core/src/migrate/vocabulary.ts";

const doc = readFileSync(new URL("../../docs/MIGRATION.md", import.meta.url), "utf8");

describe("docs/MIGRATION.md", () => {
  it("is the generated document (run npm run docs:migration after changing a table)", () => {
    expect(doc).toBe(migrationVocabularyDoc());
  });
  it("lists every column name, status word and dependency phrase of every language", () => {
    for (const f of FIELDS)
      for (const l of LANGUAGES)
        for (const n of f.names[l]) expect(doc).toContain("`" + n.replace(/~$/, "") + "`");
    for (const g of STATUS_WORDS)
      for (const l of LANGUAGES) for (const w of g.words[l]) expect(doc).toContain("`" + w + "`");
    for (const l of LANGUAGES)
      for (const p of DEPENDENCY_PHRASES[l]) expect(doc).toContain("`" + p + "`");
  });
});

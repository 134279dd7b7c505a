/**
 * Text of any language through the patcher: the sheet it rewrites is edited as bytes, so the
 * cells it passes through keep their exact UTF-8, and the text it writes goes in as UTF-8,
 * whatever the mix of scripts, emoji and characters XML must escape.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { WriteOp } from "@baton/core";
import { emptyPatch, patchOf, writePatched } from "../../cli/src/files/xlsx-patch.ts";
import { readWorkbook } from "../../cli/src/files/xlsx/read.ts";
import { tempDir } from "../support/cli.ts";

const dir = tempDir("baton-patch-text-");

// Text a cell can hold: no control characters but tab and newline, no lone surrogates.
const text = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom("ä", "ß", "Ж", "щ", "€", "中", "😀", "&", "<", '"', "'", "\n", " ", "a"),
      fc.string({ unit: "grapheme", minLength: 1, maxLength: 1 }),
    ),
    minLength: 1,
    maxLength: 30,
  })
  .map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\r\ufffe\uffff]/g, "."))
  .filter((s) => s.trim().length > 0);

async function workbookWith(cells: readonly string[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("Notes");
  cells.forEach((t, i) => (ws.getRow(i + 1).values = [t, `${t}—${i}`]));
  const file = join(dir, `source-${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return file;
}

describe("the patcher and text of any language", () => {
  it("keeps the cells it passes through and writes new text byte for byte (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 1, maxLength: 8 }),
        fc.array(text, { minLength: 1, maxLength: 8 }),
        async (kept, written) => {
          const source = await workbookWith(kept);
          const ops: WriteOp[] = [
            { op: "values", sheet: "Notes", row: 1, column: 3, values: written.map((t) => [t]) },
            // A format on every row, so each row of the sheet is rewritten, not passed through.
            {
              op: "format",
              sheet: "Notes",
              range: { row: 1, column: 1, rows: kept.length, columns: 2 },
              format: { fill: "#FFC7CE" },
            },
            {
              op: "listValidation",
              sheet: "Notes",
              range: { row: 1, column: 4, rows: 5, columns: 1 },
              values: ["Grün", "Rot"],
            },
          ];
          const out = join(dir, `patched-${Math.random().toString(36).slice(2)}.xlsx`);
          await writePatched(source, out, patchOf(ops, emptyPatch()));
          const grid = (await readWorkbook(out, () => true)).grids.Notes!;
          const rows = Math.max(kept.length, written.length);
          for (let r = 0; r < rows; r++) {
            expect(grid[r]?.[0] ?? null).toBe(kept[r] ?? null);
            expect(grid[r]?.[1] ?? null).toBe(kept[r] === undefined ? null : `${kept[r]}—${r}`);
            expect(grid[r]?.[2] ?? null).toBe(written[r] ?? null);
          }
          const zip = await JSZip.loadAsync(readFileSync(out));
          const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
          expect(sheet).toContain("&quot;Grün,Rot&quot;");
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});

/**
 * A workbook opened for reading stays the file that was opened: a save renames a new file over
 * the path while a reader is between reading the zip's directory and inflating its parts, and
 * the reader must go on reading the old bytes, not the new file's bytes at the old offsets.
 */
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import JSZip from "jszip";
import { ZipFile } from "../../cli/src/files/xlsx/zip.ts";

let dir = "";
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function zipOf(files: Record<string, string>): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const [name, text] of Object.entries(files)) zip.file(name, text);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

describe("a zip opened from a path", () => {
  it("inflates the opened file's parts after another file is renamed over the path", async () => {
    dir = mkdtempSync(join(tmpdir(), "baton-zip-"));
    const path = join(dir, "book.xlsx");
    const before = "<old>" + "a".repeat(50_000) + "</old>";
    // The new file puts different bytes at every offset the old directory names.
    const after = "<new>" + "b".repeat(70_000) + "</new>";
    writeFileSync(path, await zipOf({ "pad.xml": "x".repeat(300), "xl/part.xml": before }));
    const zip = ZipFile.open(path);
    try {
      const next = join(dir, "book.xlsx.next");
      writeFileSync(next, await zipOf({ "xl/part.xml": after, "pad.xml": "y".repeat(900) }));
      renameSync(next, path);
      expect(await zip.text(zip.entry("xl/part.xml")!)).toBe(before);
    } finally {
      zip.close();
    }
  });
});

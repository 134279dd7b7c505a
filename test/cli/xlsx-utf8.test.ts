/**
 * Text that is not ASCII reads back exactly whatever chunks the inflated bytes arrive in: a
 * character split between two chunks was read as two replacement characters, and `verify`
 * then reported an untouched workbook as tampered with.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { SHEET } from "@baton/core";
import { scanXml } from "../../cli/src/files/xlsx/xml.ts";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { readXlsxStreaming } from "../../cli/src/files/xlsx-stream.ts";
import { baton, tempDir } from "../support/cli.ts";

const nonAscii = fc.string({
  unit: fc.constantFrom(
    "ä",
    "ö",
    "ü",
    "ß",
    "Ж",
    "щ",
    "€",
    "中",
    "😀",
    "a",
    " ",
    "&amp;",
    "<![CDATA[ё]]>",
  ),
  minLength: 1,
  maxLength: 40,
});
const decodedOf = (s: string) => s.replace(/&amp;/g, "&").replace(/<!\[CDATA\[(.*?)\]\]>/g, "$1");

async function textOf(chunks: Uint8Array[]): Promise<string> {
  let out = "";
  const handler = {
    wantText: false,
    open(name: string) {
      if (name === "t") handler.wantText = true;
    },
    close(name: string) {
      if (name === "t") handler.wantText = false;
    },
    text(t: string) {
      out += t;
    },
  };
  await scanXml(chunks, handler, "test.xml");
  return out;
}

describe("UTF-8 across chunk boundaries", () => {
  it("reads the same text whatever offset a chunk ends at (property)", async () => {
    await fc.assert(
      fc.asyncProperty(nonAscii, async (text) => {
        const bytes = Buffer.from(`<si><t>${text}</t></si>`, "utf8");
        for (let cut = 0; cut <= bytes.length; cut++)
          expect(await textOf([bytes.subarray(0, cut), bytes.subarray(cut)])).toBe(decodedOf(text));
        // And in chunks of every small size, so a cut falls inside every character.
        for (let size = 1; size <= 5; size++) {
          const chunks: Uint8Array[] = [];
          for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
          expect(await textOf(chunks)).toBe(decodedOf(text));
        }
      }),
      { numRuns: 150 },
    );
  });

  it("the reader and the full reader agree byte for byte on a workbook of German and Russian text", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Check-ins");
    for (let r = 1; r <= 3000; r++)
      ws.getRow(r).values = [
        `Straße ${r}: Übergabe verzögert, Prüfung läuft — ${"ä".repeat(r % 7)}`,
        `Задержка передачи ${r}, проверка продолжается ${"ж".repeat(r % 50)}`.repeat(3),
        `${"€😀中".repeat(r % 3)}${r}`,
      ];
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const ours = (await readXlsxStreaming(bytes, () => true)).grids;
    const host = await XlsxHost.fromBuffer(bytes);
    const theirs = await host.readSheets(["Check-ins"]);
    expect(
      Buffer.from(JSON.stringify(ours), "utf8").equals(Buffer.from(JSON.stringify(theirs), "utf8")),
    ).toBe(true);
    expect(JSON.stringify(ours)).not.toContain("\ufffd");
  });
});

describe("baton close then verify on a workbook with German and Russian comments", () => {
  it("finds the ledger intact, exit 0", async () => {
    const dir = tempDir("baton-utf8-");
    const file = join(dir, "demo.xlsx");
    expect(
      baton(["init", file, "--demo", "--as-of", "2026-11-26", "--time-zone", "Europe/Berlin"]).code,
    ).toBe(0);
    const host = await XlsxHost.open(file);
    const ws = host.workbook.getWorksheet(SHEET.checkins)!;
    const header = ws.getRow(1).values as unknown[];
    const comment = header.indexOf("Comment");
    expect(comment).toBeGreaterThan(0);
    const texts = [
      "Übergabe an das Entwicklungsteam verzögert sich; Prüfung der Schnittstelle läuft noch. ",
      "Передача команде разработки задерживается, проверка интерфейса ещё идёт. ",
    ];
    // Enough text that the strings part spans many inflated chunks.
    for (let r = 2; r <= ws.rowCount; r++)
      if (ws.getRow(r).getCell(1).value !== null)
        ws.getRow(r).getCell(comment).value = texts[r % 2]!.repeat(200) + r;
    writeFileSync(file, Buffer.from(await host.workbook.xlsx.writeBuffer()));
    const closed = baton(["close", file, "--period", "2026-W47"]);
    expect(closed.code, closed.stdout + closed.stderr).toBe(0);
    const verified = baton(["verify", file, "--json"], {});
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ intact: true });
  });
});

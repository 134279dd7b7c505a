/**
 * Baton's own reader gives commands the very grids the full reader (exceljs' model) gives, on
 * every workbook, with no fallback; merged areas as Office.js reads them.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { BATON_SHEET, demoContent, templatePlan } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { StreamedXlsxHost, readXlsxStreaming } from "../../cli/src/files/xlsx-stream.ts";
import { generate, SIZES } from "../../bench/src/generate.ts";
import { fixture } from "../support/fixtures.ts";
import { toolIn } from "../support/tools.ts";
import { libreOfficeWritten } from "../../bench/src/writers.ts";

const all = () => true;

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** What the full reader gives: every sheet's grid, the sheet names, the anchor and the state sheet. */
async function fullRead(source: string | Uint8Array) {
  const host =
    typeof source === "string" ? await XlsxHost.open(source) : await XlsxHost.fromBuffer(source);
  const sheetNames = await host.sheetNames();
  return {
    sheetNames,
    grids: await host.readSheets(sheetNames),
    anchor: await host.readAnchor(),
    state: (await host.readSheets([BATON_SHEET]))[BATON_SHEET] ?? null,
  };
}

async function expectSameAsFull(source: string | Uint8Array) {
  expect(await readXlsxStreaming(source, all)).toEqual(await fullRead(source));
}

describe("the streaming reader gives the grids the full reader gives", () => {
  const real = ["04_risikoregister_de_gourmetguide.xlsx", "09_project_plan_gantt_packt.xlsx"];
  it.each(real)("real tracker %s", async (f) => expectSameAsFull(fixture(f)));

  it("the demo workbook as baton init writes it, with its anchor", async () => {
    const host = XlsxHost.empty();
    await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })));
    await host.apply({ ops: [{ op: "setAnchor", value: "anchor:2026-W47:abc" }] });
    const bytes = await bytesOf(host.workbook);
    await expectSameAsFull(bytes);
    expect((await readXlsxStreaming(bytes, all))!.anchor).toBe("anchor:2026-W47:abc");
  });

  it('the demo as exceljs\' streaming writer writes it: text as t="str" cells, no shared strings', async () => {
    const host = XlsxHost.empty();
    await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })));
    const file = join(mkdtempSync(join(tmpdir(), "baton-streamwriter-")), "demo.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
      filename: file,
      useSharedStrings: false,
    });
    for (const source of host.workbook.worksheets) {
      const ws = writer.addWorksheet(source.name);
      source.eachRow((row, r) => {
        const target = ws.getRow(r);
        row.eachCell((cell, c) => (target.getCell(c).value = cell.value));
        target.commit();
      });
      ws.commit();
    }
    await writer.commit();
    expect(readFileSync(file).length).toBeGreaterThan(0);
    await expectSameAsFull(file);
  });

  // LibreOffice is a writer of its own (its shared strings, styles and dates).
  it("the demo as LibreOffice writes it", async (ctx) => {
    const soffice = toolIn(ctx, "soffice");
    const host = XlsxHost.empty();
    await host.apply(templatePlan(demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" })));
    const dir = mkdtempSync(join(tmpdir(), "baton-lo-"));
    const source = join(dir, "demo.xlsx");
    writeFileSync(source, await bytesOf(host.workbook));
    const converted = join(dir, "demo-libreoffice.xlsx");
    libreOfficeWritten(source, converted, soffice);
    await expectSameAsFull(converted);
    const ours = await readXlsxStreaming(converted, all);
    expect(ours.grids["Initiatives"]!.length).toBeGreaterThan(5);
  }, 300_000);

  it("a generated workbook of the benchmark", async () => {
    const host = XlsxHost.empty();
    await host.apply(templatePlan(generate(SIZES.S).content));
    await expectSameAsFull(await bytesOf(host.workbook));
  });

  it("awkward cells: rich text, formula results of every type, dates, errors, entities, long text, the 1904 system", async () => {
    for (const date1904 of [false, true]) {
      const wb = new ExcelJS.Workbook();
      (wb.properties as { date1904?: boolean }).date1904 = date1904;
      const ws = wb.addWorksheet("Check-ins");
      const rows: ExcelJS.CellValue[][] = [
        ["Period", "ID", "RAG"],
        [
          "2026-W47",
          { richText: [{ text: "INI-" }, { font: { bold: true }, text: "1" }] },
          "Green",
        ],
        [
          { formula: "1+1", result: 2 },
          { formula: '"a"&"b"', result: "ab" },
          { formula: "TRUE()", result: true },
        ],
        [{ formula: "1/0", result: { error: "#DIV/0!" } }, { error: "#REF!" }, { error: "#N/A" }],
        [new Date(Date.UTC(2026, 10, 26)), new Date(Date.UTC(2026, 10, 26, 16, 37, 12)), false],
        ["&amp;lt; <b> \"quoted\" 'single'", "=not a formula", "x".repeat(32000)],
        ["", " ", 0],
        [null, null, -1.5e300],
      ];
      rows.forEach((r, i) => r.forEach((v, j) => (ws.getCell(i + 1, j + 1).value = v)));
      ws.getCell(6, 1).numFmt = "yyyy-mm-dd";
      ws.getCell(5, 1).numFmt = "yyyy-mm-dd";
      ws.getCell(5, 2).numFmt = "yyyy-mm-dd hh:mm";
      ws.getCell(10, 5).numFmt = "0%"; // a styled cell with no value: no row
      wb.addWorksheet("Notes").getCell("B3").value = "only a note";
      await expectSameAsFull(await bytesOf(wb));
    }
  });

  it("any grid of cell values (property)", async () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom("#REF!", "#N/A", "=SUM(A1)", "&amp;", "<t>", "2026-W48"),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { maxLength: 8 }), { maxLength: 12 }),
        async (grid) => {
          const wb = new ExcelJS.Workbook();
          const ws = wb.addWorksheet("Initiatives");
          grid.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== null) ws.getCell(r + 1, c + 1).value = v;
            }),
          );
          await expectSameAsFull(await bytesOf(wb));
        },
      ),
      { numRuns: 40 },
    );
  });
});

describe("what the full model used to be needed for is read directly", () => {
  it("merged cells: the value in the first cell, the others blank, as Office.js reads them", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Initiatives");
    ws.getCell("A1").value = "ID";
    ws.getCell("A2").value = "INI-1";
    ws.getCell("C2").value = "kept";
    ws.mergeCells("A2:B3");
    ws.getCell("D4").value = "wide";
    ws.mergeCells("D4:F4");
    const bytes = await bytesOf(wb);
    await expectSameAsFull(bytes);
    expect((await readXlsxStreaming(bytes, all)).grids.Initiatives).toEqual([
      ["ID"],
      ["INI-1", null, "kept"],
      [],
      [null, null, null, "wide"],
    ]);
  });

  it("hyperlinks read as their text", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Initiatives").getCell("A2").value = {
      text: "INI-1",
      hyperlink: "https://example.invalid",
    };
    const bytes = await bytesOf(wb);
    await expectSameAsFull(bytes);
    expect((await readXlsxStreaming(bytes, all)).grids.Initiatives).toEqual([[], ["INI-1"]]);
  });

  it("a date in a 1904 workbook reads as the day's 1900-system serial, as in any other workbook", async () => {
    const wb = new ExcelJS.Workbook();
    (wb.properties as { date1904?: boolean }).date1904 = true;
    const ws = wb.addWorksheet("Check-ins");
    ws.getCell("A1").value = new Date(Date.UTC(2026, 10, 26));
    ws.getCell("A1").numFmt = "yyyy-mm-dd";
    const bytes = await bytesOf(wb);
    const serial = Date.UTC(2026, 10, 26) / 86400000 + 25569;
    expect((await readXlsxStreaming(bytes, all)).grids["Check-ins"]).toEqual([[serial]]);
    expect((await fullRead(bytes)).grids["Check-ins"]).toEqual([[serial]]);
  });
});

describe("the streamed host reads only what it is asked for and loads the model only to write", () => {
  it("streams the wanted sheets, names every sheet, and writes through the full model", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Initiatives").getCell("A1").value = "ID";
    wb.addWorksheet("Our own notes").getCell("A1").value = "kept";
    const host = await StreamedXlsxHost.open(await bytesOf(wb), (n) => n === "Initiatives");
    expect(await host.sheetNames()).toEqual(["Initiatives", "Our own notes"]);
    expect(await host.readSheets(["Initiatives"])).toEqual({ Initiatives: [["ID"]] });
    // A sheet that was not streamed is still read, from the full model.
    expect(await host.readSheets(["Our own notes"])).toEqual({ "Our own notes": [["kept"]] });
    await host.apply({
      ops: [{ op: "values", sheet: "Initiatives", row: 2, column: 1, values: [["INI-1"]] }],
    });
    expect(await host.readSheets(["Initiatives"])).toEqual({ Initiatives: [["ID"], ["INI-1"]] });
    expect(host.calls).toEqual({ reads: 3, applies: 1 });
  });
});

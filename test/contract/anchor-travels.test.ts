/**
 * The anchor travels with the file (DESIGN.md, the ledger): a workbook sealed by the command
 * line's .xlsx host, opened in Excel, closed again there, uploaded to Google Sheets and
 * downloaded as .xlsx still verifies against its anchor at every step, because every host keeps
 * the anchor in the workbook's own hidden Baton sheet, which each move carries like any sheet.
 * Workbooks from earlier versions (anchor in Excel's settings or in Sheets' Document
 * Properties) are read from there and moved into the sheet by the next close.
 */
/// <reference types="office-js" />
import { describe, expect, it } from "vitest";
import ExcelJS from "exceljs";
import { BATON_SHEET, SHEET, closePeriod, verifyLedger, type Grids, type Host } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { ExcelHost } from "../../excel-addin/src/host.ts";
import { FakeExcel } from "../../fakes/excel/excel.ts";
import { FakeBook } from "../../fakes/sheets/spreadsheet.ts";
import { appsScript } from "../../fakes/sheets/services.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { ANCHOR_PROPERTY, asyncHost } from "../../gsheets/src/host.ts";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";

const TEMPLATE = Object.values(SHEET);
const ALL = [...TEMPLATE, BATON_SHEET];

function tracker(): Grids {
  return workbookGrids(
    smallWorkbook({
      checkins: [
        checkin("2026-W46", "INI-1", { Comment: "Grüße aus Köln — всё хорошо" }),
        checkin("2026-W46", "KPI-1"),
        checkin("2026-W48", "INI-2"),
      ],
    }),
  );
}

async function closeIn(host: Host, period: string) {
  const result = closePeriod({
    grids: await host.readSheets(await host.sheetNames()),
    anchor: await host.readAnchor(),
    period,
  });
  if (!result.ok) throw new Error(result.message);
  await host.apply(result.plan);
  return result;
}

async function verifiedIn(host: Host) {
  return verifyLedger(await host.readSheets(TEMPLATE), await host.readAnchor());
}

/** An .xlsx file as another host writes it: the grids, with the Baton sheet in `state`. */
async function xlsxOf(grids: Grids, state: "hidden" | "veryHidden"): Promise<XlsxHost> {
  const wb = new ExcelJS.Workbook();
  for (const [name, grid] of Object.entries(grids)) {
    const ws = wb.addWorksheet(name, name === BATON_SHEET ? { state } : {});
    grid?.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null && v !== undefined && v !== "") ws.getCell(r + 1, c + 1).value = v as never;
      }),
    );
  }
  return XlsxHost.fromBuffer((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe("the anchor travels with the workbook from host to host", () => {
  it("is sealed by the .xlsx host, verified and closed again in Excel, verified in Sheets, and back", async () => {
    // The command line seals W46 and W47, and saves the file.
    const cli = await xlsxOf(tracker(), "veryHidden");
    const first = await closeIn(cli, "2026-W47");
    const saved = await XlsxHost.fromBuffer((await cli.workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(saved.workbook.getWorksheet(BATON_SHEET)?.state).toBe("veryHidden");
    const fileGrids = await saved.readSheets(ALL);

    // Opened in Excel: every sheet comes along, the Baton sheet very hidden.
    const excel = FakeExcel.fromGrids(fileGrids);
    excel.sheet(BATON_SHEET).visibility = "VeryHidden";
    const inExcel = new ExcelHost(excel.context() as unknown as Excel.RequestContext);
    expect(await inExcel.readAnchor()).toBe(first.anchor);
    expect(await inExcel.sheetNames()).not.toContain(BATON_SHEET);
    expect(await verifiedIn(inExcel)).toMatchObject({ intact: true, sealedRows: first.sealedRows });
    const second = await closeIn(inExcel, "2026-W48");
    expect(excel.value(BATON_SHEET, "B1")).toBe(second.anchor);
    expect(excel.state.settings.size).toBe(0);

    // Uploaded to Google Sheets: the Baton sheet is a hidden sheet there.
    const sheetsGrids: Record<string, Grids[string]> = {};
    for (const name of ALL) sheetsGrids[name] = excel.grid(name);
    const book = FakeBook.fromGrids(sheetsGrids);
    book.sheet(BATON_SHEET).hidden = true;
    const inSheets = asyncHost(sheetsHost(book, appsScript(book)));
    expect(await inSheets.readAnchor()).toBe(second.anchor);
    expect(await verifiedIn(inSheets)).toMatchObject({
      intact: true,
      sealedRows: second.sealedRows,
    });

    // Downloaded as .xlsx (Sheets writes the Baton sheet hidden) and checked by the file host.
    const downloaded: Record<string, Grids[string]> = {};
    for (const name of ALL)
      downloaded[name] = book.sheet(name).cells.map((r) => r.map((c) => c?.value ?? null));
    const back = await xlsxOf(downloaded, "hidden");
    expect(await back.readAnchor()).toBe(second.anchor);
    expect(await back.sheetNames()).not.toContain(BATON_SHEET);
    expect(await verifiedIn(back)).toMatchObject({ intact: true, sealedRows: second.sealedRows });
  });

  it("a history rewritten in one host is still caught by the anchor in another", async () => {
    const cli = await xlsxOf(tracker(), "veryHidden");
    await closeIn(cli, "2026-W47");
    const grids = await cli.readSheets(ALL);
    const book = FakeBook.fromGrids(grids);
    const inSheets = asyncHost(sheetsHost(book, appsScript(book)));
    book.sheet(SHEET.checkins).seed(2, 6, "All fine, honestly");
    expect(await verifiedIn(inSheets)).toMatchObject({ intact: false });
  });
});

describe("anchors kept where earlier versions kept them are read, and moved by the next close", () => {
  it("Excel: from the workbook's settings into the very hidden Baton sheet", async () => {
    const reference = await xlsxOf(tracker(), "veryHidden");
    const first = await closeIn(reference, "2026-W47");
    const grids = await reference.readSheets(TEMPLATE);
    const excel = FakeExcel.fromGrids(grids);
    excel.state.settings.set("baton.sealAnchor", first.anchor);
    const host = new ExcelHost(excel.context() as unknown as Excel.RequestContext);
    expect(await host.readAnchor()).toBe(first.anchor);
    expect(await verifiedIn(host)).toMatchObject({ intact: true });
    const second = await closeIn(host, "2026-W48");
    expect(excel.state.settings.has("baton.sealAnchor")).toBe(false);
    expect(excel.sheet(BATON_SHEET).visibility).toBe("VeryHidden");
    expect(await host.readAnchor()).toBe(second.anchor);
  });

  it("Sheets: from Document Properties into the hidden, protected Baton sheet", async () => {
    const reference = await xlsxOf(tracker(), "veryHidden");
    const first = await closeIn(reference, "2026-W47");
    const book = FakeBook.fromGrids(await reference.readSheets(TEMPLATE));
    const gas = appsScript(book);
    gas.documentProperties.store.set(ANCHOR_PROPERTY, first.anchor);
    const host = asyncHost(sheetsHost(book, gas));
    expect(await host.readAnchor()).toBe(first.anchor);
    const second = await closeIn(host, "2026-W48");
    expect(gas.documentProperties.store.has(ANCHOR_PROPERTY)).toBe(false);
    expect(book.sheet(BATON_SHEET).hidden).toBe(true);
    expect(await host.readAnchor()).toBe(second.anchor);
  });
});

/**
 * Writing by patching the file gives the workbook that writing through the full model gives:
 * the same values in every sheet and the same colours on the cells the plan formats, with
 * everything else carried over.
 */
import { describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import {
  demoContent,
  evaluate,
  statusPlan,
  summarize,
  summaryPlan,
  summarySheetName,
  templatePlan,
  validateGrids,
  SHEET,
  type WritePlan,
} from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { StreamedXlsxHost } from "../../cli/src/files/xlsx-stream.ts";
import { patchOf } from "../../cli/src/files/xlsx-patch.ts";
import { generate, SIZES, AS_OF } from "../../bench/src/generate.ts";
import {
  convertWithLibreOffice,
  everySheetCsv,
  LIBREOFFICE_TEST_TIMEOUT,
  toolIn,
} from "../support/tools.ts";

const dir = mkdtempSync(join(tmpdir(), "baton-patch-"));
let n = 0;
const fresh = (name: string) => join(dir, `${n++}-${name}.xlsx`);

async function templateFile(content: Parameters<typeof templatePlan>[0]): Promise<string> {
  const host = XlsxHost.empty();
  await host.apply(templatePlan(content));
  const file = fresh("source");
  await host.save(file);
  return file;
}

async function viaModel(source: string, plans: readonly WritePlan[]): Promise<string> {
  const host = await XlsxHost.open(source);
  for (const p of plans) await host.apply(p);
  const out = fresh("model");
  // The model written out whole: what the patch is compared with.
  await host.workbook.xlsx.writeFile(out);
  return out;
}

async function viaPatch(
  source: string,
  plans: readonly WritePlan[],
): Promise<{ file: string; modelLoaded: boolean }> {
  const host = await StreamedXlsxHost.open(source);
  if (!(host instanceof StreamedXlsxHost)) throw new Error("expected the streamed host");
  for (const p of plans) await host.apply(p);
  const file = fresh("patched");
  await host.save(file);
  return { file, modelLoaded: host.modelLoaded };
}

/**
 * Every sheet's values, and the look of every cell a plan formats, as the full reader sees
 * them. Empty text reads back as empty text from the model's write and as a blank from the
 * patch (a string cell with no characters has no value in the file): both are blank to Baton.
 */
async function seen(file: string, plans: readonly WritePlan[]) {
  const host = await XlsxHost.open(file);
  const names = await host.sheetNames();
  const grids = await host.readSheets(names);
  const blank = (v: unknown) => (v === "" ? null : v);
  const normalised = Object.fromEntries(
    Object.entries(grids).map(([k, g]) => [k, g!.map((row) => row.map(blank))]),
  );
  const looks: Record<string, unknown> = {};
  const patch = patchOf(
    plans
      .flatMap((p) => p.ops)
      .filter((o) => o.op === "values" || o.op === "format" || o.op === "clear"),
  );
  for (const [sheet, { cells: rows }] of patch.sheets) {
    const ws = host.workbook.getWorksheet(sheet)!;
    for (const [row, cols] of rows)
      for (const col of cols.keys()) {
        const c = ws.getCell(row, col);
        const fill = c.fill as ExcelJS.FillPattern | undefined;
        looks[`${sheet}!${row},${col}`] = {
          fill: fill?.pattern === "solid" ? fill.fgColor?.argb : null,
          color: c.font?.color?.argb ?? null,
          bold: Boolean(c.font?.bold),
          italic: Boolean(c.font?.italic),
          numFmt: c.numFmt ?? null,
          wrap: Boolean(c.alignment?.wrapText),
        };
      }
  }
  const layout = names.map((n) => {
    const ws = host.workbook.getWorksheet(n)!;
    const frozen = (ws.views ?? []).find((v) => v.state === "frozen") as
      { xSplit?: number; ySplit?: number } | undefined;
    return {
      sheet: n,
      frozen: frozen ? [frozen.xSplit ?? 0, frozen.ySplit ?? 0] : null,
      widths: Array.from({ length: 12 }, (_, i) => ws.getColumn(i + 1).width ?? null),
    };
  });
  return { names, grids: normalised, looks, layout };
}

async function statusPlanOf(file: string) {
  const host = await XlsxHost.open(file);
  const { workbook } = validateGrids(await host.readSheets(Object.values(SHEET)));
  return statusPlan(workbook, evaluate(workbook, { asOf: AS_OF }));
}

describe("a patched write gives the workbook a write through the full model gives", () => {
  it.each([
    ["the demo workbook", () => demoContent({ today: AS_OF, timeZone: "Europe/Berlin" })],
    ["a generated workbook", () => generate(SIZES.S).content],
  ])("statuses written into %s", async (_, content) => {
    const source = await templateFile(content());
    const plans = [await statusPlanOf(source)];
    const patched = await viaPatch(source, plans);
    expect(patched.modelLoaded).toBe(false);
    expect(await seen(patched.file, plans)).toEqual(
      await seen(await viaModel(source, plans), plans),
    );
  });

  it("a second run over the first: values and colours replaced, cleared rows lose theirs", async () => {
    const source = await templateFile(generate(SIZES.S).content);
    const first = await statusPlanOf(source);
    const second: WritePlan = {
      ops: [
        {
          op: "values",
          sheet: SHEET.initiatives,
          row: 2,
          column: 9,
          values: [["Red"], [null], ["=1+1"], [""], [true], [12.5]],
        },
        {
          op: "clear",
          sheet: SHEET.initiatives,
          range: { row: 3, column: 9, rows: 1, columns: 3 },
        },
        {
          op: "format",
          sheet: SHEET.initiatives,
          range: { row: 2, column: 9, rows: 1, columns: 1 },
          format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
        },
        // Rows below the data and a column past the header: cells the sheet does not have yet.
        { op: "values", sheet: SHEET.handoffs, row: 400, column: 20, values: [["beyond"]] },
      ],
    };
    const plans = [first, second];
    const patched = await viaPatch(source, plans);
    expect(patched.modelLoaded).toBe(false);
    const a = await seen(patched.file, plans);
    expect(a).toEqual(await seen(await viaModel(source, plans), plans));
    expect(a.grids[SHEET.initiatives]![3]![8]).toBe("=1+1");
  });

  it("a board summary sheet added beside the statuses: its cells, formats, widths and frozen row", async () => {
    const source = await templateFile(demoContent({ today: AS_OF, timeZone: "Europe/Berlin" }));
    const host = await XlsxHost.open(source);
    const names = await host.sheetNames();
    const { workbook } = validateGrids(await host.readSheets(Object.values(SHEET)));
    const plans = [
      statusPlan(workbook, evaluate(workbook, { asOf: AS_OF })),
      summaryPlan(summarize(workbook, { asOf: AS_OF }), names),
    ];
    const patched = await viaPatch(source, plans);
    expect(patched.modelLoaded).toBe(false);
    const a = await seen(patched.file, plans);
    expect(a.names.length).toBe(names.length + 1);
    expect(a).toEqual(await seen(await viaModel(source, plans), plans));
  });

  it("a plan that protects a sheet and stores the anchor is patched too, and gives the same file", async () => {
    const source = await templateFile(generate(SIZES.S).content);
    const plans: WritePlan[] = [
      await statusPlanOf(source),
      {
        ops: [
          {
            op: "protect",
            sheet: SHEET.checkins,
            editable: [{ row: 100, column: 1, rows: 50, columns: 10 }],
            description: "sealed",
          },
          { op: "setAnchor", value: "anchor:x" },
        ],
      },
    ];
    const patched = await viaPatch(source, plans);
    expect(patched.modelLoaded).toBe(false);
    expect(await seen(patched.file, plans)).toEqual(
      await seen(await viaModel(source, plans), plans),
    );
  });

  it("a cell that is the master of a shared formula is refused with its cell named (the model refuses it too); its clones are patched", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET.initiatives);
    ws.getCell("A1").value = "ID";
    ws.fillFormula("B2:B3", "1+1", [2, 2]);
    const source = fresh("shared");
    await wb.xlsx.writeFile(source);
    const master: WritePlan[] = [
      { ops: [{ op: "values", sheet: SHEET.initiatives, row: 2, column: 2, values: [["text"]] }] },
    ];
    await expect(viaModel(source, master)).rejects.toThrow(/Shared Formula/);
    await expect(viaPatch(source, master)).rejects.toThrow(/cell B2: its formula is shared/);
    const clone: WritePlan[] = [
      { ops: [{ op: "values", sheet: SHEET.initiatives, row: 3, column: 2, values: [["text"]] }] },
    ];
    const patched = await viaPatch(source, clone);
    expect(patched.modelLoaded).toBe(false);
    expect((await seen(patched.file, clone)).grids).toEqual(
      (await seen(await viaModel(source, clone), clone)).grids,
    );
  });

  it(
    "LibreOffice opens the patched file and sees the statuses and the added summary sheet",
    { timeout: LIBREOFFICE_TEST_TIMEOUT },
    async (ctx) => {
      const soffice = toolIn(ctx, "soffice");
      const source = await templateFile(demoContent({ today: AS_OF, timeZone: "Europe/Berlin" }));
      const plan = await statusPlanOf(source);
      const host = await XlsxHost.open(source);
      const { workbook } = validateGrids(await host.readSheets(Object.values(SHEET)));
      const summary = summarize(workbook, { asOf: AS_OF });
      const patched = await viaPatch(source, [plan, summaryPlan(summary, await host.sheetNames())]);
      const converted = convertWithLibreOffice(soffice, [patched.file], everySheetCsv(false));
      const csv = readFileSync(converted.path(patched.file, SHEET.initiatives), "utf8");
      // The first initiative's row as LibreOffice shows it holds the status the plan wrote.
      const first = plan.ops.find(
        (o) => o.op === "values" && o.sheet === SHEET.initiatives && o.row === 2,
      );
      if (first?.op !== "values")
        throw new Error("the status plan writes the initiatives from row 2");
      expect(csv.split("\n")[1]).toContain(String(first.values[0]![0]));
      const added = readFileSync(
        converted.path(patched.file, summarySheetName(summary.period)),
        "utf8",
      );
      expect(added.split("\n")[0]).toContain(summary.period);
    },
  );
});

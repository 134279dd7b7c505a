/**
 * The template in Excel: each record sheet becomes an Excel table, enumerations get in-cell
 * drop-downs, status columns are coloured by conditional formats, in a handful of round trips.
 */
import { describe, expect, it } from "vitest";
import {
  COLUMNS,
  SHEET,
  STATUS_FILL,
  demoContent,
  setUpTemplatePlan,
  templatePlan,
  type Column,
  type SheetKey,
} from "@baton/core";
import { statusColumns } from "../../excel-addin/src/dress.ts";
import { fakeExcel, syncsOf } from "./support.ts";

const RECORD_SHEETS = (Object.keys(SHEET) as SheetKey[]).filter((k) => k !== "settings") as Exclude<
  SheetKey,
  "settings"
>[];

async function setUp() {
  const f = fakeExcel({ Notes: [["a team's own sheet"]] });
  const h = f.host();
  const syncs = await syncsOf(f.excel, async () =>
    h.apply(setUpTemplatePlan(await h.sheetNames(), "Europe/Berlin")),
  );
  return { ...f, syncs };
}

describe("each record sheet holds one Excel table over its header", () => {
  it("adds a table at A1 as wide as the header on every record sheet, none on Settings", async () => {
    const { excel } = await setUp();
    for (const key of RECORD_SHEETS) {
      const tables = excel.sheet(SHEET[key]).tables;
      expect(tables).toHaveLength(1);
      expect(tables[0]!.box).toMatchObject({ r0: 0, c0: 0, cols: COLUMNS[key].length });
    }
    expect(excel.sheet(SHEET.settings).tables).toHaveLength(0);
  });

  it("covers the rows the plan writes", async () => {
    const { excel, host } = fakeExcel({});
    const content = demoContent({ today: "2026-11-26", timeZone: "Europe/Berlin" });
    await host().apply(templatePlan(content));
    expect(excel.sheet(SHEET.checkins).tables[0]!.box.rows).toBe(
      1 + (content.checkins?.length ?? 0),
    );
  });

  it("adds no second table when the template is set up again", async () => {
    const { excel, host } = await setUp();
    const h = host();
    await h.apply(templatePlan({ settings: { timeZone: "UTC" } }));
    for (const key of RECORD_SHEETS) expect(excel.sheet(SHEET[key]).tables).toHaveLength(1);
  });
});

describe("enumerations get in-cell drop-downs", () => {
  it("puts a list of the allowed values on every enumeration column", async () => {
    const { excel } = await setUp();
    for (const key of RECORD_SHEETS)
      (COLUMNS[key] as readonly Column[]).forEach((c, i) => {
        if (c.kind.type !== "enum") return;
        const rule = excel
          .sheet(SHEET[key])
          .validations.find((v) => v.box.c0 === i && v.box.r0 === 1);
        expect(rule?.rule, `${SHEET[key]} ${c.header}`).toEqual({
          list: { inCellDropDown: true, source: c.kind.values.join(",") },
        });
      });
  });
});

describe("status columns are coloured by conditional formats", () => {
  it("colours each status with its fill and font below the header of every Status and RAG column", async () => {
    const { excel } = await setUp();
    for (const key of RECORD_SHEETS) {
      const formats = excel.sheet(SHEET[key]).conditionalFormats;
      for (const { column, values } of statusColumns(key)) {
        const header = COLUMNS[key][column - 1]!.header;
        expect(["Status", "RAG"]).toContain(header);
        for (const status of values) {
          const cf = formats.find(
            (f) =>
              f.box.c0 === column - 1 &&
              (f.rule as { formula1?: string }).formula1 === `="${status}"`,
          );
          expect(cf, `${SHEET[key]} ${header} ${status}`).toMatchObject({
            type: "CellValue",
            box: { r0: 1 },
            format: { fill: STATUS_FILL[status].fill, fontColor: STATUS_FILL[status].fontColor },
          });
        }
      }
    }
  });
});

describe("the whole template is written in a few round trips", () => {
  it("reads the names once and writes in one batch", async () => {
    const { syncs, excel } = await setUp();
    expect(syncs).toBe(2);
    expect(excel.sheet("Notes").cells.size).toBe(1);
    expect(excel.sheet(SHEET.initiatives).frozen).toEqual({ rows: 1, columns: 1 });
    expect(excel.sheet(SHEET.initiatives).columnWidths.size).toBe(COLUMNS.initiatives.length);
  });
});

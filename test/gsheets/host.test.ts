/**
 * The Google Sheets host applies the core's plans and reads grids the way Sheets needs: one
 * `getValues` per sheet and one `setValues` per block, dates as serials of the spreadsheet's
 * wall clock, text kept as text, sheets grown to fit, the anchor in Document Properties, and
 * sealed rows protected.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BATON_SHEET,
  MemoryHost,
  SHEET,
  serialFromIso,
  serialFromLocalDateTime,
  type CellFormat,
  type WriteOp,
  type WritePlan,
} from "@baton/core";
import { ANCHOR_PROPERTY } from "../../gsheets/src/host.ts";
import { sheetsHost } from "../../fakes/sheets/host.ts";
import { FakeBook } from "../../fakes/sheets/spreadsheet.ts";
import { appsScript } from "../../fakes/sheets/services.ts";
import { workbookGrids, smallWorkbook, initiative, checkin } from "../support/grids.ts";

function open(book: FakeBook) {
  const gas = appsScript(book);
  return { host: sheetsHost(book, gas), gas };
}

const TEMPLATE = Object.values(SHEET);

describe("one getValues per sheet and one setValues per block, however many rows", () => {
  const calls = (n: number) => {
    const rows = Array.from({ length: n }, (_, i) => initiative(`INI-${i + 3}`, "OBJ-1"));
    const book = FakeBook.fromGrids(
      workbookGrids(
        smallWorkbook({
          initiatives: rows,
          checkins: rows.map((r) => checkin("2026-W47", r.ID as string)),
        }),
      ),
    );
    const { host } = open(book);
    host.readSheets(TEMPLATE);
    const statuses = rows.map(() => ["Green", "INI-3", "2026-W47"]);
    const plan: WritePlan = {
      ops: [
        { op: "values", sheet: SHEET.initiatives, row: 2, column: 9, values: statuses },
        {
          op: "format",
          sheet: SHEET.initiatives,
          range: { row: 2, column: 9, rows: n, columns: 1 },
          format: { fill: "#FFC7CE", fontColor: "#9C0006", bold: true },
        },
        {
          op: "values",
          sheet: SHEET.checkins,
          row: 2,
          column: 10,
          values: rows.map((_, i) => [`seal-${i}`]),
        },
      ],
    };
    host.apply(plan);
    return {
      getValues: book.callsOf("Range.getValues"),
      setValues: book.callsOf("Range.setValues"),
      all: book.totalCalls(),
    };
  };

  it("reads each sheet once and writes each block once", () => {
    const small = calls(10);
    expect(small.getValues).toBe(TEMPLATE.length);
    expect(small.setValues).toBe(2);
  });

  it("makes as many service calls for 1,500 rows as for 10", () => {
    expect(calls(1500)).toEqual(calls(10));
  });
});

describe("date cells read as serials of the spreadsheet's wall clock", () => {
  const zones = [
    "UTC",
    "Europe/Berlin",
    "Pacific/Auckland",
    "America/Los_Angeles",
    "Asia/Kolkata",
    "Australia/Lord_Howe",
  ];

  it("gives back the serial a date or date-time cell holds, in any zone, across daylight-saving changes", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: serialFromIso("1990-01-01"), max: serialFromIso("2090-12-31") }),
        fc.integer({ min: 0, max: 86399 }),
        (zone, day, second) => {
          const book = new FakeBook({ zone });
          const sheet = book.addSheet("Dates");
          const iso = new Date((day - 25569) * 86400000 + second * 1000).toISOString().slice(0, 19);
          sheet.userEdit(1, 1, iso.replace("T", " "), book.owner);
          const serial = open(book).host.readSheets(["Dates"]).Dates![0]![0] as number;
          // A wall-clock time that does not exist (skipped by a clock change) reads as the next valid one.
          const expected = serialFromLocalDateTime(iso);
          expect(Math.abs(serial - expected) <= 1 / 24 + 1e-9).toBe(true);
          if (second >= 4 * 3600) expect(serial).toBeCloseTo(expected, 8);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("reads a date-only cell as a whole serial", () => {
    const book = new FakeBook({ zone: "Pacific/Auckland" });
    book.addSheet("Dates").userEdit(1, 1, "2026-11-26", book.owner);
    expect(open(book).host.readSheets(["Dates"]).Dates).toEqual([[serialFromIso("2026-11-26")]]);
  });
});

describe("text the core writes stays text", () => {
  it("reads back every string as written, whatever Sheets would make of it typed", () => {
    const tricky = fc.constantFrom(
      "=1+1",
      "+1",
      "-2+3",
      "@cmd",
      "'quoted",
      "#N/A",
      "2026-11",
      "2026-11-26",
      "50%",
      "TRUE",
      "false",
      "007",
      "1e5",
      " 12 ",
      " - ",
      "  =1+1",
      "3/4",
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            tricky,
            fc.string({ minLength: 1 }).filter((s) => s.trim() !== ""),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        (texts) => {
          const book = FakeBook.fromGrids({ Notes: [["Text"]] });
          const { host } = open(book);
          host.apply({
            ops: [
              { op: "values", sheet: "Notes", row: 2, column: 1, values: texts.map((t) => [t]) },
            ],
          });
          const grid = host.readSheets(["Notes"]).Notes!;
          expect(grid.slice(1).map((r) => r[0])).toEqual(texts);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("leaves numbers and booleans as they are, and plain words without a text format", () => {
    const book = FakeBook.fromGrids({ Notes: [["Text"]] });
    const { host } = open(book);
    host.apply({
      ops: [
        { op: "values", sheet: "Notes", row: 1, column: 1, values: [["Green", 42, true, null]] },
      ],
    });
    expect(host.readSheets(["Notes"]).Notes).toEqual([["Green", 42, true]]);
    expect(book.sheet("Notes").cell(1, 1)!.format.numberFormat).toBeUndefined();
  });
});

describe("a sheet grows to hold what a plan writes", () => {
  it("adds rows and columns past the sheet's size instead of failing", () => {
    const book = FakeBook.fromGrids({ Log: [["When"]] });
    const { host } = open(book);
    host.apply({ ops: [{ op: "values", sheet: "Log", row: 1500, column: 30, values: [["far"]] }] });
    expect(book.sheet("Log").maxRows).toBeGreaterThanOrEqual(1500);
    expect(host.readSheets(["Log"]).Log![1499]![29]).toBe("far");
  });
});

describe("clearing and protecting cover the sheet to its end without growing it", () => {
  it("clamps a clear and a protection's open rows that run past the sheet's last row", () => {
    const book = FakeBook.fromGrids(workbookGrids(smallWorkbook()));
    const { host } = open(book);
    const checkins = book.sheet(SHEET.checkins);
    host.apply({
      ops: [
        {
          op: "clear",
          sheet: SHEET.objectives,
          range: { row: 2, column: 1, rows: 50000, columns: 40 },
        },
        {
          op: "protect",
          sheet: SHEET.checkins,
          editable: [{ row: 4, column: 1, rows: 1_048_573, columns: 10 }],
          description: "Sealed check-ins",
        },
      ],
    });
    expect(book.sheet(SHEET.objectives).maxRows).toBe(1000);
    expect(checkins.maxRows).toBe(1000);
    expect(host.readSheets([SHEET.objectives])[SHEET.objectives]!.length).toBe(1);
    expect(() => checkins.userEdit(2, 3, "Red", "rae@example.com")).toThrow(/protected/);
    checkins.userEdit(1000, 3, "Amber", "rae@example.com");
  });
});

describe("the seal anchor is kept in the hidden, protected Baton sheet", () => {
  it("stores and reads the anchor there, and leaves the sheet out of the workbook's sheets", () => {
    const book = FakeBook.fromGrids(workbookGrids(smallWorkbook()), {
      collaborators: ["rae@example.com"],
    });
    const { host, gas } = open(book);
    expect(host.readAnchor()).toBeNull();
    host.apply({ ops: [{ op: "setAnchor", value: "2026-W47:9f86d081" }] });
    const state = book.sheet(BATON_SHEET);
    expect(state.hidden).toBe(true);
    expect(state.protections).toHaveLength(1);
    expect(() => state.userEdit(1, 2, "forged", "rae@example.com")).toThrow(/protected/);
    expect(state.display(1, 2)).toBe("2026-W47:9f86d081");
    expect(gas.documentProperties.store.has(ANCHOR_PROPERTY)).toBe(false);
    expect(host.readAnchor()).toBe("2026-W47:9f86d081");
    expect(host.sheetNames()).toEqual(TEMPLATE);
  });

  it("reads an anchor an earlier version kept in Document Properties, and moves it on the next write", () => {
    const book = FakeBook.fromGrids(workbookGrids(smallWorkbook()));
    const { host, gas } = open(book);
    gas.documentProperties.store.set(ANCHOR_PROPERTY, "2026-W46:old");
    expect(host.readAnchor()).toBe("2026-W46:old");
    host.apply({ ops: [{ op: "setAnchor", value: "2026-W47:new" }] });
    expect(gas.documentProperties.store.has(ANCHOR_PROPERTY)).toBe(false);
    expect(host.readAnchor()).toBe("2026-W47:new");
  });
});

describe("sealed rows are protected for everyone but the owner and the user who sealed them", () => {
  const sealed = () => {
    const book = FakeBook.fromGrids(workbookGrids(smallWorkbook()), {
      owner: "lead@example.com",
      user: "pmo@example.com",
      collaborators: ["pmo@example.com", "rae@example.com"],
    });
    open(book).host.apply({
      ops: [
        {
          op: "protect",
          sheet: SHEET.checkins,
          editable: [{ row: 4, column: 1, rows: 997, columns: 10 }],
          description: "Sealed check-ins",
        },
      ],
    });
    return book;
  };

  it("removes every other editor and keeps the open rows editable", () => {
    const book = sealed();
    const [p] = book.sheet(SHEET.checkins).protections;
    expect(p!.description).toBe("Sealed check-ins");
    expect([...p!.editors].sort()).toEqual(["lead@example.com", "pmo@example.com"]);
    expect(() => book.sheet(SHEET.checkins).userEdit(2, 3, "Red", "rae@example.com")).toThrow(
      /protected/,
    );
    book.sheet(SHEET.checkins).userEdit(4, 3, "Amber", "rae@example.com");
    book.sheet(SHEET.checkins).userEdit(2, 3, "Red", "lead@example.com");
  });

  it("replaces its own protection when the sheet is sealed again", () => {
    const book = sealed();
    open(book).host.apply({
      ops: [
        {
          op: "protect",
          sheet: SHEET.checkins,
          editable: [{ row: 6, column: 1, rows: 995, columns: 10 }],
          description: "Sealed check-ins",
        },
      ],
    });
    expect(book.sheet(SHEET.checkins).protections).toHaveLength(1);
    expect(() => book.sheet(SHEET.checkins).userEdit(4, 3, "Red", "rae@example.com")).toThrow(
      /protected/,
    );
  });
});

describe("drop-downs guide entry without refusing it", () => {
  it("lists the allowed values and lets other values in, for validation to report", () => {
    const book = FakeBook.fromGrids(workbookGrids(smallWorkbook()));
    open(book).host.apply({
      ops: [
        {
          op: "listValidation",
          sheet: SHEET.checkins,
          range: { row: 2, column: 3, rows: 5, columns: 1 },
          values: ["Green", "Amber", "Red"],
        },
      ],
    });
    expect(book.sheet(SHEET.checkins).cell(6, 3)!.validation).toEqual({
      values: ["Green", "Amber", "Red"],
      allowInvalid: true,
    });
  });
});

describe("formats are batched without changing what the cells end up with", () => {
  const rect = fc.record({
    row: fc.integer({ min: 1, max: 12 }),
    column: fc.integer({ min: 1, max: 6 }),
    rows: fc.integer({ min: 1, max: 6 }),
    columns: fc.integer({ min: 1, max: 3 }),
  });
  const format: fc.Arbitrary<CellFormat> = fc.record(
    {
      fill: fc.constantFrom("#C6EFCE", "#FFC7CE", "#FFEB9C"),
      fontColor: fc.constantFrom("#006100", "#9C0006"),
      bold: fc.boolean(),
      italic: fc.boolean(),
      numberFormat: fc.constantFrom("@", "yyyy-mm-dd", "0%"),
      wrap: fc.boolean(),
    },
    { requiredKeys: [] },
  );
  const op = fc
    .record({ sheet: fc.constantFrom("A", "B"), range: rect, format })
    .map((o): WriteOp => ({ op: "format", ...o }));

  it("gives every cell the format that applying the ops one by one gives it", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 12 }), async (ops) => {
        const reference = new MemoryHost({ A: [["a"]], B: [["b"]] });
        await reference.apply({ ops });
        const book = FakeBook.fromGrids({ A: [["a"]], B: [["b"]] });
        open(book).host.apply({ ops });
        for (const sheet of ["A", "B"])
          for (let r = 1; r <= 18; r++)
            for (let c = 1; c <= 9; c++) {
              const want = reference.formatAt(sheet, r, c) ?? {};
              const got = book.sheet(sheet).cell(r, c)?.format ?? {};
              const at = `${sheet} R${r}C${c}`;
              expect(got.background ?? undefined, at).toBe(want.fill?.toLowerCase());
              expect(got.fontColor ?? undefined, at).toBe(want.fontColor?.toLowerCase());
              expect(got.fontWeight, at).toBe(
                want.bold === undefined ? undefined : want.bold ? "bold" : "normal",
              );
              expect(got.fontStyle, at).toBe(
                want.italic === undefined ? undefined : want.italic ? "italic" : "normal",
              );
              expect(got.numberFormat, at).toBe(want.numberFormat);
              expect(got.wrap, at).toBe(want.wrap);
            }
      }),
      { numRuns: 150 },
    );
  });

  it("makes one call per property when the formats tile a block", () => {
    const book = FakeBook.fromGrids({ A: [["a"]] });
    const statuses = ["Green", "Amber", "Red"] as const;
    const fills = { Green: "#C6EFCE", Amber: "#FFEB9C", Red: "#FFC7CE" };
    const ops: WriteOp[] = Array.from({ length: 300 }, (_, i) => ({
      op: "format",
      sheet: "A",
      range: { row: i + 2, column: 9, rows: 1, columns: 1 },
      format: { fill: fills[statuses[i % 3]!], fontColor: "#000000" },
    }));
    const before = book.totalCalls();
    open(book).host.apply({ ops });
    expect(book.callsOf("Range.setBackgrounds")).toBe(1);
    expect(book.callsOf("Range.setFontColors")).toBe(1);
    expect(book.totalCalls() - before).toBeLessThan(10);
  });
});

/** Generators and helpers shared by the ledger tests. */
import fc from "fast-check";
import {
  MemoryHost,
  SHEET,
  closePeriod,
  readWorkbook,
  serialFromLocalDateTime,
  type CellValue,
  type Grids,
} from "@baton/core";
import {
  workbookGrids,
  smallWorkbook,
  checkin,
  initiative,
  type RowSpec,
} from "../support/grids.ts";

/**
 * Any JavaScript string, cheaply: code points from every UTF-8 length class, where the three-byte
 * class includes the surrogate range, so lone surrogates occur.
 */
export const anyText = (maxLength = 60) =>
  fc
    .array(
      fc.oneof(
        fc.integer({ min: 0x20, max: 0x7e }),
        fc.integer({ min: 0, max: 0x7f }),
        fc.integer({ min: 0x80, max: 0x7ff }),
        fc.integer({ min: 0x800, max: 0xffff }),
        fc.integer({ min: 0x10000, max: 0x10ffff }),
      ),
      { maxLength },
    )
    .map((cps) =>
      cps.map((cp) => (cp > 0xffff ? String.fromCodePoint(cp) : String.fromCharCode(cp))).join(""),
    );

export const WEEKS = [
  "2026-W40",
  "2026-W41",
  "2026-W42",
  "2026-W43",
  "2026-W44",
  "2026-W45",
  "2026-W46",
  "2026-W47",
];
export const IDS = ["INI-1", "INI-2", "INI-3", "KPI-1"];

/** A Reported At cell as hosts give it: a serial (Excel, files), a Date (Apps Script), or blank. */
const reportedAt = fc.oneof(
  fc
    .integer({ min: 0, max: 95 })
    .map((q) => serialFromLocalDateTime("2026-10-05T00:00:00") + q / 96 + 7 * (q % 7)),
  fc.integer({ min: 0, max: 10_000 }).map((m) => new Date(Date.UTC(2026, 9, 5, 8, 0) + m * 60_000)),
  fc.constant(null),
);

/** One valid check-in row of `period` for `id`. */
const checkinRow = (period: string, id: string) =>
  fc
    .record({
      rag: fc.constantFrom("Green", "Amber", "Red", "green"),
      progress: fc.integer({ min: 0, max: 100 }),
      actual: fc.oneof(
        fc.integer({ min: -1000, max: 1000 }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      ),
      comment: fc.option(anyText(24), { nil: null }),
      reportedAt,
    })
    .map((r): RowSpec =>
      checkin(period, id, {
        ...(id.startsWith("KPI")
          ? { Actual: r.actual }
          : {
              RAG: r.rag,
              "Progress %": r.progress / 100,
              "Path to Green": r.rag === "Green" || r.rag === "green" ? null : "Escalate",
            }),
        Comment: r.comment,
        "Reported At": r.reportedAt,
      }),
    );

/** Check-ins of distinct (period, ID) pairs up to 2026-W47, in any order. */
export const checkinsArb = (max = 16) =>
  fc
    .uniqueArray(
      fc.tuple(
        fc.integer({ min: 0, max: WEEKS.length - 1 }),
        fc.integer({ min: 0, max: IDS.length - 1 }),
      ),
      {
        minLength: 1,
        maxLength: max,
        selector: ([w, i]) => `${w}/${i}`,
      },
    )
    .chain((pairs) => fc.tuple(...pairs.map(([w, i]) => checkinRow(WEEKS[w]!, IDS[i]!))));

/** The workbook around the check-ins: the initiatives and KPI they name, Current Period 2026-W48. */
export function ledgerWorkbook(
  checkins: RowSpec[],
  open: RowSpec[] = [],
  settings: Record<string, CellValue> = {},
): Record<string, CellValue[][]> {
  const spec = smallWorkbook({ initiatives: [initiative("INI-3", "OBJ-1")], settings });
  return workbookGrids({ ...spec, checkins: [...checkins, ...open] });
}

export interface Sealed {
  readonly host: MemoryHost;
  readonly grids: Grids;
  readonly checkins: CellValue[][];
  readonly anchor: string;
  /** Rows in the sealed block (sheet rows 2 to sealedRows + 1). */
  readonly sealedRows: number;
  /** Where Check-ins' columns are, by record key. */
  readonly columns: Readonly<Record<string, number>>;
}

/** Closes `period` in a memory host holding `grids`, and returns the workbook as it then reads. */
export async function sealed(
  grids: Record<string, CellValue[][]>,
  period = "2026-W47",
): Promise<Sealed> {
  const host = new MemoryHost(grids);
  const names = await host.sheetNames();
  const result = closePeriod({ grids: await host.readSheets(names), anchor: host.anchor, period });
  if (!result.ok)
    throw new Error(
      `close refused: ${result.message} ${result.issues.map((i) => i.message).join("; ")}`,
    );
  await host.apply(result.plan);
  const after = await host.readSheets(names);
  return {
    host,
    grids: after,
    checkins: after[SHEET.checkins]!.map((r) => [...r]),
    anchor: host.anchor!,
    sealedRows: result.sealedRows,
    columns: readWorkbook(after).workbook.layout.checkins!.columns,
  };
}

/** The grids with Check-ins replaced. */
export const withCheckins = (grids: Grids, checkins: CellValue[][]): Grids => ({
  ...grids,
  [SHEET.checkins]: checkins,
});

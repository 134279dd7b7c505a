/**
 * The canonical content of a check-in row, and the rule it exists for: the seal of the same
 * rows is identical whichever host read them.
 */
import { describe, expect, it } from "vitest";
import { DateTime } from "luxon";
import {
  SHEET,
  canonicalCell,
  canonicalRow,
  closePeriod,
  serialFromLocalDateTime,
  type CellValue,
  type CellKind,
  type Grids,
} from "@baton/core";
import { parseCsv } from "../../cli/src/files/csv.ts";
import { xlsxFileHost, memoryHost } from "../../fakes/hosts.ts";
import { checkin } from "../support/grids.ts";
import { ledgerWorkbook } from "./support.ts";

const TEXT: CellKind = { type: "text" };
const DATETIME: CellKind = { type: "datetime" };
const PERIOD: CellKind = { type: "period" };
const ZONE = "Europe/Berlin";

/** The wall-clock time in Berlin as Apps Script hands it: a Date for that instant. */
const berlin = (local: string) => DateTime.fromISO(local, { zone: ZONE }).toJSDate();

describe("canonical content", () => {
  it("writes a date-time one way, whether a host gave a serial, a Date or ISO text", () => {
    const serial = serialFromLocalDateTime("2026-11-20T16:30:00");
    const expected = "t:2026-11-20T16:30:00";
    expect(canonicalCell(serial, DATETIME, ZONE)).toBe(expected);
    expect(canonicalCell(berlin("2026-11-20T16:30:00"), DATETIME, ZONE)).toBe(expected);
    expect(canonicalCell("2026-11-20 16:30", DATETIME, ZONE)).toBe(expected);
    expect(canonicalCell("2026-11-20T16:30:00", DATETIME, ZONE)).toBe(expected);
    expect(canonicalCell(String(serial), DATETIME, ZONE)).toBe(expected); // a serial exported to CSV
  });

  it("reads a serial in the Period column as the date Excel made of a typed month", () => {
    expect(canonicalCell(serialFromLocalDateTime("2026-11-01T00:00:00"), PERIOD, ZONE)).toBe(
      canonicalCell(berlin("2026-11-01T00:00:00"), PERIOD, ZONE),
    );
    expect(canonicalCell("2026-W47", PERIOD, ZONE)).toBe("s:2026-W47");
  });

  it("writes a number in one form: 15 significant digits, no -0, and number text as the number", () => {
    expect(canonicalCell(0.1 + 0.2, TEXT, ZONE)).toBe("n:0.3");
    expect(canonicalCell(-0, TEXT, ZONE)).toBe("n:0");
    expect(canonicalCell(1 / 3, TEXT, ZONE)).toBe("n:0.333333333333333");
    expect(canonicalCell(1e21, TEXT, ZONE)).toBe("n:1e+21");
    expect(canonicalCell("0.35", TEXT, ZONE)).toBe(canonicalCell(0.35, TEXT, ZONE));
    expect(canonicalCell("42", TEXT, ZONE)).toBe("n:42");
  });

  it("keeps text as typed: case, spaces and other spellings of a number are content", () => {
    const distinct = [
      "Green",
      "green",
      " Green",
      "Green ",
      "0.350",
      "007",
      "35%",
      "1,234",
      " ",
      "TRUE",
    ];
    const entries = distinct.map((t) => canonicalCell(t, TEXT, ZONE));
    expect(new Set(entries).size).toBe(distinct.length);
    expect(canonicalCell("=1+1", TEXT, ZONE)).toBe("s:=1+1");
  });

  it("reads every kind of blank as blank, and a boolean as its text", () => {
    for (const blank of [null, undefined, ""]) expect(canonicalCell(blank, TEXT, ZONE)).toBeNull();
    expect(canonicalCell(true, TEXT, ZONE)).toBe(canonicalCell("TRUE", TEXT, ZONE));
  });

  it("does not depend on where the columns are, and leaves a team's own columns out", () => {
    const columns = {
      period: 1,
      id: 2,
      rag: 3,
      progress: 4,
      actual: 5,
      comment: 6,
      pathToGreen: 7,
      reportedBy: 8,
      reportedAt: 9,
      seal: 10,
    };
    const row: CellValue[] = [
      "2026-W47",
      "INI-1",
      "Green",
      0.4,
      null,
      "fine",
      null,
      "Rae",
      46346.6875,
      "1:ab",
      "team column",
    ];
    const moved = { ...columns, comment: 1, period: 6 };
    const swapped: CellValue[] = [
      "fine",
      "INI-1",
      "Green",
      0.4,
      null,
      "2026-W47",
      null,
      "Rae",
      46346.6875,
      "1:ab",
      "something else",
    ];
    expect(canonicalRow(swapped, moved, ZONE)).toBe(canonicalRow(row, columns, ZONE));
    expect(JSON.parse(canonicalRow(row, columns, ZONE))).toEqual([
      "s:2026-W47",
      "s:INI-1",
      "s:Green",
      "n:0.4",
      null,
      "s:fine",
      null,
      "s:Rae",
      "t:2026-11-20T16:30:00",
    ]);
  });
});

describe("the seal of the same rows is identical whichever host read them", () => {
  /** Check-ins as each host hands them: serials (Excel, .xlsx), Dates (Apps Script), text (CSV). */
  const rows = [
    {
      period: "2026-W46",
      id: "INI-1",
      progress: 0.35,
      at: "2026-11-13T16:30:00",
      comment: "Waiting on DEP-1 😀",
    },
    {
      period: "2026-W47",
      id: "INI-1",
      progress: 0.4,
      at: "2026-11-20T09:05:00",
      comment: "=not a formula",
    },
    { period: "2026-W47", id: "KPI-1", progress: null, at: "2026-11-20T17:45:30", comment: null },
    {
      period: "2026-W46",
      id: "INI-2",
      progress: 1,
      at: "2026-10-25T02:30:00",
      comment: "  spaced  ",
    }, // an hour Berlin lives twice
  ];
  const spec = (at: (local: string) => CellValue, num: (n: number) => CellValue) =>
    ledgerWorkbook(
      rows.map((r) =>
        checkin(r.period, r.id, {
          ...(r.id.startsWith("KPI")
            ? { Actual: num(12.5) }
            : { RAG: "Green", "Progress %": num(r.progress!) }),
          Comment: r.comment,
          "Reported At": at(r.at),
        }),
      ),
      [checkin("2026-W48", "INI-1")],
      { "Time Zone": ZONE },
    );
  const serials = spec(
    (t) => serialFromLocalDateTime(t),
    (n) => n,
  );
  const dates = spec(berlin, (n) => n);
  /** A CSV export: every cell is text, as the CSV host reads it. */
  const csv = (grids: Record<string, CellValue[][]>): Grids =>
    Object.fromEntries(
      Object.entries(grids).map(([name, grid]) => [
        name,
        parseCsv(
          grid
            .map((r) =>
              r
                .map((v) => (v === null || v === undefined ? "" : JSON.stringify(String(v))))
                .join(","),
            )
            .join("\n"),
        ),
      ]),
    );
  const texts = csv(
    spec(
      (t) => t.replace("T", " "),
      (n) => n,
    ),
  );

  const seals = (grids: Grids) => {
    const result = closePeriod({ grids, anchor: null, period: "2026-W47" });
    if (!result.ok)
      throw new Error(result.message + result.issues.map((i) => i.message).join("; "));
    const written = result.plan.ops
      .filter((o) => o.op === "values" && o.sheet === SHEET.checkins)
      .flatMap((o) => (o.op === "values" ? o.values.map((r) => r[r.length - 1]) : []));
    return { written, anchor: result.anchor };
  };

  it("gives the same seals and anchor for grids with Date objects, with serials, and as CSV text", () => {
    const reference = seals(serials);
    expect(reference.written.filter(Boolean)).toHaveLength(4);
    expect(seals(dates)).toEqual(reference);
    expect(seals(texts).anchor).toBe(reference.anchor);
  });

  it("gives the same seals through the in-memory host and an .xlsx file", async () => {
    const anchors: string[] = [];
    for (const factory of [memoryHost, xlsxFileHost]) {
      const t = await factory.create(serials);
      const grids = await t.host.readSheets(await t.host.sheetNames());
      const result = closePeriod({ grids, anchor: await t.host.readAnchor(), period: "2026-W47" });
      if (!result.ok) throw new Error(result.message);
      anchors.push(result.anchor);
    }
    expect(anchors[1]).toBe(anchors[0]);
    expect(anchors[0]).toBe(seals(serials).anchor);
  });
});

/**
 * Normalisation rules, one describe per rule of docs/MIGRATION.md: dates, numbers,
 * percentages, status words, dependency phrasings, column names, header rows.
 */
import { describe, expect, it } from "vitest";
import { readDateText, readDateCell } from "../../core/src/migrate/dates.ts";
import {
  readNumberText,
  decimalEvidence,
  toFraction,
  readPercentParts,
} from "../../core/src/migrate/numbers.ts";
import { statusOf, responseOf, directionOf, raidTypeOf } from "../../core/src/migrate/lookups.ts";
import { parseDependencyList, parseDependencyProse } from "../../core/src/migrate/dependencies.ts";
import { nameScores } from "../../core/src/migrate/mapping.ts";
import { findHeaderRow } from "../../core/src/migrate/header.ts";
import { STATUS_WORDS, LANGUAGES, DIRECTION_WORDS } from "../../core/src/migrate/vocabulary.ts";

describe("dates in any form", () => {
  it.each([
    ["2026-11-26", "2026-11-26"],
    ["2026-11-26 17:00:00", "2026-11-26"],
    ["2026-11-26T17:00:00Z", "2026-11-26"],
    ["2026/11/26", "2026-11-26"],
    ["26.11.2026", "2026-11-26"],
    ["26.11.26", "2026-11-26"],
    ["26 Nov 2026", "2026-11-26"],
    ["Nov 26, 2026", "2026-11-26"],
    ["26. November 2026", "2026-11-26"],
    ["26 novembre 2026", "2026-11-26"],
    ["26 de noviembre de 2026", "2026-11-26"],
    ["Thursday, November 26, 2026", "2026-11-26"],
    ["Do, 26.11.2026", "2026-11-26"],
    ["26/11/2026", "2026-11-26"],
    ["11/26/2026", "2026-11-26"],
    ["30/03/2016 5:00:00 PM", "2016-03-30"],
    ["3rd March 2026", "2026-03-03"],
  ])("reads %s as %s", (text, iso) => {
    const r = readDateText(text)!;
    expect("fixed" in r ? r.fixed : undefined).toBe(iso);
  });
  it("keeps both readings of an ambiguous date for the sheet to decide", () => {
    expect(readDateText("05/02/2016 5:00:00 PM")).toEqual({ dmy: "2016-02-05", mdy: "2016-05-02" });
  });
  it("says which order a date proves when only one reading exists", () => {
    expect(readDateText("25/12/2026")).toEqual({ fixed: "2026-12-25", proves: "dmy" });
    expect(readDateText("12/25/2026")).toEqual({ fixed: "2026-12-25", proves: "mdy" });
  });
  it("lets a weekday decide between two readings", () => {
    // 2026-02-05 is a Thursday, 2026-05-02 a Saturday.
    expect(readDateText("Thu 05/02/2026")).toEqual({ fixed: "2026-02-05" });
    expect(readDateText("Sat 05/02/2026")).toEqual({ fixed: "2026-05-02" });
  });
  it("reads serials and date cells, and refuses what is not a date", () => {
    expect(readDateCell(46352, "UTC")).toEqual({ fixed: "2026-11-26" });
    expect(readDateCell("46352", "UTC")).toEqual({ fixed: "2026-11-26" });
    expect(readDateCell(new Date(Date.UTC(2026, 10, 26, 23, 30)), "Europe/Berlin")).toEqual({
      fixed: "2026-11-27",
    });
    for (const t of ["TBC", "Q3", "31/02/2026", "next Friday", "12.5", ""])
      expect(readDateText(t)).toBeUndefined();
  });
});

describe("numbers with thousands separators or decimal commas", () => {
  it.each([
    ["1,234.5", "point", 1234.5],
    ["1.234,5", "comma", 1234.5],
    ["1 234,5", "comma", 1234.5],
    ["1'234.5", "point", 1234.5],
    ["€ 1.234", "comma", 1234],
    ["$1,234", "point", 1234],
    ["(1,234)", "point", -1234],
    ["−12", "point", -12],
    ["2066075.5899999999", "point", 2066075.59],
    ["1,5", "comma", 1.5],
  ] as const)("reads %s with a decimal %s as %d", (text, decimal, n) => {
    expect(readNumberText(text, decimal)).toBe(n);
  });
  it("refuses separators that do not group by threes", () => {
    expect(readNumberText("1,5", "point")).toBeUndefined();
    expect(readNumberText("12,34,5", "point")).toBeUndefined();
  });
  it("tells the decimal mark only from values that can be read one way", () => {
    expect(decimalEvidence("1,5")).toBe("comma");
    expect(decimalEvidence("1.234,56")).toBe("comma");
    expect(decimalEvidence("1.25")).toBe("point");
    expect(decimalEvidence("1,234")).toBeUndefined();
  });
});

describe("percentages in any form", () => {
  it("reads signs, points and fractions", () => {
    const f = (t: string | number, points: boolean) =>
      toFraction(readPercentParts(t, "point")!, points);
    expect(f("45%", false)).toBe(0.45);
    expect(f("45 %", true)).toBe(0.45);
    expect(f("45 pct", false)).toBe(0.45);
    expect(f(0.45, false)).toBe(0.45);
    expect(f("45", true)).toBe(0.45);
  });
});

describe("status vocabularies to RAG and Stage", () => {
  it("reads every word of the table in every language as its meaning", () => {
    for (const g of STATUS_WORDS)
      for (const l of LANGUAGES)
        for (const w of g.words[l]) expect(statusOf(w, true), w).toEqual(g.meaning);
  });
  it("reads one-letter codes only in a status column", () => {
    expect(statusOf("G", true)).toEqual({ stage: "In progress", rag: "Green" });
    expect(statusOf("G", false)).toBeUndefined();
  });
  it("combines the parts of a compound status, an explicit stage winning", () => {
    expect(statusOf("Amber - at risk", false)).toEqual({ stage: "In progress", rag: "Amber" });
    expect(statusOf("On hold / Red", false)).toEqual({ stage: "On hold", rag: "Red" });
    expect(statusOf("BLOCKED", false)).toEqual({ stage: "In progress", rag: "Red" });
    expect(statusOf("🟡", false)).toEqual({ stage: "In progress", rag: "Amber" });
    expect(statusOf("100%", false)).toEqual({ stage: "Done" });
    expect(statusOf("Hmm", true)).toBeUndefined();
  });
  it("reads RAID types, risk responses and KPI directions", () => {
    expect(raidTypeOf("Abhängigkeit")).toBe("dependency");
    expect(responseOf("Reduzierung")).toBe("Reduce");
    expect(responseOf("Akzeptieren/Übertragen")).toBe("Accept/Transfer");
    for (const [dir, t] of Object.entries(DIRECTION_WORDS))
      for (const l of LANGUAGES) for (const w of t[l]) expect(directionOf(w), w).toBe(dir);
  });
});

describe("free-text dependencies", () => {
  const refs = (d: ReturnType<typeof parseDependencyList>) =>
    d.map((x) =>
      x.ref.kind === "number" ? `#${x.ref.n}` : x.ref.kind === "id" ? x.ref.id : `"${x.ref.name}"`,
    );
  it("reads lists in a dependencies column", () => {
    expect(refs(parseDependencyList("#4, #5"))).toEqual(["#4", "#5"]);
    expect(refs(parseDependencyList("#1; #2"))).toEqual(["#1", "#2"]);
    expect(refs(parseDependencyList("4 and 5"))).toEqual(["#4", "#5"]);
    expect(refs(parseDependencyList("INI-4"))).toEqual(["INI-4"]);
    expect(refs(parseDependencyList("waiting on Network refresh"))).toEqual(['"Network refresh"']);
    expect(refs(parseDependencyList("Research and Development"))).toEqual([
      '"Research and Development"',
    ]);
  });
  it("reads link types and lags of project plans", () => {
    expect(parseDependencyList("2fs")[0]).toMatchObject({
      ref: { kind: "number", n: 2 },
      link: "finish-to-start",
    });
    expect(parseDependencyList("4SS+2d")[0]).toMatchObject({
      ref: { kind: "number", n: 4 },
      link: "start-to-start",
    });
  });
  it("reads a deliverable with its reference", () => {
    expect(parseDependencyProse("blocked by Vendor SLA data (#9)")).toMatchObject([
      { ref: { kind: "number", n: 9 }, deliverable: "Vendor SLA data", weak: false },
    ]);
    expect(parseDependencyList("API spec from #4")).toMatchObject([
      { ref: { kind: "number", n: 4 }, deliverable: "API spec" },
    ]);
  });
  it("reads prose only after a dependency phrase, to the end of the sentence, in four languages", () => {
    expect(refs(parseDependencyProse("Waiting on #4, #5. Demo next week."))).toEqual(["#4", "#5"]);
    expect(refs(parseDependencyProse("Wartet auf #7"))).toEqual(["#7"]);
    expect(refs(parseDependencyProse("Dépend de #3"))).toEqual(["#3"]);
    expect(refs(parseDependencyProse("Depende de #2"))).toEqual(["#2"]);
    expect(parseDependencyProse("Demo went well")).toEqual([]);
    expect(parseDependencyProse("after the steering meeting")[0]).toMatchObject({ weak: true });
  });
});

describe("column names in several languages", () => {
  const best = (h: string) => [...nameScores(h)].sort((a, b) => b[1] - a[1])[0];
  it.each([
    ["Responsible", "owner", 1],
    ["Verantwortlich", "owner", 1],
    ["Responsable", "owner", 1],
    ["Fälligkeit", "due", 1],
    ["Échéance", "due", 1],
    ["Fecha límite", "due", 1],
    ["Owner Team", "team", 0.75],
    ["Projektstatus", "stage", 1],
    ["Eintrittswahrscheinlichkeit", "probability", 1],
    ["StartDate", "start", 1],
  ] as const)("%s is %s", (header, field, score) => {
    expect(best(header)).toEqual([field, score]);
  });
  it("lets the last words of a name decide: an Owner Group is no owner", () => {
    expect(nameScores("Owner Group").get("owner")!).toBeLessThan(0.3);
  });
});

describe("the header row below a title block", () => {
  it("skips titles, notes and blank rows above the header", () => {
    const grid = [
      ["Project Tracker 2026"],
      ["Owner: PMO", null],
      [],
      ["ID", "Task", "Owner", "Due"],
      [1, "A", "Ana", "2026-01-01"],
      [2, "B", "Ben", "2026-02-01"],
    ];
    expect(findHeaderRow(grid)).toBe(3);
  });
  it("finds a header of names it does not know by its shape", () => {
    const grid = [["Quarterly report"], ["Alpha", "Beta", "Gamma"], ["x", 1, 2], ["y", 3, 4]];
    expect(findHeaderRow(grid)).toBe(1);
  });
});

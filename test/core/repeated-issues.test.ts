/** Repeated issues of one code on one sheet become one entry, at the place of the first. */
import { describe, expect, it } from "vitest";
import { groupRepeatedIssues, rowsText, validateGrids } from "@baton/core";
import { checkin, smallWorkbook, workbookGrids } from "../support/grids.ts";

const issue = (sheet: string, code: string, row: number, severity = "warning") => ({
  sheet,
  code,
  severity,
  row,
});

describe("grouping repeated issues", () => {
  it("groups three or more of one code, severity and sheet; keeps the rest and the order", () => {
    const issues = [
      issue("Check-ins", "future", 5),
      issue("Check-ins", "missing-rag", 6, "error"),
      issue("Check-ins", "future", 7),
      issue("Check-ins", "future", 8),
      issue("Initiatives", "future", 2),
      issue("Check-ins", "blank", 9),
      issue("Check-ins", "blank", 10),
      issue("Check-ins", "future", 11, "error"),
    ];
    const entries = groupRepeatedIssues(issues);
    expect(
      entries.map((e) => (e.kind === "one" ? `one ${e.issue.row}` : `group ${e.rows}`)),
    ).toEqual(["group rows 5, 7–8", "one 6", "one 2", "one 9", "one 10", "one 11"]);
    const g = entries[0]!;
    if (g.kind !== "group") throw new Error("the first entry is the group");
    expect(g.issues).toEqual([issues[0], issues[2], issues[3]]);
    expect(g.key).toBe("Check-ins:future:warning");
    expect(groupRepeatedIssues([])).toEqual([]);
  });

  it("writes rows as people do", () => {
    expect(rowsText([4])).toBe("row 4");
    expect(rowsText([29, 5, 6, 7, 31, 30, 40, 6])).toBe("rows 5–7, 29–31, 40");
  });

  it("a Current Period left behind: 25 warnings of one kind are one entry, the errors stay in view", () => {
    const weeks = Array.from({ length: 26 }, (_, n) => `2026-W${22 + n}`);
    const { issues } = validateGrids(
      workbookGrids({
        ...smallWorkbook({ settings: { "Current Period": "2026-W22" } }),
        checkins: [
          ...weeks.map((w) => checkin(w, "INI-1")),
          checkin("2026-W21", "INI-2", { RAG: null }),
        ],
      }),
    );
    const checkins = issues.filter((i) => i.sheet === "Check-ins");
    expect(checkins.filter((i) => i.code === "checkin-future-period")).toHaveLength(25);
    const entries = groupRepeatedIssues(checkins);
    expect(entries).toHaveLength(checkins.length - 24);
    expect(entries.filter((e) => e.kind === "group")).toHaveLength(1);
  });
});

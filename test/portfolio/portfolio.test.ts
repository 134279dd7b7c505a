/** DESIGN.md "Portfolio": many workbooks judged as one graph, with qualified IDs. */
import { describe, expect, it } from "vitest";
import {
  evaluatePortfolio,
  portfolioHtml,
  portfolioMarkdown,
  portfolioPlan,
  portfolioSummaryOf,
  type MemberInput,
} from "@baton/core";
import { handoff, workbookGrids, type WorkbookSpec } from "../support/grids.ts";
import { AS_OF, ini, plus, world } from "../engine/world.ts";

const member = (file: string, spec: WorkbookSpec): MemberInput => ({
  file,
  grids: workbookGrids(world(spec)),
});

/** support's INI-1 waits on dev's DEP-1, due three days ago. */
function silos(devHandoff: Record<string, unknown> = {}, supportExtra: WorkbookSpec = {}) {
  return [
    member("support.xlsx", {
      initiatives: [ini("INI-1", { Team: "IT Support", Initiative: "Ticket routing" })],
      settings: { Workbook: "support" },
      ...supportExtra,
    }),
    member("dev.xlsx", {
      initiatives: [ini("INI-1", { Team: "Development" }), ini("INI-2")],
      handoffs: [
        handoff("DEP-1", "INI-1", "support:INI-1", {
          "Needed By": plus(AS_OF, -3),
          Deliverable: "Routing API",
          ...devHandoff,
        }),
        handoff("DEP-2", "INI-1", "INI-2", { "Needed By": plus(AS_OF, 30) }),
      ],
      settings: { Workbook: "dev" },
    }),
  ];
}

const run = (inputs: MemberInput[]) =>
  evaluatePortfolio(inputs, { asOf: AS_OF, now: new Date(`${AS_OF}T12:00:00Z`) });
const byId = <T extends { id: string }>(list: readonly T[], id: string) =>
  list.find((e) => e.id === id)!;
const issuesOf = (p: ReturnType<typeof run>, name: string) =>
  p.members.find((m) => m.name === name)!.issues;

describe("one graph over the workbooks", () => {
  it("turns support's initiative Red on dev's late hand-off and names it as root cause", () => {
    const p = run(silos());
    const ini1 = byId(p.evaluation.initiatives, "support:INI-1");
    expect(ini1.status).toBe("Red");
    expect(ini1.rootCauses).toEqual(["dev:DEP-1"]);
    expect(byId(p.evaluation.handoffs, "dev:DEP-1").status).toBe("Red");
    expect(byId(p.evaluation.initiatives, "dev:INI-1").status).toBe("Green");
  });
  it("gives each member its share in its own IDs, other workbooks' qualified", () => {
    const p = run(silos());
    const [support, dev] = p.local;
    expect(support!.initiatives.map((i) => [i.id, i.status, i.rootCauses])).toEqual([
      ["INI-1", "Red", ["dev:DEP-1"]],
    ]);
    expect(dev!.handoffs.map((h) => [h.id, h.blocks])).toEqual([
      ["DEP-1", 1],
      ["DEP-2", 1],
    ]);
  });
  it("carries trouble across workbooks both ways: a provider Red in support makes dev's hand-off Amber", () => {
    const inputs = [
      member("support.xlsx", {
        initiatives: [ini("INI-1", { Due: plus(AS_OF, -1) })],
        handoffs: [handoff("DEP-9", "INI-1", "dev:INI-2", { "Needed By": plus(AS_OF, 30) })],
        settings: { Workbook: "support" },
      }),
      member("dev.xlsx", { initiatives: [ini("INI-2")], settings: { Workbook: "dev" } }),
    ];
    const p = run(inputs);
    expect(byId(p.evaluation.handoffs, "support:DEP-9").status).toBe("Amber");
    const dev2 = byId(p.evaluation.initiatives, "dev:INI-2");
    expect(dev2.status).toBe("Amber");
    expect(dev2.rootCauses).toEqual(["support:INI-1"]);
  });
  it("leaves no outside-workbook note once the portfolio holds the other workbook", () => {
    const p = run(silos());
    expect(p.members.flatMap((m) => m.issues).map((i) => i.code)).not.toContain("outside-workbook");
  });
});

describe("validation across workbooks", () => {
  it("names a workbook the portfolio does not hold, at the cell", () => {
    const p = run(silos({ "To Initiative": "ops:INI-1" }));
    const issue = issuesOf(p, "dev").find((i) => i.code === "unknown-workbook")!;
    expect(issue).toMatchObject({
      severity: "error",
      sheet: "Hand-offs",
      row: 2,
      column: "To Initiative",
      cell: "C2",
    });
    expect(issue.message).toContain('"ops"');
    expect(issue.message).toContain("support, dev");
  });
  it("names an ID the other workbook does not have", () => {
    const p = run(silos({ "To Initiative": "support:INI-9" }));
    const issue = issuesOf(p, "dev").find((i) => i.code === "unknown-portfolio-reference")!;
    expect(issue).toMatchObject({ cell: "C2", severity: "error" });
    expect(issue.message).toContain("support:INI-9");
  });
  it("matches workbook names ignoring case and shows them as the workbook spells them", () => {
    const p = run(silos({ "To Initiative": "SUPPORT:INI-1" }));
    expect(byId(p.evaluation.initiatives, "support:INI-1").rootCauses).toEqual(["dev:DEP-1"]);
  });
  it("refuses two members with one name: the second is left out and named", () => {
    const [support, dev] = silos();
    const twin = member("support-copy.xlsx", {
      initiatives: [ini("INI-5")],
      settings: { Workbook: "Support" },
    });
    const p = run([support!, dev!, twin]);
    const m = p.members[2]!;
    expect(m.inGraph).toBe(false);
    const issue = m.issues.find((i) => i.code === "duplicate-workbook-name")!;
    expect(issue).toMatchObject({ sheet: "Settings", column: "Value", severity: "error" });
    expect(issue.message).toContain("support.xlsx");
    expect(p.evaluation.initiatives.map((i) => i.id)).not.toContain("support:INI-5");
  });
  it("asks a member without a Workbook name for one, and still judges it under its file's name", () => {
    const [support, dev] = silos();
    const nameless = member("ops team.xlsx", { initiatives: [ini("INI-1")] });
    const p = run([support!, dev!, nameless]);
    const issue = p.members[2]!.issues.find((i) => i.code === "missing-workbook-name")!;
    expect(issue).toMatchObject({ sheet: "Settings", column: "Key", severity: "error" });
    expect(byId(p.evaluation.initiatives, "ops-team:INI-1").status).toBe("Green");
  });
  it("finds a cycle through two workbooks, reported in each at the From cell", () => {
    const inputs = [
      member("a.xlsx", {
        initiatives: [ini("INI-1")],
        handoffs: [handoff("DEP-1", "INI-1", "b:INI-1", { "Needed By": plus(AS_OF, 30) })],
        settings: { Workbook: "a" },
      }),
      member("b.xlsx", {
        initiatives: [ini("INI-1")],
        handoffs: [handoff("DEP-1", "INI-1", "a:INI-1", { "Needed By": plus(AS_OF, 30) })],
        settings: { Workbook: "b" },
      }),
    ];
    const p = run(inputs);
    for (const name of ["a", "b"]) {
      const cycle = issuesOf(p, name).filter((i) => i.code === "handoff-cycle");
      expect(cycle).toHaveLength(1);
      expect(cycle[0]).toMatchObject({ cell: "B2", sheet: "Hand-offs" });
      expect(cycle[0]!.message).toMatch(/a:INI-1|b:INI-1/);
    }
    expect(byId(p.evaluation.initiatives, "a:INI-1").status).toBe("Red");
  });
  it("warns a member whose rules differ from the first member's, naming the value used", () => {
    const [support, dev] = silos();
    const wider = {
      ...dev!,
      grids: workbookGrids(world({ settings: { Workbook: "dev", "Amber Window": 10 } })),
    };
    const p = run([support!, wider]);
    const issue = issuesOf(p, "dev").find((i) => i.code === "portfolio-settings-differ")!;
    expect(issue).toMatchObject({ severity: "warning", sheet: "Settings", column: "Value" });
    expect(issue.message).toContain("support");
  });
});

describe("the portfolio summary", () => {
  it("lists the hand-offs between workbooks at risk first, then a section per workbook", () => {
    const s = portfolioSummaryOf(run(silos()));
    expect(s.crossTeam.map((h) => h.id)).toEqual(["dev:DEP-1"]);
    expect(s.workbooks.map((w) => w.name)).toEqual(["support", "dev"]);
    expect(s.workbooks[0]!.atRisk).toEqual([
      expect.objectContaining({ id: "support:INI-1", status: "Red", rootCauses: ["dev:DEP-1"] }),
    ]);
    expect(s.whole.handoffs.map((h) => h.id)).toEqual(["dev:DEP-1"]);

    const md = portfolioMarkdown(s);
    const cross = md.indexOf("## Hand-offs between workbooks at risk");
    const support = md.indexOf("## Workbook support");
    const whole = md.indexOf("## Board summary 2026-W48");
    expect(cross).toBeGreaterThan(0);
    expect(support).toBeGreaterThan(cross);
    expect(whole).toBeGreaterThan(support);
    expect(md.slice(cross, support)).toContain("dev:DEP-1");
    expect(md).toContain("### Headline");
  });
  it("words a member's issues the same in a terminal and in Sheets, naming no command", () => {
    const s = portfolioSummaryOf(run(silos({ "To Initiative": "nowhere:INI-1" })));
    const dev = s.workbooks.find((w) => w.name === "dev")!;
    expect(dev.errors).toBeGreaterThan(0);
    const md = portfolioMarkdown(s);
    expect(md).toContain("validate dev.xlsx to see each at its cell.");
    expect(md).not.toContain("baton validate");
  });
  it("keeps cell text inert in Markdown, HTML and the sheet", () => {
    const s = portfolioSummaryOf(
      run(silos({ Deliverable: '<img src=x onerror=alert(1)> | =HYPERLINK("x")' })),
    );
    const html = portfolioHtml(s);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&lt;img src=x");
    expect(html.indexOf("Hand-offs between workbooks at risk")).toBeLessThan(
      html.indexOf("Board summary"),
    );
    expect(portfolioMarkdown(s)).toContain("\\<img src=x onerror=alert(1)\\> \\|");
    const plan = portfolioPlan(s, []);
    const values = plan.ops.flatMap((o) => (o.op === "values" ? o.values.flat() : []));
    expect(values).toContain('<img src=x onerror=alert(1)> | =HYPERLINK("x")');
    expect(plan.ops.filter((o) => o.op === "addSheet").map((o) => o.sheet)).toEqual([
      "Portfolio 2026-W48",
      "Board Summary 2026-W48",
    ]);
  });
});

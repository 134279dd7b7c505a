/**
 * The portfolio summary as Markdown: the hand-offs between workbooks at risk first, a section
 * per workbook, then the whole portfolio's board summary one heading level down. Cell text is
 * escaped as the board summary escapes it.
 */
import { escapeMarkdown as md } from "../summary/escape.ts";
import { summaryMarkdown } from "../summary/markdown.ts";
import { moreText, named, reasonsText } from "../summary/words.ts";
import type { PortfolioSummary } from "./summary.ts";
import {
  NO_AT_RISK,
  NO_CROSS_TEAM,
  PORTFOLIO_SECTION,
  portfolioSubtitle,
  portfolioTitle,
  workbookLine,
} from "./words.ts";

const row = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
const status = (s: string) => (s === "Red" ? "**Red**" : s);

export function portfolioMarkdown(p: PortfolioSummary): string {
  const out: string[] = [`# ${md(portfolioTitle(p))}`, "", `_${md(portfolioSubtitle(p))}_`, ""];
  out.push(`## ${md(PORTFOLIO_SECTION.crossTeam)}`, "");
  if (!p.crossTeam.length) out.push(md(NO_CROSS_TEAM));
  else {
    out.push(
      row(["Hand-off", "Status", "From", "To", "Days late", "Blocks", "Root cause", "Why"]),
      row(["---", "---", "---", "---", "---:", "---:", "---", "---"]),
      ...p.crossTeam.map((h) =>
        row([
          md(named(h.id, h.deliverable)),
          status(h.status),
          md(h.provider ? named(h.provider.id, h.provider.name) : ""),
          md(h.waiting ? named(h.waiting.id, h.waiting.name) : ""),
          h.daysLate === null ? "" : String(h.daysLate),
          String(h.blocks),
          md(h.rootCauses.map((c) => c.id).join(", ")),
          md(reasonsText(h.reasons)),
        ]),
      ),
    );
    if (p.crossTeamOmitted) out.push("", md(moreText(p.crossTeamOmitted)));
  }
  out.push("");
  for (const w of p.workbooks) {
    out.push(`## ${md(PORTFOLIO_SECTION.workbook(w))}`, "", md(workbookLine(w)), "");
    if (!w.inGraph) continue;
    if (!w.atRisk.length) out.push(md(NO_AT_RISK));
    else {
      out.push(
        row(["Initiative", "Status", "Owner", "Root cause"]),
        row(["---", "---", "---", "---"]),
        ...w.atRisk.map((i) =>
          row([
            md(named(i.id, i.name)),
            status(i.status),
            md(i.owner ?? ""),
            md(i.rootCauses.join(", ")),
          ]),
        ),
      );
      if (w.omitted) out.push("", md(moreText(w.omitted)));
    }
    out.push("");
  }
  // The whole portfolio's board summary, its headings one level down; no other line of it
  // starts with "#" (cell text is escaped, tables start with "|").
  const whole = summaryMarkdown(p.whole)
    .split("\n")
    .map((l) => (l.startsWith("#") ? `#${l}` : l));
  out.push(...whole);
  return out.join("\n").replace(/\n+$/, "\n");
}

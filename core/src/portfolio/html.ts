/**
 * The portfolio summary as one self-contained HTML page: the board summary's page of the
 * whole portfolio, with the portfolio's own sections (hand-offs between workbooks at risk,
 * then one per workbook) ahead of the board's. Every text from cells is escaped.
 */
import { escapeHtml as esc } from "../summary/escape.ts";
import { summaryHtml } from "../summary/html.ts";
import { moreText, reasonsText } from "../summary/words.ts";
import { STATUS_FILL } from "../ports/plan.ts";
import type { PortfolioSummary } from "./summary.ts";
import {
  NO_AT_RISK,
  NO_CROSS_TEAM,
  PORTFOLIO_SECTION,
  PORTFOLIO_TITLE,
  portfolioSubtitle,
  portfolioTitle,
  workbookLine,
} from "./words.ts";

const id = (t: string) => `<span class="id">${esc(t)}</span>`;
const named = (i: string, name: string | null) => (name ? `${id(i)} ${esc(name)}` : id(i));
const pill = (s: "Red" | "Amber") =>
  `<span class="pill" style="background:${STATUS_FILL[s].fill};color:${STATUS_FILL[s].fontColor}">${s}</span>`;

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
}

export function portfolioHtml(p: PortfolioSummary): string {
  const parts: string[] = [
    `<header class="top"><div><p class="kicker">Baton · ${esc(PORTFOLIO_TITLE)}</p><h1>${esc(portfolioTitle(p))}</h1><p class="sub">${esc(portfolioSubtitle(p))}</p></div></header>`,
    `<section><h2>${esc(PORTFOLIO_SECTION.crossTeam)}</h2>`,
  ];
  if (!p.crossTeam.length) parts.push(`<p class="none">${esc(NO_CROSS_TEAM)}</p>`);
  else {
    parts.push(
      table(
        ["Hand-off", "Status", "From", "To", "Days late", "Blocks", "Root cause", "Why"],
        p.crossTeam.map((h) => [
          named(h.id, h.deliverable),
          pill(h.status),
          h.provider ? named(h.provider.id, h.provider.name) : "",
          h.waiting ? named(h.waiting.id, h.waiting.name) : "",
          h.daysLate === null ? "" : String(h.daysLate),
          String(h.blocks),
          h.rootCauses.map((c) => id(c.id)).join("<br>"),
          esc(reasonsText(h.reasons)),
        ]),
      ),
    );
    if (p.crossTeamOmitted) parts.push(`<p class="more">${esc(moreText(p.crossTeamOmitted))}</p>`);
  }
  parts.push(`</section>`);
  for (const w of p.workbooks) {
    parts.push(
      `<section><h2>${esc(PORTFOLIO_SECTION.workbook(w))}</h2><p>${esc(workbookLine(w))}</p>`,
    );
    if (w.inGraph) {
      if (!w.atRisk.length) parts.push(`<p class="none">${esc(NO_AT_RISK)}</p>`);
      else
        parts.push(
          table(
            ["Initiative", "Status", "Owner", "Root cause"],
            w.atRisk.map((i) => [
              named(i.id, i.name),
              pill(i.status),
              i.owner ? esc(i.owner) : "",
              i.rootCauses.map(id).join("<br>"),
            ]),
          ),
        );
      if (w.omitted) parts.push(`<p class="more">${esc(moreText(w.omitted))}</p>`);
    }
    parts.push(`</section>`);
  }
  parts.push(`<h2>${esc(PORTFOLIO_SECTION.whole)}</h2>`);
  // The board summary's page is Baton's own markup: its body begins right after <main>.
  const board = summaryHtml(p.whole);
  const at = board.indexOf("<main>") + "<main>".length;
  return (
    board
      .slice(0, at)
      .replace(/<title>[^<]*<\/title>/, `<title>${esc(portfolioTitle(p))}</title>`) +
    parts.join("\n") +
    "\n" +
    board.slice(at)
  );
}

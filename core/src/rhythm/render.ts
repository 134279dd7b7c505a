/**
 * A digest as people read it: plain text (the mail's text part, the dry run), HTML mail
 * (inline styles only, since mail clients drop style sheets; every text from a cell escaped),
 * and a chat message (Slack and Teams incoming webhooks both take `{"text": ...}`).
 */
import { STATUS_FILL } from "../ports/plan.ts";
import { escapeHtml } from "../summary/escape.ts";
import type { Digest, DigestItem } from "./digest.ts";
import { plural } from "../text/plural.ts";

export interface DigestContext {
  /** What the workbook is called: its file name, or the spreadsheet's title. */
  readonly place: string;
  readonly asOf: string;
}

const LABEL: Readonly<Record<DigestItem["severity"], string>> = {
  Red: "Red",
  Amber: "Amber",
  Request: "Asked",
  Done: "Delivered",
};

const COLOURS: Readonly<Record<DigestItem["severity"], { fill: string; fontColor: string }>> = {
  Red: STATUS_FILL.Red,
  Amber: STATUS_FILL.Amber,
  Request: { fill: "#DDEBF7", fontColor: "#1F4E78" },
  Done: STATUS_FILL.Green,
};

const intro = (d: Digest, c: DigestContext, omitted = 0) =>
  `Baton has ${plural(d.items.length + omitted, "thing")} for you in ${c.place} (as of ${c.asOf}), worst first.` +
  (d.heldSince
    ? ` This digest was held back since ${d.heldSince}, when the day's mail quota ran out; some of it may be older news.`
    : "");

/**
 * The digest as plain text. `omitted` says how many of the person's items were left out of
 * `d.items` (a mail link has room for so much): the text counts them and says where they are.
 */
export function digestText(d: Digest, c: DigestContext, omitted = 0): string {
  const items = d.items.map((item, i) =>
    [
      `${i + 1}. [${LABEL[item.severity]}] ${item.changed}`,
      `   Since: ${item.since}`,
      `   Asked of you: ${item.ask}`,
      `   Where: ${item.where.sheet}!${item.where.cell}`,
      ...(item.link ? [`   Answer here: ${item.link}`] : []),
    ].join("\n"),
  );
  const more = omitted
    ? [
        "",
        `... and ${plural(omitted, "more thing")}, left out to keep this mail short: Baton lists them all in ${c.place}.`,
      ]
    : [];
  return [
    `Hello ${d.to.name},`,
    "",
    intro(d, c, omitted),
    "",
    items.join("\n\n"),
    ...more,
    "",
    "Baton",
    "",
  ].join("\n");
}

export function digestHtml(d: Digest, c: DigestContext): string {
  const e = escapeHtml;
  const cell = "padding:8px;border-bottom:1px solid #D9D9D9;vertical-align:top;text-align:left";
  const rows = d.items
    .map((item) => {
      const { fill, fontColor } = COLOURS[item.severity];
      return (
        `<tr>` +
        `<td style="${cell};white-space:nowrap"><span style="background:${fill};color:${fontColor};padding:2px 6px;border-radius:3px;font-weight:bold">${e(LABEL[item.severity])}</span></td>` +
        `<td style="${cell}"><strong>${e(item.id)}</strong><br>${e(item.changed)}<br><span style="color:#595959">Since ${e(item.since)} &middot; ${e(item.where.sheet)}!${e(item.where.cell)}</span></td>` +
        `<td style="${cell}">${e(item.ask)}${item.link ? `<br><a href="${e(item.link)}" style="color:#1F4E78;font-weight:bold">Answer here</a>` : ""}</td>` +
        `</tr>`
      );
    })
    .join("");
  const head = `padding:8px;text-align:left;background:#1F3864;color:#FFFFFF`;
  return (
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${e(subjectless(d))}</title></head>` +
    `<body style="font-family:Segoe UI,Arial,sans-serif;font-size:14px;color:#1F1F1F">` +
    `<p style="margin:0 0 12px 0">Hello ${e(d.to.name)},</p>` +
    `<p style="margin:0 0 12px 0">${e(intro(d, c))}</p>` +
    `<table style="border-collapse:collapse;width:100%;max-width:760px">` +
    `<tr><th style="${head}">Status</th><th style="${head}">What changed</th><th style="${head}">Asked of you</th></tr>` +
    rows +
    `</table><p style="margin:12px 0 0 0;color:#595959">Baton</p></body></html>`
  );
}

const subjectless = (d: Digest) => `Baton for ${d.to.name}`;

/** Slack's three control characters; a cell cannot make a link or mention the channel. */
const escapeChat = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** One chat message for the run: each person's items, under their name. */
export function chatMessage(digests: readonly Digest[], c: DigestContext): { text: string } {
  const e = escapeChat;
  const blocks = digests.map(
    (d) =>
      `*${e(d.to.name)}*\n` +
      d.items
        .map(
          (item) =>
            `• [${LABEL[item.severity]}] ${e(item.changed)} Since ${e(item.since)}. Asked: ${e(item.ask)}`,
        )
        .join("\n"),
  );
  return { text: [`Baton: ${e(c.place)} as of ${e(c.asOf)}`, ...blocks].join("\n\n") };
}

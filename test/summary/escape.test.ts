/**
 * Text from cells stays text: escaped for HTML it decodes back to itself and holds no markup;
 * escaped for Markdown, a CommonMark renderer (markdown-it, raw HTML allowed) shows exactly the
 * characters and makes no element of them, in a paragraph and in a table cell.
 */
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import MarkdownIt from "markdown-it";
import { escapeHtml, escapeMarkdown } from "@baton/core";
import { XSS } from "./support.ts";

const markdown = new MarkdownIt({ html: true });

/** Any text a cell can hold: every UTF-16 code unit, lone surrogates and controls included, weighted towards markup. */
const cellText = fc.string({
  unit: fc.oneof(
    fc.constantFrom(..."<>&\"'`*_[]()!#|~\\-+=.:;/ \n\r\t1"),
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
  ),
  maxLength: 40,
});

const decodeHtml = (s: string) =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[e]!,
  );

/** What a line of text should read as: breaks as spaces, ends trimmed, characters HTML cannot carry as U+FFFD. */
const asLine = (s: string) =>
  s
    .replace(/\r\n?|\n/g, " ")
    .trim()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "\uFFFD");

describe("escapeHtml", () => {
  it("turns the XSS probe into characters", () => {
    expect(escapeHtml(XSS)).toBe("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("leaves no character that starts markup or ends an attribute, and decodes back to the text", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(e.replace(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        const expected = s.replace(
          /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
          "\uFFFD",
        );
        expect(decodeHtml(e)).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });
});

describe("escapeMarkdown", () => {
  it("shows the XSS probe as characters, with no element", () => {
    expect(markdown.render(escapeMarkdown(XSS))).toBe(
      "<p>&lt;img src=x onerror=alert(1)&gt;</p>\n",
    );
  });

  it("renders as one paragraph that reads exactly as the text, whatever the text", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const expected = asLine(s);
        fc.pre(expected !== "");
        const html = markdown.render(escapeMarkdown(s));
        const m = /^<p>([^<]*)<\/p>\n$/.exec(html);
        expect(m, html).not.toBeNull();
        expect(decodeHtml(m![1]!)).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it("stays inside its table cell, whatever the text", () => {
    fc.assert(
      fc.property(cellText, (s) => {
        const expected = asLine(s);
        const html = markdown.render(`| a | b |\n| --- | --- |\n| ${escapeMarkdown(s)} | end |\n`);
        const cells = [...html.matchAll(/<td>([^<]*)<\/td>/g)].map((c) => decodeHtml(c[1]!));
        expect(cells, html).toEqual([expected, "end"]);
        expect(html.match(/<[a-z]+/g)).toEqual([
          "<table",
          "<thead",
          "<tr",
          "<th",
          "<th",
          "<tbody",
          "<tr",
          "<td",
          "<td",
        ]);
      }),
      { numRuns: 1000 },
    );
  });

  it("keeps ordinary text readable: no backslash before letters, digits, spaces or plain punctuation", () => {
    expect(escapeMarkdown("Data & Analytics (EMEA): 38.4, done!")).toBe(
      "Data & Analytics (EMEA): 38.4, done!",
    );
  });
});

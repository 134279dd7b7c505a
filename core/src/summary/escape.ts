/**
 * Text from cells, made inert for the page it lands on. A deliverable named
 * `<img src=x onerror=alert(1)>` must read as those characters in the HTML page and in the
 * Markdown, never become markup. Plain string work: no DOM is needed or available.
 */

const HTML: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML element content and quoted attribute values alike, in HTML and in
 * inline SVG. Characters HTML cannot carry (C0 controls other than tab and newline, lone
 * surrogates) become U+FFFD, so no cell can make the page malformed.
 */
export function escapeHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (c) => HTML[c]!)
    .replace(
      /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
      "\uFFFD",
    );
}

/**
 * Escapes text for one line of Markdown, in a paragraph, a list item or a table cell, and
 * leaves it as readable as it can. Escaped with a backslash (CommonMark lets any ASCII
 * punctuation be escaped): the characters that open emphasis, code, links and images, raw
 * HTML, table cells, strikethrough and math (`\ ` * _ [ ] < > | ~ $`), an `&` that would
 * start an entity, and a leading `#`, `+`, `-`, `=`, `>` or `1.` that would start a heading,
 * list or quote. Line breaks become spaces and the ends are trimmed (four leading spaces
 * would make a code block). Without `[` a `!` or `(` cannot make a link.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = text
    .replace(/\r\n?|\n/g, " ")
    .trim()
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g, "\uFFFD");
  const escaped = oneLine.replace(/[\\`*_[\]<>|~$]|&(?=#?[A-Za-z0-9]+;)/g, "\\$&");
  return escaped
    .replace(/^(\s*)([#+\-=])/, "$1\\$2")
    .replace(/^(\s*\d{1,9})([.)])(?=\s|$)/, "$1\\$2");
}

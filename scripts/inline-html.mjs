// One self-contained HTML page from an entry module: the script and its CSS inlined, no external
// references, as Apps Script's HtmlService needs for the Google Sheets sidebar. The Excel task
// pane can use the same page (passing the Office.js <script> tag in `head`).
//
// A host's build calls it with its own entry, which creates its backend and mounts the pane:
//
//   await buildInlinedPage({ entry: "gsheets/src/sidebar.ts", title: "Baton", outfile: "gsheets/dist/sidebar.html",
//     head: '<base target="_top">' });
import { build } from "esbuild";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Bundles a browser entry (and every CSS file it imports) into strings.
 * @param {{ entry: string, minify?: boolean, define?: Record<string, string> }} options
 * @returns {Promise<{ js: string, css: string }>}
 */
export async function bundlePage({ entry, minify = true, define = {} }) {
  const result = await build({
    entryPoints: { page: entry },
    outdir: "page",
    write: false,
    bundle: true,
    platform: "browser",
    format: "iife",
    target: ["es2020", "chrome100", "firefox100", "safari15", "edge100"],
    // Non-ASCII is escaped, so the page survives any charset a host serves it with.
    charset: "ascii",
    minify,
    define,
    legalComments: "inline",
    logLevel: "warning",
  });
  const text = (ext) =>
    result.outputFiles
      .filter((f) => f.path.endsWith(ext))
      .map((f) => f.text)
      .join("\n");
  return { js: text(".js"), css: text(".css") };
}

const escapeHtml = (s) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Writes one HTML page with the entry's script and styles inlined. The page has an empty
 * `<div id="baton"></div>` for the entry to mount into; the script runs at the end of the body.
 * @param {{ entry: string, title: string, outfile: string, head?: string, minify?: boolean, define?: Record<string, string> }} options
 *   `head` is trusted markup added to <head> (a `<base target="_top">`, the Office.js script tag).
 * @returns {Promise<{ outfile: string, bytes: number, jsBytes: number, cssBytes: number }>}
 */
export async function buildInlinedPage({
  entry,
  title,
  outfile,
  head = "",
  minify = true,
  define = {},
}) {
  const { js, css } = await bundlePage({ entry, minify, define });
  // esbuild escapes "</script" inside strings; anything left would end the inline element early.
  if (/<\/script|<!--/i.test(js))
    throw new Error(
      `${entry}: the bundle contains "</script" or "<!--" outside a string; it cannot be inlined`,
    );
  if (/<\/style/i.test(css))
    throw new Error(`${entry}: the styles contain "</style"; they cannot be inlined`);
  const html = [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    head,
    `<style>${css}</style>`,
    "</head>",
    "<body>",
    '<div id="baton"></div>',
    `<script>${js}</script>`,
    "</body>",
    "</html>",
    "",
  ]
    .filter((l) => l !== "")
    .join("\n");
  mkdirSync(dirname(outfile), { recursive: true });
  writeFileSync(outfile, html + "\n");
  return {
    outfile,
    bytes: Buffer.byteLength(html),
    jsBytes: Buffer.byteLength(js),
    cssBytes: Buffer.byteLength(css),
  };
}

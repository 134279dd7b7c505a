// Builds the Excel add-in into excel-addin/dist: the task pane page (the shared runtime) with its
// three entries (task pane, ribbon commands, custom functions) sharing one chunk of code, the
// custom functions' metadata generated from their JSDoc, the manifests and the icons.
//
// The manifests name https://localhost:3000 (the dev server). To build for a server of your own,
// set BATON_EXCEL_URL (for example https://baton.example.com/excel) and the copies in dist name it.
import { build } from "esbuild";
import {
  copyFileSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const ROOT = "excel-addin";
const DIST = join(ROOT, "dist");
export const DEV_URL = "https://localhost:3000";
/**
 * The task pane's JavaScript must stay under this many bytes, minified. Checking signed seal
 * anchors (Ed25519 from @noble/curves) added about 34 KB to the 300 KB the pane had before;
 * gates and value, false greens and the notify action (its digests, which the pane will offer as
 * ready emails) added about 15 KB more; the gate-decision form and "Since you last looked" with its
 * mail links about 24 KB more. Migration (about 60 KB, its column vocabulary most of it) is the
 * largest part that a click rarely needs: the first thing to load on demand if this grows again.
 */
export const PANE_JS_BUDGET = 384 * 1024;

/** Custom functions' metadata from the JSDoc of their entry file. */
export async function functionsMetadata() {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(join(ROOT, "src/functions/functions.ts"));
  if (result.errors.length)
    throw new Error(`custom functions metadata:\n${result.errors.join("\n")}`);
  return JSON.parse(result.metadataJson);
}

function copyWithUrl(from, to, url) {
  const text = readFileSync(from, "utf8");
  writeFileSync(to, url === DEV_URL ? text : text.split(DEV_URL).join(url.replace(/\/$/, "")));
}

export async function buildExcel({
  url = process.env.BATON_EXCEL_URL || DEV_URL,
  minify = true,
} = {}) {
  rmSync(DIST, { recursive: true, force: true });
  mkdirSync(join(DIST, "assets"), { recursive: true });
  const result = await build({
    entryPoints: {
      taskpane: join(ROOT, "src/taskpane/taskpane.ts"),
      commands: join(ROOT, "src/commands/commands.ts"),
      functions: join(ROOT, "src/functions/functions.ts"),
    },
    outdir: DIST,
    bundle: true,
    // One runtime page loads the three entries as modules; what they share is loaded once.
    splitting: true,
    format: "esm",
    platform: "browser",
    target: ["es2020", "chrome100", "edge100", "safari15"],
    chunkNames: "chunks/[name]-[hash]",
    charset: "ascii",
    minify,
    sourcemap: "linked",
    metafile: true,
    legalComments: "linked",
    logLevel: "warning",
  });
  copyFileSync(join(ROOT, "src/taskpane/taskpane.html"), join(DIST, "taskpane.html"));
  writeFileSync(
    join(DIST, "functions.json"),
    JSON.stringify(await functionsMetadata(), null, 2) + "\n",
  );
  for (const m of ["manifest.xml", "manifest.json"]) copyWithUrl(join(ROOT, m), join(DIST, m), url);
  for (const f of readdirSync(join(ROOT, "assets")))
    copyFileSync(join(ROOT, "assets", f), join(DIST, "assets", f));

  const js = Object.entries(result.metafile.outputs).filter(([f]) => f.endsWith(".js"));
  const sizes = Object.fromEntries(js.map(([f, o]) => [f.slice(DIST.length + 1), o.bytes]));
  const total = js.reduce((n, [, o]) => n + o.bytes, 0);
  const css = statSync(join(DIST, "taskpane.css")).size;
  if (total > PANE_JS_BUDGET)
    throw new Error(
      `the task pane's JavaScript is ${total} bytes, over its budget of ${PANE_JS_BUDGET}`,
    );
  return { sizes, total, css };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const { total, css, sizes } = await buildExcel();
  console.log(
    `excel-addin/dist: ${total} bytes of JavaScript (${Object.entries(sizes)
      .map(([f, b]) => `${f} ${b}`)
      .join(", ")}), ${css} bytes of CSS`,
  );
}

// The Apps Script project in gsheets/dist: Code.js (the core and the Sheets layer as one global
// `Baton`, followed by the top-level functions of gsheets/src/main.ts), Sidebar.html (the shared
// pane with its script and styles inlined, as HtmlService needs) and appsscript.json; the
// portfolio add-on and the check-in form's web app (with Form.html) each in a folder of their own.
// Apps Script has no modules and finds triggers and menu handlers only among top-level
// functions, so main.ts is transpiled as a plain script (JSDoc kept, for custom functions) and
// appended below the bundle.
import { buildSync } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";
import { buildInlinedPage } from "./inline-html.mjs";

/**
 * Apps Script bundle budget, minified: the script is loaded on every menu click and trigger.
 * Alerts, the check-in tokens and the gate-decision form took it from 335 KB to 360 KB.
 */
export const BUDGET_BYTES = 384 * 1024;
export const OUT = "gsheets/dist";
/** The check-in form's page, an HtmlService template copied as it is. */
export const FORM_PAGE = "gsheets/src/Form.html";

/**
 * The second add-on, "Baton Portfolio": its own project in gsheets/dist-portfolio, with its own
 * manifest. Reading the member spreadsheets needs the full spreadsheets scope, which the team
 * add-on must not ask for (it keeps `spreadsheets.currentonly`), so the two never share a build.
 */
export const PORTFOLIO_OUT = "gsheets/dist-portfolio";

/**
 * The third, "Baton Check-in": the web app serving the check-in form. A web app cannot reach
 * its bound spreadsheet and `spreadsheets.currentonly` refuses `openById`, so it opens the
 * team's spreadsheet by ID with the full spreadsheets scope, in a project of its own.
 */
export const CHECKIN_OUT = "gsheets/dist-checkin";

const PROJECTS = {
  team: { entry: "gsheets/src/app.ts", main: "gsheets/src/main.ts", global: "Baton", out: OUT },
  portfolio: {
    entry: "gsheets/src/portfolio/app.ts",
    main: "gsheets/src/portfolio/main.ts",
    global: "BatonPortfolio",
    out: PORTFOLIO_OUT,
  },
  checkin: {
    entry: "gsheets/src/checkin/app.ts",
    main: "gsheets/src/checkin/main.ts",
    global: "BatonCheckin",
    out: CHECKIN_OUT,
  },
};

/** Code.js as text, built in memory. Throws when it is over budget or main.ts is not a plain script. */
export function gsheetsCode(project = "team") {
  const { entry, main: mainFile, global, out } = PROJECTS[project];
  const bundle = buildSync({
    entryPoints: [entry],
    bundle: true,
    write: false,
    format: "iife",
    globalName: global,
    platform: "neutral",
    mainFields: ["module", "main"],
    target: "es2020",
    minify: true,
    legalComments: "eof",
    logLevel: "warning",
  });
  const main = ts
    .transpileModule(readFileSync(mainFile, "utf8"), {
      compilerOptions: {
        target: ts.ScriptTarget.ES2020,
        module: ts.ModuleKind.None,
        removeComments: false,
      },
      fileName: "main.ts",
    })
    .outputText.replace(/^\/\/\/ <reference [^\n]*\n/gm, "");
  if (/^\s*(import|export)\b/m.test(main))
    throw new Error(`${mainFile} must stay a plain script: no import or export`);
  const code = `// Baton for Google Sheets. Built from the Baton sources; do not edit.\n${bundle.outputFiles[0].text}\n${main}`;
  const size = Buffer.byteLength(code);
  if (size > BUDGET_BYTES)
    throw new Error(
      `${out}/Code.js is ${(size / 1024).toFixed(1)} KB, over the ${BUDGET_BYTES / 1024} KB budget`,
    );
  return { code, size };
}

/** Writes the sidebar page; `<base target="_top">` makes its links leave the sidebar's frame. */
export function buildSidebar(outfile = `${OUT}/Sidebar.html`) {
  return buildInlinedPage({
    entry: "gsheets/src/sidebar/entry.ts",
    title: "Baton",
    outfile,
    head: '<base target="_top">',
  });
}

export async function buildGsheets() {
  const { code, size } = gsheetsCode();
  mkdirSync(OUT, { recursive: true });
  writeFileSync(`${OUT}/Code.js`, code);
  copyFileSync("gsheets/appsscript.json", `${OUT}/appsscript.json`);
  const sidebar = await buildSidebar();
  const portfolio = gsheetsCode("portfolio");
  mkdirSync(PORTFOLIO_OUT, { recursive: true });
  writeFileSync(`${PORTFOLIO_OUT}/Code.js`, portfolio.code);
  copyFileSync("gsheets/portfolio/appsscript.json", `${PORTFOLIO_OUT}/appsscript.json`);
  const checkin = gsheetsCode("checkin");
  mkdirSync(CHECKIN_OUT, { recursive: true });
  writeFileSync(`${CHECKIN_OUT}/Code.js`, checkin.code);
  copyFileSync("gsheets/checkin/appsscript.json", `${CHECKIN_OUT}/appsscript.json`);
  copyFileSync(FORM_PAGE, `${CHECKIN_OUT}/Form.html`);
  return {
    size,
    sidebarBytes: sidebar.bytes,
    portfolioSize: portfolio.size,
    checkinSize: checkin.size,
  };
}

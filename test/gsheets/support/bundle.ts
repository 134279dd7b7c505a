/**
 * The built Apps Script project loaded as Apps Script loads it: Code.js run as one script in a
 * fresh `node:vm` context whose only globals are ECMAScript's (Intl included) and the fakes of
 * the Apps Script services. Nothing of Node or the browser is there (no TextEncoder, setTimeout,
 * crypto, URL, fetch, window, document, process, require), so the bundle fails here as it
 * would in Apps Script if it needed them. Functions are called by name on the context's global
 * object: only real top-level functions are found.
 */
import vm from "node:vm";
import type { CellValue } from "@baton/core";
import { FakeBook, FakeRange, type BookOptions } from "../../../fakes/sheets/spreadsheet.ts";
import { appsScript, type AppsScript } from "../../../fakes/sheets/services.ts";

import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildSidebar, gsheetsCode, FORM_PAGE, OUT } from "../../../scripts/build-gsheets.mjs";

export const DIST = OUT;
export const CODE = `${DIST}/Code.js`;

let sidebar: Promise<string> | undefined;
/** A folder holding Sidebar.html and Form.html as the build makes them now (once per test worker). */
export function sidebarDir(): Promise<string> {
  sidebar ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), "baton-gsheets-"));
    await buildSidebar(join(dir, "Sidebar.html"));
    copyFileSync(FORM_PAGE, join(dir, "Form.html"));
    return dir;
  })();
  return sidebar;
}

const built = new Map<Project, string>();
/** Code.js as the build makes it from the sources now (built once per test worker). */
export function projectCode(project: Project = "team"): string {
  if (!built.has(project)) built.set(project, gsheetsCode(project).code);
  return built.get(project)!;
}

/** The team add-on ("Baton"), the portfolio add-on ("Baton Portfolio"), or the check-in form's web app. */
export type Project = "team" | "portfolio" | "checkin";

/** Globals of Node or the browser that Apps Script does not have. */
export const ABSENT_GLOBALS = [
  "TextEncoder",
  "TextDecoder",
  "setTimeout",
  "setInterval",
  "crypto",
  "URL",
  "fetch",
  "window",
  "document",
  "process",
  "require",
  "Buffer",
  "module",
];

export interface LoadedProject extends AppsScript {
  readonly context: vm.Context;
  /** Calls a top-level function of the project, in the given run context. */
  call(name: string, ...args: unknown[]): unknown;
  /** A user types into a cell, then Sheets fires the simple trigger `onEdit` (as that user). */
  type(sheet: string, row: number, column: number, text: string, user?: string): void;
  /** A user pastes a block of text, then Sheets fires `onEdit` once for the whole range. */
  paste(
    sheet: string,
    row: number,
    column: number,
    block: readonly (readonly string[])[],
    user?: string,
  ): void;
  /** Calls a custom function as a cell formula does: only reads are allowed. */
  customFunction(name: string, ...args: unknown[]): unknown;
  /** Names of the project's top-level functions. */
  functions(): string[];
}

export interface ProjectOptions extends BookOptions {
  /** Where HtmlService finds the project's HTML files (see `sidebarDir`); none without it. */
  readonly htmlDir?: string;
  /** The instant `new Date()` gives in the project (an ISO date-time); the real clock without it. */
  readonly now?: string;
  /** Which add-on's project to load; the team add-on by default. */
  readonly project?: Project;
  /** Other spreadsheets the user can open by ID. */
  readonly spreadsheets?: ReadonlyMap<string, FakeBook>;
}

/** Loads the built project over a spreadsheet (a new one holding `grids` when given grids). */
export function loadProject(
  source: FakeBook | Record<string, readonly (readonly CellValue[])[]> = {},
  opts: ProjectOptions = {},
): LoadedProject {
  const code = projectCode(opts.project);
  const context = vm.createContext({});
  // Remove what V8 puts in every context but Apps Script does not offer as such.
  vm.runInContext("delete globalThis.console;", context);
  const realmDate = vm.runInContext("Date", context) as DateConstructor;
  if (opts.now !== undefined) {
    const fixed = Date.parse(opts.now);
    if (Number.isNaN(fixed)) throw new RangeError(`now must be an ISO date-time, got ${opts.now}`);
    // A clock stopped at `now`: Date() and Date.now() give it; Dates of given times are unchanged.
    vm.runInContext(
      `(function (Real, fixed) {
        function StoppedDate() {
          if (!new.target) return new Real(fixed).toString();
          return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))() : new Real(fixed);
        }
        StoppedDate.prototype = Real.prototype;
        StoppedDate.now = function () { return fixed; };
        StoppedDate.UTC = Real.UTC;
        StoppedDate.parse = Real.parse;
        globalThis.Date = StoppedDate;
      })(Date, ${fixed});`,
      context,
    );
  }
  const book =
    source instanceof FakeBook ? source : FakeBook.fromGrids(source, { ...opts, realmDate });
  book.realmDate = realmDate;
  const gas = appsScript(book, {
    ...(opts.htmlDir ? { htmlDir: opts.htmlDir } : {}),
    ...(opts.spreadsheets ? { spreadsheets: opts.spreadsheets } : {}),
  });
  for (const [k, v] of Object.entries(gas.globals)) context[k] = v;
  vm.runInContext(code, context, { filename: "Code.js" });
  const call = (name: string, ...args: unknown[]) => {
    const fn = context[name];
    if (typeof fn !== "function")
      throw new TypeError(`${name} is not a top-level function of the project`);
    return (fn as (...a: unknown[]) => unknown)(...args);
  };
  return {
    ...gas,
    context,
    call,
    type(sheet, row, column, text, user = book.user) {
      this.paste(sheet, row, column, [[text]], user);
    },
    paste(sheet, row, column, block, user = book.user) {
      block.forEach((cells, i) =>
        cells.forEach((text, j) => book.sheet(sheet).userEdit(row + i, column + j, text, user)),
      );
      const range = new FakeRange(book.sheet(sheet), {
        row,
        column,
        rows: block.length,
        columns: Math.max(...block.map((r) => r.length)),
      });
      const before = book.context;
      book.context = "simpleTrigger";
      try {
        call("onEdit", {
          authMode: "LIMITED",
          source: book,
          range,
          ...(block.length === 1 && block[0]!.length === 1 ? { value: block[0]![0] } : {}),
        });
      } finally {
        book.context = before;
      }
    },
    customFunction(name, ...args) {
      const before = book.context;
      book.context = "customFunction";
      try {
        return call(name, ...args);
      } finally {
        book.context = before;
      }
    },
    functions() {
      return vm.runInContext(
        "Object.getOwnPropertyNames(globalThis).filter(function (k) { return typeof globalThis[k] === 'function' && /^function /.test(Function.prototype.toString.call(globalThis[k])); })",
        context,
      ) as string[];
    },
  };
}

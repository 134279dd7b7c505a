/**
 * Opening the file a command names: an .xlsx workbook, or a folder of template CSVs. Anything
 * else is an `InputError`, which the command line prints as one line and exits 2 on.
 */
import { existsSync, statSync } from "node:fs";
import { basename, extname } from "node:path";
import {
  missingTemplateSheets,
  SHEET,
  sheetsOf,
  templateSheetsIn,
  type Grids,
  type Host,
  type ValidationIssue,
} from "@baton/core";
import { StreamedXlsxHost } from "./xlsx-stream.ts";
import { UnreadableWorkbook } from "./xlsx/zip.ts";
import { progress, progressDone } from "../progress.ts";

/** The host, saying "writing" while it saves (only a terminal sees it, after two seconds). */
function withWriteProgress<H extends XlsxFileHost>(host: H): H {
  const save = host.save.bind(host);
  host.save = async (file: string) => {
    progress(`writing ${basename(file)}`);
    try {
      await save(file);
    } finally {
      progressDone();
    }
  };
  return host;
}
import { readCsvWorkbook } from "./csv.ts";

export class InputError extends Error {
  override name = "InputError";
}

export interface OpenedWorkbook {
  readonly file: string;
  readonly format: "xlsx" | "csv";
  /** The .xlsx host, to write back to; absent for CSV. */
  readonly host?: XlsxFileHost;
  /** The template sheets, keyed by the name the file spells them with. */
  readonly grids: Grids;
  /** What could not be read as it should (a CSV that is not well-formed), as issues. */
  readonly readIssues?: readonly ValidationIssue[];
}

export function assertReadable(file: string): void {
  if (!existsSync(file)) throw new InputError(`${file}: no such file`);
  if (!statSync(file).isFile()) throw new InputError(`${file}: not a file`);
}

/** A host over an .xlsx file that can save what was applied to it. */
export interface XlsxFileHost extends Host {
  save(file: string): Promise<void>;
}

const norm = (s: string) => s.trim().toLowerCase().replace(/\s+/g, " ");
const TEMPLATE_SHEETS = new Set(Object.values(SHEET).map(norm));

/**
 * Opens a Baton workbook and checks that every template sheet is there. `also` names further
 * sheets to read in the same pass (People), which the host then answers without a second read.
 */
export async function openWorkbook(
  file: string,
  also: readonly string[] = [],
): Promise<OpenedWorkbook> {
  const wanted = new Set([...TEMPLATE_SHEETS, ...also.map(norm)]);
  assertReadable(file);
  const ext = extname(file).toLowerCase();
  let opened: OpenedWorkbook;
  if (ext === ".xlsx" || ext === ".xlsm") {
    let host: XlsxFileHost;
    try {
      // Baton's own reader: a file that is not a workbook (or a zip bomb) is refused here, in
      // one line, and every command writes by patching what it read.
      const streamed = await StreamedXlsxHost.open(
        file,
        (name) => wanted.has(norm(name)),
        (sheet, cells) => progress(`reading ${sheet}: ${cells.toLocaleString("en")} cells`),
      );
      host = withWriteProgress(streamed);
    } catch (e) {
      if (e instanceof UnreadableWorkbook) throw new InputError(`${file} ${e.message}`);
      throw new InputError(
        `${file}: not a readable .xlsx workbook (${(e as Error).message.split("\n")[0]})`,
      );
    }
    const names = await host.sheetNames();
    opened = { file, format: "xlsx", host, grids: await host.readSheets(templateSheetsIn(names)) };
    const rows = Object.values(opened.grids).reduce((n, g) => n + (g?.length ?? 0), 0);
    progress(`evaluating ${rows.toLocaleString("en")} rows`);
  } else if (ext === ".csv") {
    opened = { file, format: "csv", ...readCsvWorkbook(file) };
  } else {
    throw new InputError(
      `${file}: Baton reads .xlsx workbooks and .csv files, not ${ext || "files without an extension"}`,
    );
  }
  const missing = missingTemplateSheets(sheetsOf(opened.grids));
  if (missing.length) {
    const what =
      opened.format === "csv"
        ? `no ${missing.map((m) => m + ".csv").join(", ")} beside it`
        : `no sheet ${missing.map((m) => `"${m}"`).join(", ")}`;
    throw new InputError(
      `${file}: not a Baton workbook: ${what}. Create one with "baton init", or bring a tracker in with "baton migrate".`,
    );
  }
  return opened;
}

/**
 * The workbooks a portfolio's paths name. A file is one member: an .xlsx (or .xlsm) workbook,
 * or a .csv file standing for the CSV workbook of its folder. A folder that itself holds
 * template CSVs (Initiatives.csv, ...) is one CSV workbook; any other folder holds members:
 * each .xlsx/.xlsm file directly in it, and each subfolder directly in it that holds template
 * CSVs, in name order. Folders are not searched deeper, hidden files and Excel's `~$` lock
 * files are passed over, and a member named twice is read once.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { extname, join, resolve } from "node:path";
import { SHEET } from "@baton/core";

export interface MemberPath {
  /** What the member is called in the output: the path as given, or inside a folder given. */
  readonly file: string;
  /** The path to open: the .xlsx file, or one template CSV of a CSV workbook. */
  readonly open: string;
  readonly format: "xlsx" | "csv" | "missing";
}

const TEMPLATE_CSV = new Set(Object.values(SHEET).map((n) => `${n.toLowerCase()}.csv`));
const WORKBOOK_EXT = new Set([".xlsx", ".xlsm"]);

/** The template CSV a folder holds, if any (Initiatives.csv first, as it is the one always present). */
function templateCsvIn(dir: string): string | undefined {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return undefined;
  }
  const found = names.filter((n) => TEMPLATE_CSV.has(n.toLowerCase())).sort();
  return found.length ? join(dir, found[0]!) : undefined;
}

const hidden = (name: string) => name.startsWith(".") || name.startsWith("~$");

export function membersOf(paths: readonly string[]): MemberPath[] {
  const out: MemberPath[] = [];
  const seen = new Set<string>();
  const add = (m: MemberPath) => {
    const key = m.format === "csv" ? resolve(m.open, "..") : resolve(m.open);
    if (seen.has(key)) return;
    seen.add(key);
    out.push(m);
  };
  for (const path of paths) {
    if (!existsSync(path)) {
      add({ file: path, open: path, format: "missing" });
      continue;
    }
    if (!statSync(path).isDirectory()) {
      const csv = extname(path).toLowerCase() === ".csv";
      add({ file: path, open: path, format: csv ? "csv" : "xlsx" });
      continue;
    }
    const own = templateCsvIn(path);
    if (own) {
      add({ file: path, open: own, format: "csv" });
      continue;
    }
    for (const name of readdirSync(path).sort()) {
      if (hidden(name)) continue;
      const full = join(path, name);
      let isDir: boolean;
      try {
        isDir = statSync(full).isDirectory();
      } catch {
        continue;
      }
      if (isDir) {
        const csv = templateCsvIn(full);
        if (csv) add({ file: full, open: csv, format: "csv" });
      } else if (WORKBOOK_EXT.has(extname(name).toLowerCase()))
        add({ file: full, open: full, format: "xlsx" });
    }
  }
  return out;
}

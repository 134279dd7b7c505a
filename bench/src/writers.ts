/**
 * The same generated workbook as other writers write it, cached beside Baton's own: exceljs'
 * streaming writer (text as `t="str"` cells, no shared strings, no styles), and LibreOffice
 * (`soffice --convert-to xlsx` of Baton's file: its own shared strings, styles and layout).
 * Users' files come from such writers, so the command line is measured on each.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import ExcelJS from "exceljs";
import { readWorkbook } from "../../cli/src/files/xlsx/read.ts";

export const WRITERS = ["baton", "exceljs-stream", "libreoffice"] as const;
export type Writer = (typeof WRITERS)[number];

export const WRITER_TITLE: Record<Writer, string> = {
  baton: "as Baton writes it",
  "exceljs-stream": "as exceljs' streaming writer writes it",
  libreoffice: "as LibreOffice writes it",
};

/** Baton's file of a size as `writer` writes it, made once next to it. */
export async function writerFile(batonFile: string, writer: Writer): Promise<string> {
  if (writer === "baton") return batonFile;
  const file = batonFile.replace(/\.xlsx$/, `-${writer}.xlsx`);
  if (existsSync(file)) return file;
  const partial = `${file}.partial.xlsx`;
  if (writer === "exceljs-stream") await streamWritten(batonFile, partial);
  else libreOfficeWritten(batonFile, partial);
  renameSync(partial, file);
  return file;
}

async function streamWritten(source: string, target: string): Promise<void> {
  const { grids, sheetNames } = await readWorkbook(source, () => true);
  const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: target,
    useSharedStrings: false,
    useStyles: false,
  });
  for (const name of sheetNames) {
    const ws = writer.addWorksheet(name);
    for (const row of grids[name] ?? []) ws.addRow(row.map((v) => v ?? null)).commit();
    ws.commit();
  }
  await writer.commit();
}

/** `source` as LibreOffice writes it back (`soffice --convert-to xlsx`), at `target`. */
export function libreOfficeWritten(source: string, target: string, soffice = "soffice"): void {
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-lo-"));
  try {
    execFileSync(
      soffice,
      [
        "--headless",
        `-env:UserInstallation=file://${dir}/profile`,
        "--convert-to",
        "xlsx",
        "--outdir",
        join(dir, "out"),
        source,
      ],
      { stdio: "ignore", timeout: 60 * 60_000 },
    );
    mkdirSync(join(dir, "out"), { recursive: true });
    renameSync(join(dir, "out", basename(source)), target);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

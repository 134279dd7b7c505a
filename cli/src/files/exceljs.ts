/**
 * The exceljs library, loaded the first time a command needs the workbook model (a new
 * workbook, a migration, a sheet the reader did not read) rather than when the command line
 * starts: loading it costs about half a second, and reading and patching commands never use
 * it.
 */
import { createRequire } from "node:module";
import type ExcelJS from "exceljs";

const require = createRequire(import.meta.url);
let loaded: typeof ExcelJS | undefined;

export function excelJs(): typeof ExcelJS {
  return (loaded ??= require("exceljs") as typeof ExcelJS);
}

/**
 * The reading baselines, each in a process that loads only what it measures (the bench's own
 * child loads the core, the peer formula engine and more, whose start-up would count against
 * the baseline): `node bench/dist/lean.mjs floor|reader|xlsx-read FILE`.
 */
import { report } from "./protocol.ts";

const [task, file] = process.argv.slice(2);
if (!file) throw new RangeError("usage: lean.mjs floor|reader|xlsx-read FILE");
const t = performance.now();
if (task === "floor") {
  const { floorScan } = await import("./floor.ts");
  const { bytes, cells } = await floorScan(file);
  report({ ms: performance.now() - t, counts: { cells, inflatedMB: Math.round(bytes / 2 ** 20) } });
} else if (task === "reader") {
  // Baton's reader alone, on the sheets a command reads: no core, no command line.
  const { readWorkbook } = await import("../../cli/src/files/xlsx/read.ts");
  const { grids } = await readWorkbook(file, (name) => name !== "Board Summary");
  const cells = Object.values(grids).reduce((n, g) => n + g.reduce((m, r) => m + r.length, 0), 0);
  report({ ms: performance.now() - t, counts: { cells } });
} else if (task === "xlsx-read") {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  report({ ms: performance.now() - t, counts: { sheets: wb.worksheets.length } });
} else throw new RangeError(`unknown task ${task}`);

/**
 * The reading baselines, each in a process that loads only what it measures (the bench's own
 * child loads the core, the peer formula engine and more, whose start-up would count against
 * the baseline): `node bench/dist/lean.mjs floor FILE` or `... xlsx-read FILE`.
 */
import { report } from "./protocol.ts";

const [task, file] = process.argv.slice(2);
if (!file) throw new RangeError("usage: lean.mjs floor|xlsx-read FILE");
const t = performance.now();
if (task === "floor") {
  const { floorScan } = await import("./floor.ts");
  const { bytes, cells } = await floorScan(file);
  report({ ms: performance.now() - t, counts: { cells, inflatedMB: Math.round(bytes / 2 ** 20) } });
} else if (task === "xlsx-read") {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  report({ ms: performance.now() - t, counts: { sheets: wb.worksheets.length } });
} else throw new RangeError(`unknown task ${task}`);

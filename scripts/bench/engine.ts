/**
 * `npm run bench:engine`: times `evaluate` and `statusPlan` on workbooks of DESIGN.md's size,
 * for three shapes of hand-off graph. Reading the grids is left out of the timing.
 */
import { evaluate, readWorkbook, statusPlan } from "@baton/core";
import { largeGrids, type LargeOptions } from "./large-workbook.ts";

const asOf = "2026-11-26";
const size = { initiatives: 10_000, handoffs: 30_000, kpis: 2_000, checkins: 250_000 };
// The machine may be shared: report the fastest run and the median, and CPU time beside wall time.
const runs = 7;

for (const shape of ["local", "random", "cyclic"] as LargeOptions["shape"][]) {
  const { workbook } = readWorkbook(largeGrids({ asOf, shape, ...size }));
  const times: number[] = [];
  const cpu: number[] = [];
  let ev = evaluate(workbook, { asOf });
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    ev = evaluate(workbook, { asOf });
    const c = process.cpuUsage(c0);
    times.push(performance.now() - t0);
    cpu.push((c.user + c.system) / 1000);
  }
  const t1 = performance.now();
  const ops = statusPlan(workbook, ev).ops.length;
  const plan = performance.now() - t1;
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(runs / 2)]!;
  const cpuMedian = [...cpu].sort((a, b) => a - b)[Math.floor(runs / 2)]!;
  const red = ev.initiatives.filter((i) => i.status === "Red").length;
  const maxBlocks = Math.max(...ev.handoffs.map((h) => h.blocks));
  console.log(
    `${shape.padEnd(6)}  evaluate: fastest ${sorted[0]!.toFixed(0)} ms, median ${median.toFixed(0)} ms (CPU ${cpuMedian.toFixed(0)} ms)  statusPlan ${plan.toFixed(0)} ms, ${ops} ops  ` +
      `[${workbook.initiatives.length} initiatives, ${workbook.handoffs.length} hand-offs, ${workbook.checkins.length} check-ins; ${red} Red; max Blocks ${maxBlocks}]`,
  );
}

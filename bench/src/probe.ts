/**
 * Loaded with `node --import` into every measured process (a figure's child or the command
 * line itself): at exit it leaves the process's peak resident memory and its heap in a file
 * the harness names, so the command line is measured as it runs, unchanged.
 */
import { writeFileSync } from "node:fs";

const file = process.env.BATON_BENCH_PROBE;
if (file)
  process.on("exit", () => {
    const heap = process.memoryUsage().heapUsed;
    writeFileSync(
      file,
      JSON.stringify({
        maxRssMB: process.resourceUsage().maxRSS / 1024,
        heapAtExitMB: heap / 2 ** 20,
      }),
    );
  });

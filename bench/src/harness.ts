/**
 * Runs one measured process and reads what it reports: its wall time as seen from outside,
 * the time its task measured inside, its peak heap (from `--trace-gc`) and peak resident
 * memory (from the probe loaded into it).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RESULT_MARK, type TaskResult } from "./protocol.ts";
import { heapBeforeCollections } from "./stats.ts";
import { ROOT } from "./workbooks.ts";

export const CHILD = join(ROOT, "bench", "dist", "child.mjs");
export const LEAN = join(ROOT, "bench", "dist", "lean.mjs");
export const PROBE = join(ROOT, "bench", "dist", "probe.mjs");
export const BATON = join(ROOT, "cli", "dist", "baton.js");

export interface RunResult extends TaskResult {
  /** From spawning the process to its exit. */
  readonly wallMs: number;
  readonly peakHeapMB: number;
  readonly maxRssMB: number;
  readonly exitCode: number;
}

export interface RunOptions {
  /** Node flags before the script, such as a heap limit. */
  readonly nodeFlags?: readonly string[];
  /** Exit codes that count as success (validate exits 1 on errors, which is still a run). */
  readonly okCodes?: readonly number[];
}

/** Runs `node [flags] script args...` once. */
export async function runProcess(
  script: string,
  args: readonly string[],
  opts: RunOptions = {},
): Promise<RunResult> {
  const dir = mkdtempSync(join(tmpdir(), "baton-bench-"));
  const probeFile = join(dir, "probe.json");
  const argv = [
    ...(opts.nodeFlags ?? []),
    "--trace-gc",
    "--expose-gc",
    "--import",
    PROBE,
    script,
    ...args,
  ];
  const started = performance.now();
  const child = spawn(process.execPath, argv, {
    cwd: ROOT,
    env: { ...process.env, BATON_BENCH_PROBE: probeFile, NO_COLOR: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Output is scanned as it arrives, never kept whole: a command may print a lot.
  let result: TaskResult = {};
  let peak = 0;
  let tail = "";
  let errors = "";
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    const text = tail + chunk;
    const cut = text.lastIndexOf("\n");
    const complete = text.slice(0, cut + 1);
    tail = text.slice(cut + 1);
    for (const h of heapBeforeCollections(complete)) peak = Math.max(peak, h);
    const at = complete.indexOf(RESULT_MARK);
    if (at >= 0)
      result = JSON.parse(
        complete.slice(at + RESULT_MARK.length, complete.indexOf("\n", at)),
      ) as TaskResult;
  });
  child.stderr
    .setEncoding("utf8")
    .on("data", (chunk: string) => (errors = (errors + chunk).slice(-4000)));
  const exitCode: number = await new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve(code ?? 1));
  });
  const wallMs = performance.now() - started;
  for (const h of heapBeforeCollections(tail)) peak = Math.max(peak, h);
  if (!(opts.okCodes ?? [0]).includes(exitCode)) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`${script} ${args.join(" ")} exited ${exitCode}\n${errors}`);
  }
  let probe: { maxRssMB: number; heapAtExitMB: number };
  try {
    probe = JSON.parse(readFileSync(probeFile, "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return {
    ...result,
    wallMs,
    exitCode,
    peakHeapMB: Math.max(peak, probe.heapAtExitMB),
    maxRssMB: probe.maxRssMB,
  };
}

/** One run of a benchmark task in a fresh child. */
export const runTask = (task: string, args: readonly string[], opts: RunOptions = {}) =>
  runProcess(CHILD, [task, ...args], opts);

/** One run of a reading baseline (the floor, the xlsx library's read) in a process that loads nothing else. */
export const runLean = (
  task: "floor" | "reader" | "xlsx-read",
  file: string,
  opts: RunOptions = {},
) => runProcess(LEAN, [task, file], opts);

/** One run of the built command line, as a user runs it. */
export const runBaton = (args: readonly string[], opts: RunOptions = {}) =>
  runProcess(BATON, args, opts);

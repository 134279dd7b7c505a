/**
 * The figures the benchmark reports, and the targets they are held to. Each figure runs in a
 * fresh process per run; its number is either the time the task measured inside (the work
 * alone) or the wall time of the whole process (a command as a user runs it).
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { SizeName } from "./generate.ts";
import { runBaton, runTask, type RunResult } from "./harness.ts";

export interface Context {
  /** The cached .xlsx of each size prepared for this run. */
  readonly files: Partial<Record<SizeName, string>>;
  /** A scratch folder for files a run writes. */
  readonly scratch: string;
}

export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly size?: SizeName;
  /** In `--quick` (S and M only, for CI). */
  readonly quick: boolean;
  readonly runs: number;
  /** `task`: the time measured inside; `wall`: the whole process; `counts`: exact counts only. */
  readonly measure: "task" | "wall" | "counts";
  readonly run: (ctx: Context) => Promise<RunResult>;
}

const file = (ctx: Context, size: SizeName) => {
  const f = ctx.files[size];
  if (!f) throw new Error(`the ${size} workbook was not prepared`);
  return f;
};

/** A fresh copy of a size's file, for commands that write it in place. */
const copy = (ctx: Context, size: SizeName, name: string) => {
  const to = join(ctx.scratch, `${name}-${size}.xlsx`);
  copyFileSync(file(ctx, size), to);
  return to;
};

const SIZES_ALL: readonly SizeName[] = ["S", "M", "L"];
const runsFor = (size: SizeName, heavy = false) => (size === "L" && heavy ? 3 : 5);
/** exceljs needs more than Node's default heap for L; the command line must not. */
const BIG_HEAP = ["--max-old-space-size=8192"];

export function figures(): Figure[] {
  const out: Figure[] = [];
  for (const size of SIZES_ALL) {
    out.push({
      id: `validate.${size}`,
      title: `Core read + validate, ${size}`,
      size,
      quick: size !== "L",
      runs: runsFor(size),
      measure: "task",
      run: () => runTask("validate", [size]),
    });
  }
  out.push({
    id: "revalidate.L",
    title: "Revalidation of one edited check-in, L (median of 1,000 edits)",
    size: "L",
    quick: false,
    runs: 5,
    measure: "task",
    run: () => runTask("revalidate", ["L"]),
  });
  out.push({
    id: "revalidate.M",
    title: "Revalidation of one edited check-in, M (median of 1,000 edits)",
    size: "M",
    quick: true,
    runs: 3,
    measure: "task",
    run: () => runTask("revalidate", ["M"]),
  });
  for (const size of SIZES_ALL) {
    out.push({
      id: `xlsx-read.${size}`,
      title: `xlsx library: read the file, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, true),
      measure: "wall",
      run: (ctx) => runTask("xlsx-read", [file(ctx, size)], { nodeFlags: BIG_HEAP }),
    });
    out.push({
      id: `cli-validate.${size}`,
      title: `baton validate, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, true),
      measure: "wall",
      run: (ctx) => runBaton(["validate", file(ctx, size), "--json"], { okCodes: [0, 1] }),
    });
  }
  void copy;
  return out;
}

export interface Target {
  readonly id: string;
  readonly text: string;
  /** The value judged, and whether it meets the target; undefined when a figure is missing. */
  readonly check: (get: (id: string) => FigureResult | undefined) => { value: string; met: boolean } | undefined;
}

export interface FigureResult {
  readonly id: string;
  readonly title: string;
  readonly measure: Figure["measure"];
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly runs: number;
  readonly peakHeapMB: number;
  readonly maxRssMB: number;
  readonly counts: Readonly<Record<string, number>>;
}

const ratio = (get: (id: string) => FigureResult | undefined, a: string, b: string) => {
  const x = get(a);
  const y = get(b);
  return x && y ? x.median / y.median : undefined;
};

const fmt = (x: number, digits = 2) => x.toFixed(digits);

export const TARGETS: Target[] = [
  {
    id: "revalidate",
    text: "One-row revalidation under 5 ms (L)",
    check: (get) => {
      const f = get("revalidate.L");
      return f && { value: `${fmt(f.median, 3)} ms`, met: f.median < 5 };
    },
  },
  {
    id: "cli-validate-memory",
    text: "baton validate on L under 2 GB of memory",
    check: (get) => {
      const f = get("cli-validate.L");
      return f && { value: `${fmt(f.maxRssMB, 0)} MB peak RSS`, met: f.maxRssMB < 2048 };
    },
  },
  {
    id: "cli-validate-speed",
    text: "baton validate on L no slower than the xlsx library's read of the file",
    check: (get) => {
      const r = ratio(get, "cli-validate.L", "xlsx-read.L");
      return r === undefined ? undefined : { value: `${fmt(r)}x`, met: r <= 1 };
    },
  },
];

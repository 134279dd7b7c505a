/**
 * The figures the benchmark reports, and the targets they are held to. Each figure runs in a
 * fresh process per run; its number is either the time the task measured inside (the work
 * alone) or the wall time of the whole process (a command as a user runs it).
 */
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import type { SizeName } from "./generate.ts";
import { runBaton, runLean, runTask, type RunResult } from "./harness.ts";
import { SERVICE_HOSTS } from "./hosts.ts";
import { WRITERS, WRITER_TITLE, type Writer } from "./writers.ts";

export interface Context {
  /** The cached .xlsx of each size prepared for this run. */
  readonly files: Partial<Record<SizeName, string>>;
  /** The workbook of each size after `baton close`, once a close figure has made it. */
  readonly closed: Partial<Record<SizeName, string>>;
  /** Each size's workbook as other writers write it (Baton's own is `files`). */
  readonly written: Partial<Record<SizeName, Partial<Record<Writer, string>>>>;
  /** The foreign trackers to migrate, by row count. */
  readonly trackers: Readonly<Record<number, string>>;
  /** A scratch folder for files a run writes. */
  readonly scratch: string;
}

export interface Figure {
  readonly id: string;
  readonly title: string;
  readonly size?: SizeName;
  /** The writer of the file it reads, when not Baton. */
  readonly writer?: Exclude<Writer, "baton">;
  /** In `--quick` (S and M only, for CI). */
  readonly quick: boolean;
  /** In the full run (default true). */
  readonly full?: boolean;
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

/** A size's file as `writer` wrote it. */
const writtenBy = (ctx: Context, size: SizeName, writer: Writer) => {
  if (writer === "baton") return file(ctx, size);
  const f = ctx.written[size]?.[writer];
  if (!f) throw new Error(`the ${size} workbook as ${writer} writes it was not prepared`);
  return f;
};

/** A figure's id: `kind.size` for Baton's own file, `kind.writer.size` for another writer's. */
export const figureId = (kind: string, writer: Writer, size: SizeName) =>
  writer === "baton" ? `${kind}.${size}` : `${kind}.${writer}.${size}`;

/** The commands that only read, held to a fraction of the xlsx library's read. */
export const READING_COMMANDS = [
  ["cli-validate", "baton validate"],
  ["cli-status", "baton status --json"],
  ["cli-verify", "baton verify"],
  ["cli-summary-out", "baton summary --out"],
] as const;

const SIZES_ALL: readonly SizeName[] = ["S", "M", "L"];
/** Runs of a figure: five of the core's, three of a whole process, one of the xlsx library's own work on L (minutes each). */
const runsFor = (size: SizeName, kind: "core" | "process" | "library" = "core") =>
  kind === "core" ? 5 : kind === "library" && size === "L" ? 1 : 3;
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
  for (const size of SIZES_ALL) {
    out.push({
      id: `evaluate.${size}`,
      title: `Core evaluate (every status), ${size}`,
      size,
      quick: size !== "L",
      runs: runsFor(size),
      measure: "task",
      run: () => runTask("evaluate", [size]),
    });
  }
  // HyperFormula needs over a minute on M: one run in the full bench, and S in --quick.
  for (const size of ["S", "M"] as const)
    out.push({
      id: `formulas.${size}`,
      title: `Formula approach in HyperFormula (build + evaluate), ${size}`,
      size,
      quick: size === "S",
      full: size === "M",
      runs: 1,
      measure: "task",
      run: () => runTask("formulas", [size], { nodeFlags: BIG_HEAP }),
    });
  out.push({
    id: "portfolio.200",
    title:
      "Core portfolio: 200 workbooks x 50 initiatives (10k initiatives, 30k hand-offs) evaluated and summarized",
    quick: false,
    runs: 3,
    measure: "task",
    run: () => runTask("portfolio", []),
  });
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
      runs: runsFor(size, "library"),
      measure: "wall",
      run: (ctx) => runLean("xlsx-read", file(ctx, size), { nodeFlags: BIG_HEAP }),
    });
    out.push({
      id: `cli-validate.${size}`,
      title: `baton validate, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, "process"),
      measure: "wall",
      run: (ctx) => runBaton(["validate", file(ctx, size), "--json"], { okCodes: [0, 1] }),
    });
  }
  for (const size of SIZES_ALL) {
    out.push({
      id: `cli-status.${size}`,
      title: `baton status --json, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, "process"),
      measure: "wall",
      run: (ctx) => runBaton(["status", file(ctx, size), "--as-of", "2026-11-26", "--json"]),
    });
    out.push({
      id: `xlsx-readwrite.${size}`,
      title: `xlsx library: read + write the file, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, "library"),
      measure: "wall",
      run: (ctx) =>
        runTask("xlsx-readwrite", [file(ctx, size), join(ctx.scratch, `rw-${size}.xlsx`)], {
          nodeFlags: BIG_HEAP,
        }),
    });
    out.push({
      id: `cli-status-write.${size}`,
      title: `baton status --write, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, "process"),
      measure: "wall",
      run: (ctx) =>
        runBaton(["status", copy(ctx, size, "status"), "--as-of", "2026-11-26", "--write"], {
          nodeFlags: BIG_HEAP,
        }),
    });
  }
  for (const size of SIZES_ALL)
    for (const [what, title] of [
      ["close", "Core close of every check-in through 2026-W47 (one pass)"],
      ["verify", "Core verify of the sealed chain"],
      ["sha256", "Floor: plain SHA-256 (@noble/hashes) over the bytes verify hashes"],
      [
        "sha256-reset",
        "Floor: SHA-256 with one hasher reset per row, as verify hashes, over the same bytes",
      ],
    ] as const)
      out.push({
        id: `${what}.${size}`,
        title: `${title}, ${size}`,
        size,
        quick: size !== "L",
        runs: size === "L" ? 3 : 5,
        measure: "task",
        run: () => runTask("ledger", [size, what], { nodeFlags: BIG_HEAP }),
      });
  for (const size of SIZES_ALL) {
    out.push({
      id: `cli-close.${size}`,
      title: `baton close --period 2026-W47, ${size} (whole process)`,
      size,
      quick: size !== "L",
      // Each run closes a fresh copy; verify reads the last one.
      runs: runsFor(size, "process"),
      measure: "wall",
      run: async (ctx) => {
        const target = copy(ctx, size, "close");
        const result = await runBaton(["close", target, "--period", "2026-W47"]);
        (ctx.closed as Partial<Record<SizeName, string>>)[size] = target;
        return result;
      },
    });
    out.push({
      id: `cli-verify.${size}`,
      title: `baton verify, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, "process"),
      measure: "wall",
      run: (ctx) => {
        const closed = ctx.closed[size];
        if (!closed)
          throw new Error(`verify.${size} needs the close figure of ${size} to run first`);
        return runBaton(["verify", closed, "--json"]);
      },
    });
    out.push({
      id: `cli-summary-write.${size}`,
      title: `baton summary --write, ${size} (whole process)`,
      size,
      quick: size !== "L",
      runs: runsFor(size, "process"),
      measure: "wall",
      run: (ctx) =>
        runBaton(["summary", copy(ctx, size, "summary"), "--as-of", "2026-11-26", "--write"]),
    });
  }
  out.push({
    id: "bundles",
    title:
      "Bundles, minified: Apps Script Code.js, Sheets sidebar page, Excel task pane JavaScript",
    quick: true,
    runs: 1,
    measure: "counts",
    run: () => runTask("bundles", []),
  });
  for (const host of SERVICE_HOSTS)
    for (const size of SIZES_ALL)
      out.push({
        id: `roundtrips.${host}.${size}`,
        title: `Round trips of a refresh (read, evaluate, write), ${host}, ${size}`,
        size,
        quick: size !== "L",
        runs: 1,
        measure: "counts",
        run: () => runTask("roundtrips", [host, size], { nodeFlags: BIG_HEAP }),
      });
  for (const rows of [5_000, 50_000]) {
    const label = `${rows / 1000}k`;
    const quick = rows === 5_000;
    const tracker = (ctx: Context) => {
      const f = ctx.trackers[rows];
      if (!f) throw new Error(`the ${label} tracker was not prepared`);
      return f;
    };
    out.push({
      id: `migrate.${label}`,
      title: `Core migrate of a ${label}-row CSV tracker`,
      quick,
      full: !quick,
      // Migrating 50k rows takes over a minute today: one run in the full bench.
      runs: quick ? 3 : 1,
      measure: "task",
      run: (ctx) => runTask("migrate", [tracker(ctx)]),
    });
    out.push({
      id: `cli-migrate.${label}`,
      title: `baton migrate of a ${label}-row CSV tracker (whole process)`,
      quick,
      full: !quick,
      runs: quick ? 3 : 1,
      measure: "wall",
      run: (ctx) =>
        runBaton(
          [
            "migrate",
            tracker(ctx),
            "--out",
            join(ctx.scratch, `migrated-${label}.xlsx`),
            "--as-of",
            "2026-11-26",
            "--time-zone",
            "Europe/Berlin",
            "--force",
            "--json",
          ],
          { okCodes: [0, 1] },
        ),
    });
  }
  for (const size of SIZES_ALL)
    for (const writer of WRITERS) {
      const other = writer === "baton" ? {} : { writer };
      const at = (kind: string) => figureId(kind, writer, size);
      const of = WRITER_TITLE[writer];
      const common = { size, ...other, quick: size !== "L", measure: "wall" as const };
      out.push({
        ...common,
        id: at("floor"),
        title: `Floor: inflate the sheets' XML and find every cell, ${size} ${of} (whole process)`,
        runs: runsFor(size, "process"),
        run: (ctx) => runLean("floor", writtenBy(ctx, size, writer)),
      });
      out.push({
        ...common,
        id: at("reader"),
        title: `Baton's reader alone: the template sheets into grids, ${size} ${of} (whole process)`,
        runs: runsFor(size, "process"),
        run: (ctx) => runLean("reader", writtenBy(ctx, size, writer)),
      });
      out.push({
        ...common,
        id: at("cli-summary-out"),
        title: `baton summary --out, ${size} ${of} (whole process)`,
        runs: runsFor(size, "process"),
        run: (ctx) =>
          runBaton([
            "summary",
            writtenBy(ctx, size, writer),
            "--as-of",
            "2026-11-26",
            "--out",
            join(ctx.scratch, `summary-${writer}-${size}.md`),
          ]),
      });
      if (writer === "baton") continue;
      out.push({
        ...common,
        id: at("xlsx-read"),
        title: `xlsx library: read the file, ${size} ${of} (whole process)`,
        runs: runsFor(size, "library"),
        run: (ctx) => runLean("xlsx-read", writtenBy(ctx, size, writer), { nodeFlags: BIG_HEAP }),
      });
      out.push({
        ...common,
        id: at("cli-validate"),
        title: `baton validate, ${size} ${of} (whole process)`,
        runs: runsFor(size, "process"),
        run: (ctx) =>
          runBaton(["validate", writtenBy(ctx, size, writer), "--json"], { okCodes: [0, 1] }),
      });
      out.push({
        ...common,
        id: at("cli-status"),
        title: `baton status --json, ${size} ${of} (whole process)`,
        runs: runsFor(size, "process"),
        run: (ctx) =>
          runBaton(["status", writtenBy(ctx, size, writer), "--as-of", "2026-11-26", "--json"]),
      });
      out.push({
        ...common,
        id: at("cli-verify"),
        title: `baton verify (nothing sealed yet), ${size} ${of} (whole process)`,
        runs: runsFor(size, "process"),
        run: (ctx) => runBaton(["verify", writtenBy(ctx, size, writer), "--json"]),
      });
    }
  return out;
}

export interface Target {
  readonly id: string;
  readonly text: string;
  /** The value judged, and whether it meets the target; undefined when a figure is missing. */
  readonly check: (
    get: (id: string) => FigureResult | undefined,
  ) => { value: string; met: boolean } | undefined;
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

const under = (
  id: string,
  text: string,
  figure: string,
  limit: number,
  unit = "ms",
  digits = 0,
): Target => ({
  id,
  text,
  check: (get) => {
    const f = get(figure);
    return f && { value: `${fmt(f.median, digits)} ${unit}`, met: f.median < limit };
  },
});

const memory = (
  id: string,
  text: string,
  figure: string,
  limitMB: number,
  of: "maxRssMB" | "peakHeapMB",
): Target => ({
  id,
  text,
  check: (get) => {
    const f = get(figure);
    return (
      f && {
        value: `${fmt(f[of], 0)} MB ${of === "maxRssMB" ? "peak RSS" : "peak heap"}`,
        met: f[of] < limitMB,
      }
    );
  },
});

const ratioTarget = (
  id: string,
  text: string,
  a: string,
  b: string,
  ok: (r: number) => boolean,
): Target => ({
  id,
  text,
  check: (get) => {
    const r = ratio(get, a, b);
    return r === undefined ? undefined : { value: `${r >= 100 ? fmt(r, 0) : fmt(r)}x`, met: ok(r) };
  },
});

/** Each service host's round trips are the same for S, M and L. */
const constantRoundTrips: Target = {
  id: "roundtrips",
  text: "Round trips of a refresh constant in rows (S, M, L)",
  check: (get) => {
    const parts: string[] = [];
    let met = true;
    for (const host of SERVICE_HOSTS) {
      const counts = (["S", "M", "L"] as const)
        .map((s) => get(`roundtrips.${host}.${s}`)?.counts)
        .filter(Boolean) as Record<string, number>[];
      if (counts.length < 2) continue;
      const same = counts.every((c) => JSON.stringify(c) === JSON.stringify(counts[0]));
      met &&= same;
      parts.push(`${host}: ${counts.map((c) => `${c.read}+${c.write}`).join(" / ")}`);
    }
    return parts.length ? { value: parts.join("; "), met } : undefined;
  },
};

const bundle = (id: string, text: string, key: string, limitKB: number): Target => ({
  id,
  text,
  check: (get) => {
    const kb = get("bundles")?.counts[key];
    return kb === undefined ? undefined : { value: `${kb} KB`, met: kb <= limitKB };
  },
});

/** The reading commands on L, each writer's file: at most 0.4x the xlsx library's read, under 1 GB. */
const readingTargets: Target[] = WRITERS.flatMap((writer) =>
  READING_COMMANDS.flatMap(([kind, title]) => [
    ratioTarget(
      `${kind}-${writer}-speed`,
      `${title} on L ${WRITER_TITLE[writer]} at most 0.4x the xlsx library's read of the file`,
      figureId(kind, writer, "L"),
      figureId("xlsx-read", writer, "L"),
      (r) => r <= 0.4,
    ),
    memory(
      `${kind}-${writer}-memory`,
      `${title} on L ${WRITER_TITLE[writer]} under 1 GB of memory`,
      figureId(kind, writer, "L"),
      1024,
      "maxRssMB",
    ),
  ]),
);

export const TARGETS: Target[] = [
  ...readingTargets,
  under(
    "portfolio",
    "Portfolio of 200 workbooks x 50 initiatives evaluated and summarized under 10 s",
    "portfolio.200",
    10_000,
  ),
  memory(
    "portfolio-memory",
    "Portfolio of 200 workbooks x 50 initiatives under 1 GB of memory",
    "portfolio.200",
    1024,
    "maxRssMB",
  ),
  constantRoundTrips,
  bundle("apps-script", "Apps Script bundle at most 384 KB minified", "appsScriptKB", 384),
  // The build's own budget (PANE_JS_BUDGET in excel-addin/scripts/build.mjs, which runs a build
  // when loaded as a script, so it is not imported here).
  bundle("task-pane", "Excel task pane JavaScript at most 384 KB minified", "taskPaneJsKB", 384),
  under("evaluate", "Core evaluate of L under 1 s", "evaluate.L", 1000),
  memory(
    "evaluate-heap",
    "Core evaluate of L with peak heap under 500 MB",
    "evaluate.L",
    500,
    "peakHeapMB",
  ),
  ratioTarget(
    "formulas",
    "At least 500x faster than the formula approach on M",
    "formulas.M",
    "evaluate.M",
    (r) => r >= 500,
  ),
  memory(
    "cli-status-memory",
    "baton status on L under 2 GB of memory",
    "cli-status.L",
    2048,
    "maxRssMB",
  ),
  ratioTarget(
    "cli-status-speed",
    "baton status on L no slower than the xlsx library's read",
    "cli-status.L",
    "xlsx-read.L",
    (r) => r <= 1,
  ),
  ratioTarget(
    "status-write",
    "baton status --write on L at most 0.3x the xlsx library's read + write",
    "cli-status-write.L",
    "xlsx-readwrite.L",
    (r) => r <= 0.3,
  ),
  memory(
    "status-write-memory",
    "baton status --write on L under 2 GB of memory",
    "cli-status-write.L",
    2048,
    "maxRssMB",
  ),
  ratioTarget(
    "verify",
    "Verify of L's 250k sealed rows within 1.5x of plain pure-JS SHA-256 over the same bytes",
    "verify.L",
    "sha256.L",
    (r) => r <= 1.5,
  ),
  ratioTarget(
    "verify-reset",
    "Verify of L within 1.5x of SHA-256 hashed its own way (one hasher reset per row) over the same bytes",
    "verify.L",
    "sha256-reset.L",
    (r) => r <= 1.5,
  ),
  memory(
    "cli-verify-memory",
    "baton verify on L under 2 GB of memory",
    "cli-verify.L",
    2048,
    "maxRssMB",
  ),
  ratioTarget(
    "cli-verify-speed",
    "baton verify on L no slower than the xlsx library's read",
    "cli-verify.L",
    "xlsx-read.L",
    (r) => r <= 1,
  ),
  memory(
    "cli-close-memory",
    "baton close on L under 2 GB of memory",
    "cli-close.L",
    2048,
    "maxRssMB",
  ),
  ratioTarget(
    "cli-close-speed",
    "baton close on L at most 0.3x the xlsx library's read + write",
    "cli-close.L",
    "xlsx-readwrite.L",
    (r) => r <= 0.3,
  ),
  memory(
    "cli-summary-memory",
    "baton summary --write on L under 2 GB of memory",
    "cli-summary-write.L",
    2048,
    "maxRssMB",
  ),
  ratioTarget(
    "cli-summary-speed",
    "baton summary --write on L at most 0.3x the xlsx library's read + write",
    "cli-summary-write.L",
    "xlsx-readwrite.L",
    (r) => r <= 0.3,
  ),
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

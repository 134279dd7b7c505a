/**
 * `npm run bench [-- --json] [--quick] [--runs N] [--only TEXT[,TEXT...]] [--markdown FILE] [--out FILE.json] [--from FILE.json]`
 *
 * Prepares the generated workbooks (cached), runs every figure in fresh processes one after
 * another (never two at once: they would measure each other), and reports the median, min and
 * max of each with its peak heap and resident memory, then the targets met and missed.
 * `--quick` runs the S and M figures only; `--only` the figures named (see `onlyPicks`);
 * `--markdown` rewrites the generated block of a document (docs/PERFORMANCE.md) with the table
 * of this run.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, freemem, tmpdir, totalmem, release } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import {
  figureId,
  figures,
  READING_COMMANDS,
  TARGETS,
  type Context,
  type Figure,
  type FigureResult,
} from "./figures.ts";
import { runTask } from "./harness.ts";
import { median, summarise } from "./stats.ts";
import { SIZES, type SizeName } from "./generate.ts";
import { trackerFile } from "./workbooks.ts";
import { WRITERS, WRITER_TITLE } from "./writers.ts";

const { values } = parseArgs({
  options: {
    json: { type: "boolean" },
    out: { type: "string" },
    quick: { type: "boolean" },
    runs: { type: "string" },
    only: { type: "string" },
    markdown: { type: "string" },
    from: { type: "string" },
  },
});

/** `--from FILE.json`: the report of an earlier run (its `--out`), rendered again without measuring. */
const saved = values.from
  ? (JSON.parse(readFileSync(values.from, "utf8")) as {
      date: string;
      quick: boolean;
      machine: Record<string, string | number>;
      sizes: Record<string, unknown>;
      figures: FigureResult[];
    })
  : undefined;

const quick = Boolean(values.quick);
const runsOverride = values.runs ? Number(values.runs) : undefined;
if (runsOverride !== undefined && !(Number.isInteger(runsOverride) && runsOverride > 0))
  throw new RangeError("--runs takes a positive integer");
const progress = (text: string) => process.stderr.write(text);
const HEAD: readonly string[] = [
  "Figure",
  "Median",
  "Min – max",
  "Runs",
  "Peak heap",
  "Peak RSS",
  "Counts",
];

/**
 * `--only`: each part names a figure by its whole id (`verify.L` is that figure, not
 * `cli-verify.L` too); a part that is no figure's id picks every figure whose id contains it
 * (`evaluate`, `exceljs-stream.L`).
 */
function onlyPicks(all: readonly Figure[], parts: readonly string[]): (f: Figure) => boolean {
  const ids = new Set(all.map((f) => f.id));
  return (f) => parts.some((part) => (ids.has(part) ? f.id === part : f.id.includes(part)));
}

const all = figures();
const picked = values.only ? onlyPicks(all, values.only.split(",")) : () => true;
const chosen = saved ? [] : all.filter((f) => (quick ? f.quick : f.full !== false) && picked(f));
const sizes = [...new Set(chosen.map((f) => f.size).filter((s): s is SizeName => Boolean(s)))];

const scratch = mkdtempSync(join(tmpdir(), "baton-bench-"));
const files: Partial<Record<SizeName, string>> = {};
for (const size of sizes) {
  progress(`preparing ${size} workbook... `);
  // Writing L through the file host needs a big heap; it happens once, then comes from the cache.
  const prepared = await runTask("prepare", [size], { nodeFlags: ["--max-old-space-size=8192"] });
  files[size] = prepared.file!;
  progress(`${(prepared.wallMs / 1000).toFixed(1)} s\n`);
}
const trackers: Record<number, string> = {};
for (const f of chosen) {
  const m = /^(?:cli-)?migrate\.(\d+)k$/.exec(f.id);
  if (m) trackers[Number(m[1]) * 1000] = trackerFile(Number(m[1]) * 1000);
}
const written: Context["written"] = {};
for (const f of chosen) {
  if (!f.writer || !f.size || written[f.size]?.[f.writer]) continue;
  progress(`preparing ${f.size} workbook ${WRITER_TITLE[f.writer]}... `);
  const prepared = await runTask("prepare-writer", [f.size, f.writer], {
    nodeFlags: ["--max-old-space-size=8192"],
  });
  (written[f.size] ??= {})[f.writer] = prepared.file!;
  progress(`${(prepared.wallMs / 1000).toFixed(1)} s\n`);
}
const ctx: Context = { files, trackers, written, closed: {}, scratch };

const results: FigureResult[] = saved ? saved.figures : [];
try {
  for (const figure of chosen) results.push(await measure(figure));
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

async function measure(f: Figure): Promise<FigureResult> {
  const runs = f.measure === "counts" ? 1 : (runsOverride ?? f.runs);
  progress(`${f.id} `);
  const got = [];
  for (let i = 0; i < runs; i++) {
    got.push(await f.run(ctx));
    progress(".");
  }
  const values = got.map((g) => (f.measure === "wall" ? g.wallMs : (g.ms ?? 0)));
  const s = summarise(values);
  progress(` ${s.median.toFixed(s.median < 10 ? 3 : 0)}\n`);
  return {
    id: f.id,
    title: f.title,
    measure: f.measure,
    ...s,
    peakHeapMB: median(got.map((g) => g.peakHeapMB)),
    maxRssMB: median(got.map((g) => g.maxRssMB)),
    counts: got[0]!.counts ?? {},
  };
}

const byId = new Map(results.map((r) => [r.id, r]));
const targets = TARGETS.map((t) => ({
  id: t.id,
  text: t.text,
  ...t.check((id) => byId.get(id)),
})).filter((t) => t.value !== undefined);
const machine = saved?.machine ?? {
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model ?? "unknown",
  memoryGB: Math.round(totalmem() / 2 ** 30),
  freeMemoryGB: Math.round(freemem() / 2 ** 30),
  node: process.version,
  os: `${process.platform} ${release()}`,
};
const report = {
  date: saved?.date ?? new Date().toISOString(),
  quick: saved?.quick ?? quick,
  machine,
  sizes: saved?.sizes ?? Object.fromEntries(sizes.map((s) => [s, SIZES[s]])),
  figures: results,
  targets,
};

function number(x: number, measure: Figure["measure"]): string {
  if (measure === "counts") return "";
  if (x >= 10_000) return `${(x / 1000).toFixed(1)} s`;
  if (x >= 100) return `${x.toFixed(0)} ms`;
  if (x >= 1) return `${x.toFixed(1)} ms`;
  return `${x.toFixed(3)} ms`;
}

function countsText(c: Readonly<Record<string, number>>): string {
  return Object.entries(c)
    .map(([k, v]) => `${k} ${v.toLocaleString("en")}`)
    .join(", ");
}

function rows(): string[][] {
  return results.map((r) => [
    r.title,
    number(r.median, r.measure),
    r.measure === "counts" ? "" : `${number(r.min, r.measure)} – ${number(r.max, r.measure)}`,
    r.measure === "counts" ? "" : String(r.runs),
    `${r.peakHeapMB.toFixed(0)} MB`,
    `${r.maxRssMB.toFixed(0)} MB`,
    countsText(r.counts),
  ]);
}

const RATIO_HEAD = ["Reading", "File", "Median", "× xlsx library read", "× floor", "Peak RSS"];

/** Each reading command, and the floor, as a ratio to the xlsx library's read of the same file and to the floor. */
function ratioRows(): string[][] {
  const out: string[][] = [];
  for (const size of ["S", "M", "L"] as const)
    for (const writer of WRITERS) {
      const library = byId.get(figureId("xlsx-read", writer, size));
      const floor = byId.get(figureId("floor", writer, size));
      for (const [kind, title] of [
        ["floor", "floor"],
        ["xlsx-read", "xlsx library read"],
        ["reader", "Baton's reader alone"],
        ...READING_COMMANDS,
      ] as const) {
        const f = byId.get(figureId(kind, writer, size));
        if (!f) continue;
        const x = (b: FigureResult | undefined) =>
          b ? `${(f.median / b.median).toFixed(2)}x` : "";
        out.push([
          title,
          `${size} ${WRITER_TITLE[writer]}`,
          number(f.median, f.measure),
          x(library),
          x(floor),
          `${f.maxRssMB.toFixed(0)} MB`,
        ]);
      }
    }
  return out;
}

function textReport(): string {
  const all = [HEAD, ...rows()];
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  const lines = all.map((r) =>
    r
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd(),
  );
  lines.splice(1, 0, widths.map((w) => "-".repeat(w)).join("  "));
  const ratios = [RATIO_HEAD, ...ratioRows()];
  if (ratios.length > 1) {
    const rw = RATIO_HEAD.map((_, i) => Math.max(...ratios.map((r) => r[i]!.length)));
    lines.push(
      "",
      ...ratios.map((r) =>
        r
          .map((c, i) => c.padEnd(rw[i]!))
          .join("  ")
          .trimEnd(),
      ),
    );
  }
  lines.push("", "Targets:");
  for (const t of targets) lines.push(`  ${t.met ? "met   " : "MISSED"}  ${t.text}: ${t.value}`);
  lines.push(
    "",
    `Machine: ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB, Node ${machine.node}, ${machine.os}`,
  );
  return lines.join("\n");
}

function writeMarkdown(path: string): void {
  const table = [
    `| ${HEAD.join(" | ")} |`,
    `| ${HEAD.map(() => "---").join(" | ")} |`,
    ...rows().map((r) => `| ${r.join(" | ")} |`),
  ];
  const block = [
    "<!-- bench:begin (generated by npm run bench -- --markdown docs/PERFORMANCE.md) -->",
    `Run of ${report.date.slice(0, 10)} on ${machine.cpus} cores (${machine.cpuModel}), ${machine.memoryGB} GB of memory, Node ${machine.node}, ${machine.os}.`,
    "",
    ...table,
    "",
    ...(ratioRows().length
      ? [
          `| ${RATIO_HEAD.join(" | ")} |`,
          `| ${RATIO_HEAD.map(() => "---").join(" | ")} |`,
          ...ratioRows().map((r) => `| ${r.join(" | ")} |`),
          "",
        ]
      : []),
    "| Target | Figure | Met |",
    "| --- | --- | --- |",
    ...targets.map((t) => `| ${t.text} | ${t.value} | ${t.met ? "yes" : "**no**"} |`),
    "<!-- bench:end -->",
  ].join("\n");
  let doc: string;
  try {
    doc = readFileSync(path, "utf8");
  } catch {
    doc = "";
  }
  const re = /<!-- bench:begin[\s\S]*?<!-- bench:end -->/;
  writeFileSync(path, re.test(doc) ? doc.replace(re, block) : `${doc}${doc ? "\n" : ""}${block}\n`);
}

if (values.out) writeFileSync(values.out, JSON.stringify(report, null, 2) + "\n");
if (values.json) process.stdout.write(JSON.stringify(report, null, 2) + "\n");
else process.stdout.write(textReport() + "\n");
if (values.markdown) writeMarkdown(values.markdown);

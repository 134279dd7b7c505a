/**
 * The generated workbooks as a host would hand them to the core (grids) and as files on disk
 * (.xlsx written by the command line's own file host), cached under `bench/.cache/` by a
 * fingerprint of their content, so a changed generator never reuses a stale file.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  templatePlan,
  type CellValue,
  type Grids,
  type PlanValue,
  type TemplateContent,
} from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { generate, SIZES, type Generated, type SizeName } from "./generate.ts";
import { trackerCsv } from "./tracker.ts";

/** The repository root, found from this file whether it runs from source or from bench/dist. */
export const ROOT = (() => {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "package.json")) || !existsSync(join(dir, "bench"))) {
    const up = dirname(dir);
    if (up === dir) throw new Error("cannot find the repository root");
    dir = up;
  }
  return dir;
})();

export const CACHE = join(ROOT, "bench", ".cache");

/**
 * The template sheets as grids, exactly as a host reads them after applying the template
 * plan: the plan's own value ops are placed, so dates are the serials the plan writes.
 */
export function gridsOf(content: TemplateContent): Grids {
  const grids: Record<string, CellValue[][]> = {};
  for (const op of templatePlan(content).ops) {
    if (op.op === "addSheet") grids[op.sheet] ??= [];
    if (op.op !== "values") continue;
    const grid = (grids[op.sheet] ??= []);
    op.values.forEach((values: readonly PlanValue[], i: number) => {
      const row = (grid[op.row - 1 + i] ??= []);
      values.forEach((v, j) => (row[op.column - 1 + j] = v));
    });
  }
  // A reader gives no trailing blanks: trim each row to its last value, as every host does.
  for (const grid of Object.values(grids))
    for (const row of grid) {
      let n = row.length;
      while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
      row.length = n;
    }
  return grids;
}

/** A short fingerprint of generated content: the cache key of its files. */
export function fingerprint(g: Generated): string {
  const h = createHash("sha256");
  h.update(JSON.stringify(g.content.settings));
  for (const key of ["objectives", "kpis", "initiatives", "handoffs", "checkins"] as const)
    for (const row of g.content[key] ?? []) h.update(JSON.stringify(row));
  return h.digest("hex").slice(0, 12);
}

/** Writes the workbook through the file host, as `baton init` and `baton migrate` do. */
export async function writeXlsx(content: TemplateContent, file: string): Promise<void> {
  const host = XlsxHost.empty();
  await host.apply(templatePlan(content));
  mkdirSync(dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  await host.save(partial);
  renameSync(partial, file);
}

/** The cached .xlsx of a size, written on first use. */
export async function xlsxFile(
  size: SizeName,
  generated: Generated = generate(SIZES[size]),
): Promise<string> {
  const file = join(CACHE, `${size}-${fingerprint(generated)}.xlsx`);
  if (!existsSync(file)) await writeXlsx(generated.content, file);
  return file;
}

/** The cached foreign tracker of `rows` rows, for migration. */
export function trackerFile(rows: number): string {
  const csv = trackerCsv(rows);
  const file = join(
    CACHE,
    `tracker-${rows}-${createHash("sha256").update(csv).digest("hex").slice(0, 12)}.csv`,
  );
  if (!existsSync(file)) {
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, csv);
  }
  return file;
}

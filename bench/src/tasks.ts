/**
 * What a figure's child process runs: the set-up a host would already have done (the workbook
 * read into grids), then the timed work. Each task times only the work its figure names.
 */
import ExcelJS from "exceljs";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { sha256 } from "@noble/hashes/sha2.js";
import { csvGrid, decodeText } from "../../cli/src/files/migration-source.ts";
import {
  checkinRowIssues,
  evaluate,
  liveContext,
  migrate,
  readWorkbook,
  statusPlan,
  closePeriod,
  verifyLedger,
  canonicalRow,
  parseSeal,
  utf8Bytes,
  GENESIS_SEAL,
  validateGrids,
  evaluatePortfolio,
  portfolioSummaryOf,
  type CellValue,
  type Grids,
} from "@baton/core";
import { AS_OF, generate, SIZES, type SizeName } from "./generate.ts";
import { HOSTS } from "../../fakes/hosts.ts";
import { hostSlug } from "./hosts.ts";
import { evaluateFormulas, formulaSheets } from "./peer/formulas.ts";
import { gridsOf, ROOT } from "./workbooks.ts";
import { seeded } from "./random.ts";
import { median } from "./stats.ts";
import { PORTFOLIO_200, portfolioMembers } from "./portfolio.ts";
import type { TaskResult } from "./protocol.ts";

export type Task = (args: readonly string[]) => Promise<TaskResult>;

const gc = () => (globalThis as { gc?: () => void }).gc?.();

function timed<T>(work: () => T): { value: T; ms: number } {
  const t = performance.now();
  const value = work();
  return { value, ms: performance.now() - t };
}

export function sizeArg(args: readonly string[]): SizeName {
  const s = args[0];
  if (s !== "S" && s !== "M" && s !== "L") throw new RangeError(`size must be S, M or L, got ${s}`);
  return s;
}

/** The week the ledger figures close through: the last whole week before the current one. */
export const LEDGER_PERIOD = "2026-W47";

/** The grids after a close: the plan's values written in, and the anchor it stores. */
function closedGrids(grids: Grids, period: string): { grids: Grids; anchor: string | null } {
  const result = closePeriod({ grids, anchor: null, period, now: new Date(`${AS_OF}T12:00:00Z`) });
  if (!result.ok) throw new Error(result.message);
  const out: Record<string, CellValue[][]> = {};
  for (const [name, g] of Object.entries(grids)) out[name] = (g ?? []).map((r) => [...r]);
  let anchor: string | null = null;
  for (const op of result.plan.ops) {
    if (op.op === "setAnchor") anchor = op.value;
    if (op.op !== "values") continue;
    const grid = out[op.sheet]!;
    op.values.forEach((values, i) => {
      const row = (grid[op.row - 1 + i] ??= []);
      values.forEach((v, j) => (row[op.column - 1 + j] = v));
    });
  }
  return { grids: out, anchor };
}

/** The bytes each seal of a closed Check-ins sheet is SHA-256 of, in order. */
function sealInputs(grids: Grids): Uint8Array[] {
  const { workbook } = readWorkbook(grids);
  const layout = workbook.layout.checkins!;
  const sheet = grids[layout.name]!;
  const sealCol = layout.columns.seal! - 1;
  const zone = workbook.settings.timeZone;
  const out: Uint8Array[] = [];
  let previous = GENESIS_SEAL;
  for (let r = 1; r < sheet.length; r++) {
    const cell = sheet[r]![sealCol];
    const seal = typeof cell === "string" ? parseSeal(cell) : undefined;
    if (!seal) break;
    out.push(
      utf8Bytes(
        `baton-seal-v1\n${seal.seq}\n${previous}\n${canonicalRow(sheet[r]!, layout.columns, zone)}`,
      ),
    );
    previous = seal.hex;
  }
  return out;
}

export function gridsOfSize(size: SizeName): Grids {
  return gridsOf(generate(SIZES[size]).content);
}

const rowsOf = (grids: Grids) =>
  Object.values(grids).reduce((n, g) => n + Math.max(0, (g?.length ?? 1) - 1), 0);

export const TASKS: Record<string, Task> = {
  /** Read and validate the whole workbook from the grids a host read. */
  async validate(args) {
    const grids = gridsOfSize(sizeArg(args));
    gc();
    const { value, ms } = timed(() => validateGrids(grids));
    return { ms, counts: { rows: rowsOf(grids), issues: value.issues.length } };
  },

  /** Every status of the workbook, from the workbook a host read (reading is not timed). */
  async evaluate(args) {
    const { workbook } = readWorkbook(gridsOfSize(sizeArg(args)));
    gc();
    const { value, ms } = timed(() => evaluate(workbook, { asOf: AS_OF }));
    const red = value.handoffs.filter((h) => h.status === "Red").length;
    return {
      ms,
      counts: {
        initiatives: value.initiatives.length,
        handoffs: value.handoffs.length,
        redHandoffs: red,
      },
    };
  },

  /** The formula approach: HyperFormula builds the formula workbook (evaluating it) and the statuses are read back. */
  async formulas(args) {
    const grids = gridsOfSize(sizeArg(args));
    const { workbook } = readWorkbook(grids);
    const sheets = formulaSheets(
      grids,
      AS_OF,
      workbook.settings.amberWindow,
      workbook.settings.holidays,
    );
    gc();
    const { value, ms } = timed(() => evaluateFormulas(sheets));
    const red = [...value.handoffs.values()].filter((s) => s === "Red").length;
    return {
      ms,
      counts: {
        initiatives: value.initiatives.size,
        handoffs: value.handoffs.size,
        redHandoffs: red,
      },
    };
  },

  /**
   * One edited check-in validated as the sidebar does it while a user types: the context is
   * built when the workbook is read, then each edit costs one row. The figure is the median
   * edit of a thousand, on rows spread over the sheet.
   */
  async revalidate(args) {
    const grids = gridsOfSize(sizeArg(args));
    const { workbook } = validateGrids(grids);
    const context = liveContext(workbook);
    const layout = workbook.layout.checkins!;
    const sheet = grids[layout.name]!;
    const rag = layout.columns.rag! - 1;
    const path = layout.columns.pathToGreen! - 1;
    const r = seeded(7);
    const times: number[] = [];
    let issues = 0;
    gc();
    for (let i = 0; i < 1000; i++) {
      const row = r.int(2, sheet.length);
      const cells: CellValue[] = [...(sheet[row - 1] ?? [])];
      // The edit a user makes: the week turns Red, and the Path to Green is not written yet.
      cells[rag] = "Red";
      cells[path] = null;
      const { value, ms } = timed(() => checkinRowIssues(context, cells, row));
      issues += value.length;
      times.push(ms);
    }
    return { ms: median(times), counts: { edits: times.length, issuesFound: issues } };
  },

  /** Migration of a foreign tracker, from the grid the CSV reads into (reading is not timed). */
  async migrate(args) {
    const grid = csvGrid(decodeText(readFileSync(args[0]!)));
    gc();
    const { value, ms } = timed(() =>
      migrate({ sheet: "tracker", grid }, { asOf: AS_OF, timeZone: "Europe/Berlin" }),
    );
    const created = value.report.created;
    return {
      ms,
      counts: {
        sourceRows: grid.length - 1,
        initiatives: created.initiatives,
        handoffs: created.handoffs,
        checkins: created.checkins,
      },
    };
  },

  /**
   * Round trips of one refresh in a host (its fake, counting what the real service counts):
   * read every template sheet, evaluate, write the computed columns back.
   */
  async roundtrips(args) {
    const factory = HOSTS.find((f) => hostSlug(f.name) === args[0]);
    if (!factory) throw new RangeError(`no host ${args[0]}`);
    const grids = gridsOfSize(sizeArg(args.slice(1)));
    const t = await factory.create(grids);
    const start = t.roundTrips();
    const read = await t.host.readSheets(Object.keys(grids));
    const afterRead = t.roundTrips();
    const { workbook } = validateGrids(read);
    await t.host.apply(statusPlan(workbook, evaluate(workbook, { asOf: AS_OF })));
    return { counts: { read: afterRead - start, write: t.roundTrips() - afterRead } };
  },

  /**
   * The ledger of a size: `close` seals every check-in through the last closed week (the
   * migrated-history case: one pass over all of them); `verify` walks the sealed chain;
   * `sha256` is the floor, plain SHA-256 (the same pure-JS implementation) over the very bytes
   * verify hashes, with no canonical form, no encoding and no comparison; `sha256-reset` hashes
   * them as verify does, one hasher reset per row.
   */
  async ledger(args): Promise<TaskResult> {
    const [size, what] = [sizeArg(args), args[1]];
    const grids = gridsOfSize(size);
    const period = LEDGER_PERIOD;
    if (what === "close") {
      gc();
      const { value, ms } = timed(() =>
        closePeriod({ grids, anchor: null, period, now: new Date(`${AS_OF}T12:00:00Z`) }),
      );
      if (!value.ok) throw new Error(value.message);
      return { ms, counts: { sealed: value.sealed, ops: value.plan.ops.length } };
    }
    const { grids: closed, anchor } = closedGrids(grids, period);
    if (what === "verify") {
      gc();
      const { value, ms } = timed(() => verifyLedger(closed, anchor));
      if (!value.intact) throw new Error("the ledger just closed does not verify");
      return { ms, counts: { sealedRows: value.sealedRows } };
    }
    if (what === "sha256") {
      const inputs = sealInputs(closed);
      gc();
      const { value, ms } = timed(() => {
        let last: Uint8Array | undefined;
        for (const bytes of inputs) last = sha256(bytes);
        return last;
      });
      return {
        ms,
        counts: {
          hashes: inputs.length,
          bytes: inputs.reduce((n, b) => n + b.length, 0),
          last: value ? value[0]! : 0,
        },
      };
    }
    if (what === "sha256-reset") {
      // Verify resets one hasher per row instead of making one per call (sha256() does), which
      // saves its allocations: the floor of hashing the rows that way.
      const inputs = sealInputs(closed);
      const fresh = sha256.create();
      const hasher = sha256.create();
      const digest = new Uint8Array(32);
      gc();
      const { ms } = timed(() => {
        for (const bytes of inputs) {
          fresh._cloneInto(hasher);
          hasher.update(bytes);
          hasher.digestInto(digest);
        }
      });
      return { ms, counts: { hashes: inputs.length, last: digest[0]! } };
    }
    throw new RangeError(`ledger close|verify|sha256|sha256-reset, not ${what}`);
  },

  /** The minified bundles as the build writes them: the Apps Script project and the Excel task pane. */
  async bundles() {
    execFileSync(process.execPath, ["scripts/build.mjs", "gsheets", "excel"], {
      cwd: ROOT,
      stdio: "ignore",
    });
    const size = (f: string) => statSync(join(ROOT, f)).size;
    // The task pane page loads its entries and their shared chunks: every .js under dist.
    const jsUnder = (dir: string): number =>
      readdirSync(dir, { withFileTypes: true }).reduce(
        (n, e) =>
          n +
          (e.isDirectory()
            ? jsUnder(join(dir, e.name))
            : e.name.endsWith(".js")
              ? statSync(join(dir, e.name)).size
              : 0),
        0,
      );
    const paneJs = jsUnder(join(ROOT, "excel-addin", "dist"));
    return {
      counts: {
        appsScriptKB: Math.round(size("gsheets/dist/Code.js") / 102.4) / 10,
        sheetsSidebarKB: Math.round(size("gsheets/dist/Sidebar.html") / 102.4) / 10,
        taskPaneJsKB: Math.round(paneJs / 102.4) / 10,
      },
    };
  },

  /** The xlsx library's own read of a file into its workbook model. */
  async "xlsx-read"(args) {
    const wb = new ExcelJS.Workbook();
    const { ms } = await timedAsync(() => wb.xlsx.readFile(args[0]!));
    return { ms, counts: { sheets: wb.worksheets.length } };
  },

  /** A portfolio of many team workbooks, read as grids, evaluated as one graph and summarized. */
  async portfolio() {
    const { members, crossHandoffs } = portfolioMembers(PORTFOLIO_200);
    gc();
    const { value, ms } = timed(() =>
      portfolioSummaryOf(evaluatePortfolio(members, { asOf: AS_OF, now: new Date() })),
    );
    return {
      ms,
      counts: {
        workbooks: value.workbooks.length,
        initiatives:
          value.whole.headline.initiatives.now.Red +
          value.whole.headline.initiatives.now.Amber +
          value.whole.headline.initiatives.now.Green +
          value.whole.headline.initiatives.now.Done +
          value.whole.headline.initiatives.now.Paused,
        handoffs: members.reduce((n, m) => n + (m.grids["Hand-offs"]?.length ?? 1) - 1, 0),
        crossHandoffs,
        crossAtRisk: value.crossTeam.length + value.crossTeamOmitted,
      },
    };
  },

  /** The xlsx library's own read and write of a file: the floor of any command that writes. */
  async "xlsx-readwrite"(args) {
    const wb = new ExcelJS.Workbook();
    const { ms } = await timedAsync(async () => {
      await wb.xlsx.readFile(args[0]!);
      await wb.xlsx.writeFile(args[1]!);
    });
    return { ms, counts: { sheets: wb.worksheets.length } };
  },
};

async function timedAsync(work: () => Promise<unknown>): Promise<{ ms: number }> {
  const t = performance.now();
  await work();
  return { ms: performance.now() - t };
}

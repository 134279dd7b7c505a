/**
 * `npm run bench -- --quick` works end to end: every quick figure is reported with its
 * spread, memory and exact counts. Times are never asserted (the machine is shared); the
 * counts are, because they are the same on every machine.
 */
import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { SIZES } from "../../bench/src/generate.ts";

interface Report {
  quick: boolean;
  machine: { cpus: number; memoryGB: number; node: string };
  figures: {
    id: string;
    median: number;
    min: number;
    max: number;
    runs: number;
    peakHeapMB: number;
    maxRssMB: number;
    counts: Record<string, number>;
  }[];
  targets: { id: string; met: boolean; value: string }[];
}

describe("the quick benchmark runs end to end", () => {
  it("reports every quick figure with its counts", { timeout: 900_000 }, () => {
    execFileSync(process.execPath, ["scripts/build.mjs", "cli", "bench"], { stdio: "inherit" });
    const out = execFileSync(
      process.execPath,
      ["bench/dist/main.mjs", "--quick", "--json", "--runs", "1"],
      { encoding: "utf8", maxBuffer: 64 * 2 ** 20 },
    );
    const report = JSON.parse(out) as Report;
    expect(report.quick).toBe(true);
    expect(report.machine.cpus).toBeGreaterThan(0);
    expect(report.machine.node).toBe(process.version);
    const byId = new Map(report.figures.map((f) => [f.id, f]));
    for (const id of [
      "validate.S",
      "validate.M",
      "evaluate.S",
      "evaluate.M",
      "formulas.S",
      "revalidate.M",
      "cli-validate.M",
      "xlsx-read.M",
      "cli-status.M",
      "cli-status-write.M",
      "xlsx-readwrite.M",
      "migrate.5k",
      "close.M",
      "verify.M",
      "sha256.M",
      "sha256-reset.M",
      "cli-close.M",
      "cli-verify.M",
      "cli-summary-write.M",
      "cli-migrate.5k",
    ])
      expect(byId.has(id), id).toBe(true);
    expect([...byId.keys()].some((id) => id.endsWith(".L"))).toBe(false);
    for (const f of report.figures) {
      expect(f.runs).toBe(1);
      expect(f.min).toBeLessThanOrEqual(f.median);
      expect(f.median).toBeLessThanOrEqual(f.max);
      expect(f.peakHeapMB).toBeGreaterThan(0);
      expect(f.maxRssMB).toBeGreaterThan(0);
    }
    const { S, M } = SIZES;
    const rows = (s: typeof S) => s.objectives + s.kpis + s.initiatives + s.handoffs + s.checkins;
    // Settings rows come on top of the records: at least every record is read.
    expect(byId.get("validate.M")!.counts.rows).toBeGreaterThan(rows(M));
    expect(byId.get("evaluate.M")!.counts).toMatchObject({
      initiatives: M.initiatives,
      handoffs: M.handoffs,
    });
    expect(byId.get("formulas.S")!.counts).toMatchObject({
      initiatives: S.initiatives,
      handoffs: S.handoffs,
    });
    // The peer and Baton judge the same hand-offs Red.
    expect(byId.get("formulas.S")!.counts.redHandoffs).toBe(
      byId.get("evaluate.S")!.counts.redHandoffs,
    );
    expect(byId.get("revalidate.M")!.counts.edits).toBe(1000);
    // Verify walks every row close sealed, and the floor hashes the same rows.
    expect(byId.get("verify.M")!.counts.sealedRows).toBe(byId.get("close.M")!.counts.sealed);
    expect(byId.get("sha256.M")!.counts.hashes).toBe(byId.get("close.M")!.counts.sealed);
    expect(byId.get("sha256-reset.M")!.counts.hashes).toBe(byId.get("close.M")!.counts.sealed);
    // The bundles are measured, and a refresh costs every service host the same round trips at S and M.
    expect(Object.keys(byId.get("bundles")!.counts).sort()).toEqual([
      "appsScriptKB",
      "sheetsSidebarKB",
      "taskPaneJsKB",
    ]);
    const trips = report.figures.filter((f) => f.id.startsWith("roundtrips."));
    expect(trips.length).toBeGreaterThanOrEqual(4);
    for (const s of trips.filter((f) => f.id.endsWith(".S"))) {
      const m = byId.get(s.id.replace(/\.S$/, ".M"))!;
      expect(s.counts.read).toBeGreaterThan(0);
      expect(m.counts).toEqual(s.counts);
    }
    // Every row of the tracker becomes an initiative.
    expect(byId.get("migrate.5k")!.counts).toMatchObject({ sourceRows: 5000, initiatives: 5000 });
  });
});

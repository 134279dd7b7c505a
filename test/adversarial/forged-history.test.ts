/**
 * An attacker with the file: the seal scheme is documented, so anyone can edit a sealed row,
 * recompute every seal and the anchor, and the chain verifies. What stops it is the signature
 * over the anchor, by a key kept outside the workbook and listed in Settings' Closers, and an
 * anchor kept elsewhere (`verify --anchor`). Each attack here is generated, then `baton verify`
 * must exit 3 and name what it found.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  BATON_SHEET,
  SHEET,
  closePeriod,
  formatAnchor,
  parseAnchor,
  publicKeyOf,
  signAnchor,
  type Grids,
} from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { baton, tempDir } from "../support/cli.ts";

const dir = tempDir("baton-forged-");
const env = { XDG_CONFIG_HOME: join(dir, "config") };
const run = (...args: string[]) => baton(args, { cwd: dir, env });
/** The Seal column, 0-based. */
const SEAL = 9;

/** A demo workbook closed through W47 with the user's key; returns its file and the printed anchor. */
function sealedDemo(name: string): { file: string; seal: string } {
  const file = join(dir, name);
  expect(run("init", file, "--demo", "--as-of", "2026-11-26").code).toBe(0);
  const r = run("close", file, "--period", "2026-W47", "--as-of", "2026-11-26", "--json");
  expect(r.code, r.stderr).toBe(0);
  return { file, seal: JSON.parse(r.stdout).anchor.seal };
}

/** The Seal column of a sheet's grid, 0-based. */
const sealOf = (grid: readonly (readonly unknown[])[]) => grid[0]!.indexOf("Seal");

/**
 * Edits a sealed comment and recomputes every seal of the chain (check-ins and gate decisions)
 * and the anchor, as the documented scheme allows.
 */
async function forge(file: string, sign?: (a: string) => string, closers?: string): Promise<void> {
  const host = await XlsxHost.open(file);
  const grids: Grids = await host.readSheets(await host.sheetNames());
  const rows = grids[SHEET.checkins]!.map((r) => [...r]);
  rows[2]![5] = "All fine, honestly";
  for (const r of rows.slice(1)) r[SEAL] = null;
  const decisions = grids[SHEET.gateDecisions]!.map((r) => [...r]);
  const decisionSeal = sealOf(decisions);
  // The demo's history seals gate decisions too: a forger who left them would break the chain.
  expect(decisions.slice(1).some((r) => r[decisionSeal] != null && r[decisionSeal] !== "")).toBe(
    true,
  );
  for (const r of decisions.slice(1)) r[decisionSeal] = null;
  const reclosed = closePeriod({
    grids: {
      ...grids,
      [SHEET.checkins]: rows,
      [SHEET.gateDecisions]: decisions,
      [SHEET.settings]: grids[SHEET.settings]!.filter((r) => r[0] !== "Closers"),
    },
    anchor: null,
    period: "2026-W47",
    today: "2026-11-26",
  });
  if (!reclosed.ok) throw new Error(reclosed.message);
  expect(reclosed.sealedDecisions).toBeGreaterThan(0);
  // Keep only the forged seals and anchor: the attacker writes them into the original file.
  for (const sheet of [SHEET.checkins, SHEET.gateDecisions]) {
    const ws = host.workbook.getWorksheet(sheet)!;
    for (const op of reclosed.plan.ops)
      if (op.op === "values" && op.sheet === sheet)
        op.values.forEach((row, i) =>
          row.forEach((v, j) => {
            if (v !== undefined) ws.getCell(op.row + i, op.column + j).value = v as never;
          }),
        );
  }
  host.workbook.getWorksheet(SHEET.checkins)!.getCell(3, 6).value = "All fine, honestly";
  const anchor = sign ? sign(reclosed.anchor) : reclosed.anchor;
  host.workbook.getWorksheet(BATON_SHEET)!.getCell("B1").value = anchor;
  if (closers !== undefined)
    host.workbook.getWorksheet(SHEET.settings)!.eachRow((row) => {
      if (row.getCell(1).value === "Closers") row.getCell(2).value = closers;
    });
  await host.workbook.xlsx.writeFile(file);
}

const verify = (file: string, ...more: string[]) => {
  const r = run("verify", file, "--json", ...more);
  return {
    code: r.code,
    out: JSON.parse(r.stdout) as { intact: boolean; firstBroken: { reason: string } | null },
  };
};

describe("a history rewritten with the documented scheme", { timeout: 240_000 }, () => {
  it("verifies no more: the recomputed anchor carries no closer's signature", async () => {
    const { file } = sealedDemo("unsigned.xlsx");
    await forge(file);
    const r = verify(file);
    expect(r.code).toBe(3);
    expect(r.out.firstBroken?.reason).toBe("signature-missing");
  });

  it("signed with the attacker's own key, is reported as signed by a key Settings does not list", async () => {
    const { file } = sealedDemo("own-key.xlsx");
    const attacker = { secretKey: new Uint8Array(32).fill(7) };
    await forge(file, (a) => formatAnchor(signAnchor(parseAnchor(a)!, attacker)));
    const r = verify(file);
    expect(r.code).toBe(3);
    expect(r.out.firstBroken?.reason).toBe("signature-unknown-key");
  });

  it("an anchor whose fields were changed after signing is reported", async () => {
    const { file } = sealedDemo("changed.xlsx");
    const host = await XlsxHost.open(file);
    const state = host.workbook.getWorksheet(BATON_SHEET)!;
    const a = parseAnchor(String(state.getCell("B1").value))!;
    state.getCell("B1").value = formatAnchor({ ...a, through: "2026-W48" });
    await host.workbook.xlsx.writeFile(file);
    expect(verify(file).out.firstBroken?.reason).toBe("signature-invalid");
  });

  it("is caught by an anchor kept elsewhere, even when the rewrite also replaced the Closers", async () => {
    const { file, seal } = sealedDemo("kept.xlsx");
    const attacker = { secretKey: new Uint8Array(32).fill(9) };
    await forge(
      file,
      (a) => formatAnchor(signAnchor(parseAnchor(a)!, attacker)),
      `mallory:${publicKeyOf(attacker.secretKey)}`,
    );
    expect(verify(file).code).toBe(0);
    const r = verify(file, "--anchor", seal);
    expect(r.code).toBe(3);
    expect(r.out.firstBroken?.reason).toBe("kept-anchor-mismatch");
  });
});

describe("a sealed history deleted whole", { timeout: 240_000 }, () => {
  it("every sealed row and the Baton sheet gone is reported, not 'no sealed check-ins yet'", async () => {
    const { file } = sealedDemo("deleted.xlsx");
    const host = await XlsxHost.open(file);
    // The whole history: the check-ins and the gate decisions sealed with them.
    for (const sheet of [SHEET.checkins, SHEET.gateDecisions]) {
      const ws = host.workbook.getWorksheet(sheet)!;
      for (let r = 2; r <= ws.rowCount; r++) ws.getRow(r).eachCell((c) => (c.value = null));
    }
    host.workbook.removeWorksheet(host.workbook.getWorksheet(BATON_SHEET)!.id);
    await host.workbook.xlsx.writeFile(file);
    const r = verify(file);
    expect(r.code).toBe(3);
    expect(r.out.firstBroken?.reason).toBe("seals-missing");
  });
});

/** `baton upgrade FILE` end to end: a version 1 workbook in place, then nothing the second time. */
import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET, validateGrids } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { checkin, smallWorkbook, version1Grids } from "../support/grids.ts";
import { baton, tempDir } from "../support/cli.ts";

async function writeVersion1(file: string): Promise<void> {
  const host = XlsxHost.empty();
  for (const [name, grid] of Object.entries(
    version1Grids(smallWorkbook({ checkins: [checkin("2026-W48", "INI-1")] })),
  )) {
    const ws = host.workbook.addWorksheet(name);
    grid.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v !== null) ws.getCell(r + 1, c + 1).value = v as never;
      }),
    );
  }
  await host.save(file);
}

describe("baton upgrade", () => {
  it("upgrades a version 1 workbook in place, then writes nothing, and validation is quiet", async () => {
    const file = join(tempDir("baton-upgrade-"), "plan.xlsx");
    await writeVersion1(file);
    const v1 = await XlsxHost.open(file);
    const before = validateGrids(await v1.readSheets(await v1.sheetNames()));
    expect(before.issues.map((i) => i.code)).toEqual(["template-outdated"]);

    const first = baton(["upgrade", file]);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /now uses template version 2\. Baton added the columns Sponsor, Controller, Planned Value, Value Unit, Gate and Confirmed Value after the last column of Initiatives and the sheet Gate Decisions\./,
    );
    const upgraded = await XlsxHost.open(file);
    const grids = await upgraded.readSheets(await upgraded.sheetNames());
    expect(grids[SHEET.initiatives]![1]!.slice(0, 3)).toEqual([
      "INI-1",
      "OBJ-1",
      "Initiative INI-1",
    ]);
    expect(grids[SHEET.gateDecisions]![0]![0]).toBe("Date");
    const bytes = readFileSync(file);

    const second = baton(["upgrade", file, "--json"]);
    expect(second.code).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({
      upgraded: false,
      message: `${file[0]!.toUpperCase()}${file.slice(1)} already uses template version 2; nothing was changed.`,
    });
    expect(readFileSync(file).equals(bytes)).toBe(true);

    const validate = baton(["validate", file, "--json"]);
    expect(JSON.parse(validate.stdout)).toEqual({ issues: [] });
  });
});

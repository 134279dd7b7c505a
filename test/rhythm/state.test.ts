/** What was told is kept in the Baton sheet under a key, below the seal anchor, whatever its length. */
import { describe, expect, it } from "vitest";
import { BATON_SHEET, MemoryHost, STATE_FIRST_ROW, stateValueIn, stateWrites } from "@baton/core";

async function written(host: MemoryHost, key: string, value: string) {
  const grid = (await host.readSheets([BATON_SHEET]))[BATON_SHEET];
  await host.apply({ ops: stateWrites(grid, key, value) });
  return (await host.readSheets([BATON_SHEET]))[BATON_SHEET]!;
}

describe("Baton sheet state", () => {
  it("keeps a value longer than a cell holds across cells, and reads it back whole", async () => {
    const host = new MemoryHost();
    host.anchor = "kept";
    const long = "x".repeat(70_001);
    const grid = await written(host, "Told", long);
    expect(grid[STATE_FIRST_ROW - 1]!.length).toBe(4);
    expect(stateValueIn(grid, "Told")).toBe(long);
    expect(await host.sheetNames()).toEqual([]);
  });

  it("rewrites a key in place, blanking cells a longer value used, and leaves row 1 alone", async () => {
    const host = new MemoryHost({ [BATON_SHEET]: [["Seal anchor", "abc"]] });
    await written(host, "Told", "y".repeat(65_000));
    await written(host, "Other", "z");
    const grid = await written(host, "Told", "short");
    expect(grid[0]).toEqual(["Seal anchor", "abc"]);
    expect(stateValueIn(grid, "Told")).toBe("short");
    expect(stateValueIn(grid, "Other")).toBe("z");
    expect(grid.length).toBe(3);
  });
});

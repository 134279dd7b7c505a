/**
 * An initiative's Sponsor, read from the Initiatives sheet's "Sponsor" column where the
 * workbook has one (template version 2 adds it); without the column nobody is the sponsor.
 */
import type { CellValue, Grids } from "../cells/values.ts";
import type { Workbook } from "../workbook/read.ts";

const text = (v: CellValue) => (typeof v === "string" ? v.trim() : "");

export function sponsorsOf(grids: Grids, wb: Workbook): (initiativeId: string) => string | null {
  const layout = wb.layout.initiatives;
  const grid = layout ? grids[layout.name] : undefined;
  const header = grid?.[0] ?? [];
  const col = header.findIndex((h) => text(h).toLowerCase() === "sponsor");
  const idCol = (layout?.columns.id ?? 1) - 1;
  if (!grid || col < 0) return () => null;
  const byId = new Map<string, string>();
  for (let r = 1; r < grid.length; r++) {
    const id = text(grid[r]?.[idCol]);
    const sponsor = text(grid[r]?.[col]);
    if (id && sponsor && !byId.has(id)) byId.set(id, sponsor);
  }
  return (id) => byId.get(id) ?? null;
}

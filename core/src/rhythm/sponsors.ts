/**
 * An initiative's Sponsor, as its Initiatives row names it (template version 2 adds the
 * column; on a version 1 workbook it reads blank and nobody is the sponsor).
 */
import type { Workbook } from "../workbook/read.ts";

export function sponsorsOf(wb: Workbook): (initiativeId: string) => string | null {
  const byId = new Map<string, string>();
  for (const i of wb.initiatives) {
    const sponsor = i.sponsor?.trim();
    if (sponsor && !byId.has(i.id)) byId.set(i.id, sponsor);
  }
  return (id) => byId.get(id) ?? null;
}

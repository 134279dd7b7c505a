/// <reference types="office-js" />
/**
 * Marks on cells that have issues: a conditional format on each such cell, so the mark never
 * changes the cell's own format and goes away without a trace. Baton knows its marks by their
 * formula, which names the cell (`=N("baton:issue C5")=0`, always true), so marks left by an
 * earlier session are found and cleared too.
 */
const TAG = "baton:issue";
export const MARK_FILL = "#FCE4D6";
export const MARK_FONT = "#C00000";

export function markFormula(cell: string): string {
  return `=N("${TAG} ${cell}")=0`;
}

/** The cell a mark's formula names, or null for any other formula. */
export function markedCell(formula: string | null | undefined): string | null {
  const m = /^=N\("baton:issue ([A-Z]{1,3}\d+)"\)=0$/.exec(formula ?? "");
  return m ? m[1]! : null;
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)![0]);

/** Queues the load of a sheet's conditional formats, to find Baton's marks after the next sync. */
export function loadMarks(
  context: Excel.RequestContext,
  sheet: string,
): Excel.ConditionalFormatCollection {
  const formats = context.workbook.worksheets.getItem(sheet).getRange().conditionalFormats;
  formats.load("items/type,items/customOrNullObject/rule/formula");
  return formats;
}

/**
 * Queues the removal of the marks on `rows` (all of them for "all") and new marks on `cells`.
 * `loaded` is the collection from `loadMarks`, synced.
 */
export function queueMarks(
  context: Excel.RequestContext,
  sheet: string,
  loaded: Excel.ConditionalFormatCollection,
  rows: ReadonlySet<number> | "all",
  cells: readonly string[],
): void {
  for (const cf of loaded.items) {
    if (cf.type !== "Custom" || cf.customOrNullObject.isNullObject) continue;
    const cell = markedCell(cf.customOrNullObject.rule.formula);
    if (cell && (rows === "all" || rows.has(rowOf(cell)))) cf.delete();
  }
  const ws = context.workbook.worksheets.getItem(sheet);
  for (const cell of new Set(cells)) {
    const cf = ws.getRange(cell).conditionalFormats.add("Custom");
    cf.custom.rule.formula = markFormula(cell);
    cf.custom.format.fill.color = MARK_FILL;
    cf.custom.format.font.color = MARK_FONT;
    // Above the status colours, so a marked RAG cell still shows it needs attention.
    cf.priority = 0;
  }
}

/** 1-based sheet rows a change address covers ("C5", "C5:F9", "5:9"); "all" for whole columns. */
export function rowsOf(address: string): number[] | "all" {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const parts = local.replace(/\$/g, "").split(":");
  const row = (p: string) => {
    const m = /^[A-Za-z]{0,3}(\d+)$/.exec(p);
    return m ? Number(m[1]) : null;
  };
  const first = row(parts[0]!);
  const last = row(parts[parts.length - 1]!);
  if (first === null || last === null) return "all";
  const out: number[] = [];
  for (let r = Math.min(first, last); r <= Math.max(first, last); r++) out.push(r);
  return out;
}

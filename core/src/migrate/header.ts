/**
 * Finding the header row below a title block: the row that reads most like column names
 * (known names in any supported language count most, plain text counts, numbers and dates
 * count against), that is about as wide as the data below it, and that has data under it.
 */
import { isBlank, type Grid } from "../cells/values.ts";
import { filled, textOf } from "./source.ts";
import { nameScores } from "./mapping.ts";
import { readDateCell } from "./dates.ts";
import { readNumberText } from "./numbers.ts";

const SCAN = 40;

function isDataLike(v: unknown): boolean {
  if (typeof v === "number" || v instanceof Date || typeof v === "boolean") return true;
  if (typeof v !== "string") return false;
  return readNumberText(v, "point") !== undefined || readDateCell(v, "UTC") !== undefined;
}

/** 0-based index of the header row; undefined for a sheet with no rows. */
export function findHeaderRow(grid: Grid): number | undefined {
  const rows = Math.min(grid.length, SCAN);
  const counts: number[] = [];
  for (let r = 0; r < Math.min(grid.length, 200); r++) counts.push(filled(grid[r]));
  const nonBlank = counts.filter((c) => c > 0).sort((a, b) => a - b);
  if (!nonBlank.length) return undefined;
  const typical = nonBlank[Math.floor(nonBlank.length / 2)]!;
  let best: number | undefined;
  let bestScore = -Infinity;
  for (let r = 0; r < rows; r++) {
    const row = grid[r] ?? [];
    const k = counts[r]!;
    if (k === 0) continue;
    // A title or a lone label is one cell; a header names most of the columns below it.
    if (k < 2 && typical >= 2) continue;
    let known = 0;
    let text = 0;
    let data = 0;
    for (const v of row) {
      if (isBlank(v)) continue;
      if (isDataLike(v)) data++;
      else {
        text++;
        if (nameScores(textOf(v)).size) known++;
      }
    }
    const below = counts.slice(r + 1, r + 4).some((c) => c > 0) ? 1 : 0;
    const width = Math.min(k, typical) / Math.max(k, typical);
    const score = known * 3 + text - data * 2 + width * 2 + below * 2;
    if (score > bestScore) {
      bestScore = score;
      best = r;
    }
  }
  return best ?? counts.findIndex((c) => c > 0);
}

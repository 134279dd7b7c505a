/**
 * The rows of a sheet below its header: which are data, which are section headings, repeated
 * headers or totals, what the title block above says, and the hierarchy that leading spaces give.
 */
import {
  isBlank,
  isErrorValue,
  describeValue,
  type CellValue,
  type Grid,
} from "../cells/values.ts";
import { filled, letterOf, textOf } from "./source.ts";
import { readDateCell } from "./dates.ts";
import { readNumber } from "./numbers.ts";
import { isTotalLabel } from "./lookups.ts";
import { fold } from "./words.ts";
import type { Item, Row, Section } from "./model.ts";

export type RowKind = "blank" | "data" | "section" | "header" | "total";

export interface Layout {
  /** Header texts, one per column of the widest row. */
  readonly headers: readonly string[];
  readonly width: number;
  /** Kind of every row below the header, in order. */
  readonly kinds: readonly RowKind[];
  /** 0-based grid rows that hold data. */
  readonly dataRows: readonly number[];
  /** Non-blank rows above the header, each as one line of text. */
  readonly titleLines: readonly string[];
}

export function layoutOf(grid: Grid, headerIndex: number, zone: string): Layout {
  const titleLines: string[] = [];
  for (let r = 0; r < headerIndex; r++) {
    const cells = (grid[r] ?? [])
      .filter((v) => !isBlank(v) && !isErrorValue(v))
      .map((v) => textOf(v).trim());
    if (cells.length) titleLines.push(cells.join(" "));
  }
  const header = grid[headerIndex] ?? [];
  let width = header.length;
  for (let r = headerIndex + 1; r < grid.length; r++) width = Math.max(width, grid[r]?.length ?? 0);
  const headers: string[] = [];
  for (let c = 0; c < width; c++) headers.push(textOf(header[c]).trim().replace(/\s+/g, " "));
  const foldedHeader = headers.map((h) => fold(h));
  const headerCells = foldedHeader.filter(Boolean).length;

  const kinds: RowKind[] = [];
  const counts: number[] = [];
  for (let r = headerIndex + 1; r < grid.length; r++) counts.push(filled(grid[r]));
  const dataCounts = counts.filter((c) => c > 0).sort((a, b) => a - b);
  const typical = dataCounts[Math.floor(dataCounts.length / 2)] ?? 0;
  for (let r = headerIndex + 1; r < grid.length; r++) {
    const row = grid[r] ?? [];
    const k = counts[r - headerIndex - 1]!;
    if (k === 0) {
      kinds.push("blank");
      continue;
    }
    let same = 0;
    let first: CellValue = null;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (isBlank(v)) continue;
      if (first === null) first = v;
      if (
        typeof v === "string" &&
        foldedHeader[c] &&
        Math.abs(v.length - headers[c]!.length) <= 4 &&
        fold(v) === foldedHeader[c]
      )
        same++;
    }
    if (headerCells >= 2 && same >= Math.max(2, Math.ceil(headerCells * 0.8))) kinds.push("header");
    else if (typeof first === "string" && isTotalLabel(first) && k <= Math.max(2, typical))
      kinds.push("total");
    // One text cell where rows usually have three or more: a heading for the rows below.
    else if (
      k === 1 &&
      typical >= 3 &&
      typeof first === "string" &&
      !isErrorValue(first) &&
      readDateCell(first, zone) === undefined &&
      readNumber(first, "point") === undefined
    )
      kinds.push("section");
    else kinds.push("data");
  }
  const dataRows: number[] = [];
  kinds.forEach((k, i) => k === "data" && dataRows.push(headerIndex + 1 + i));
  return { headers, width, kinds, dataRows, titleLines };
}

/** Leading spaces of a name (a tab counts four): the only hierarchy some plans have. */
export function indentOf(text: string): number {
  let n = 0;
  for (const ch of text) {
    if (ch === " " || ch === "\u00a0") n++;
    else if (ch === "\t") n += 4;
    else break;
  }
  return n;
}

export function stripIndent(text: string): string {
  return text.trim().replace(/\s+/g, " ");
}

/** Links each item to the nearest less-indented item above it, within its section. */
export function linkHierarchy(items: readonly Item[]): boolean {
  if (!items.some((it) => it.indent > 0) || !items.some((it) => it.indent === 0)) return false;
  let stack: Item[] = [];
  let lastSection: Section | undefined;
  for (const it of items) {
    if (it.section !== lastSection) {
      stack = [];
      lastSection = it.section;
    }
    while (stack.length && stack[stack.length - 1]!.indent >= it.indent) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) {
      it.parent = parent;
      parent.children.push(it);
    }
    stack.push(it);
  }
  return true;
}

/** A short rendering of a row's cells for a rejection reason. */
export function filledSummary(row: Row, headers: readonly string[]): string {
  const parts: string[] = [];
  for (let c = 0; c < row.length && parts.length < 4; c++) {
    const v = row[c];
    if (isBlank(v)) continue;
    parts.push(`${headers[c] || letterOf(c)}=${describeValue(v, 30)}`);
  }
  return parts.length ? parts.join(", ") : "no values";
}

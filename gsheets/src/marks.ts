/**
 * Marks on check-in cells: a note saying what is wrong and how to fix it, and the cell filled
 * red (error) or amber (warning). A team's own notes are kept below Baton's lines, and a mark
 * is taken off (note lines and fill) once the cell is fixed; a fill Baton did not set stays.
 */
import { STATUS_FILL, columnNumber, type ValidationIssue } from "@baton/core";

export const NOTE_PREFIX = "Baton: ";
const WHITE = "#ffffff";
export const MARK_FILL = { error: STATUS_FILL.Red.fill, warning: STATUS_FILL.Amber.fill } as const;
const MARK_FILLS = new Set(Object.values(MARK_FILL).map((c) => c.toLowerCase()));

export interface CellMarks {
  readonly notes: string[][];
  /** null resets the fill. */
  readonly backgrounds: (string | null)[][];
  readonly changed: boolean;
}

function splitNote(note: string): { baton: string[]; own: string } {
  const lines = note ? note.split("\n") : [];
  let i = 0;
  while (i < lines.length && lines[i]!.startsWith(NOTE_PREFIX)) i++;
  const baton = lines.slice(0, i);
  if (i > 0 && lines[i] === "") i++;
  return { baton, own: lines.slice(i).join("\n") };
}

const noteLine = (i: ValidationIssue) => `${NOTE_PREFIX}${i.message}${i.fix ? ` ${i.fix}` : ""}`;

/**
 * New notes and fills for a block of cells whose top-left is (`top`, column 1), given what the
 * cells hold now and the issues of the block's rows.
 */
export function markBlock(
  top: number,
  notes: readonly (readonly string[])[],
  backgrounds: readonly (readonly string[])[],
  issues: readonly ValidationIssue[],
): CellMarks {
  const byCell = new Map<string, ValidationIssue[]>();
  for (const i of issues) {
    const m = /^([A-Z]+)(\d+)$/.exec(i.cell);
    if (!m) continue;
    const key = `${Number(m[2])},${columnNumber(m[1]!)}`;
    byCell.set(key, [...(byCell.get(key) ?? []), i]);
  }
  let changed = false;
  const outNotes: string[][] = [];
  const outFills: (string | null)[][] = [];
  notes.forEach((row, r) => {
    const noteRow: string[] = [];
    const fillRow: (string | null)[] = [];
    row.forEach((note, c) => {
      const fill = (backgrounds[r]?.[c] ?? WHITE).toLowerCase();
      const here = byCell.get(`${top + r},${c + 1}`) ?? [];
      const { baton, own } = splitNote(note ?? "");
      let nextNote = note ?? "";
      let nextFill: string | null = fill === WHITE ? null : fill;
      if (here.length) {
        const lines = here.map(noteLine);
        nextNote = own ? `${lines.join("\n")}\n\n${own}` : lines.join("\n");
        nextFill = (
          here.some((i) => i.severity === "error") ? MARK_FILL.error : MARK_FILL.warning
        ).toLowerCase();
      } else if (baton.length) {
        nextNote = own;
        if (MARK_FILLS.has(fill)) nextFill = null;
      }
      if (nextNote !== (note ?? "") || (nextFill ?? WHITE) !== fill) changed = true;
      noteRow.push(nextNote);
      fillRow.push(nextFill);
    });
    outNotes.push(noteRow);
    outFills.push(fillRow);
  });
  return { notes: outNotes, backgrounds: outFills, changed };
}

/**
 * The rows below the header as the report will list them: every non-blank row gets its report
 * (repeated headers, totals and section headings are skipped with the reason), data rows become
 * items under the section above them, and indented names link items into a hierarchy.
 */
import { isBlank } from "../cells/values.ts";
import { textOf } from "./source.ts";
import { indentOf, linkHierarchy } from "./layout.ts";
import type { Item, Section } from "./model.ts";
import type { RowReport } from "./report.ts";
import type { SheetReading } from "./reading.ts";

const PROGRESS_EVERY = 2000;

export interface Rows {
  /** One report per non-blank row below the header, in sheet order. */
  readonly reports: readonly RowReport[];
  /** The report of each non-blank row, by 0-based grid row. */
  readonly reportAt: ReadonlyMap<number, RowReport>;
  readonly items: readonly Item[];
  readonly sections: readonly Section[];
  /** Whether items were linked into a hierarchy (a plan or list with indented names). */
  readonly hierarchical: boolean;
}

export function rowsOf(
  s: SheetReading,
  onProgress: ((done: number, total: number) => void) | undefined,
): Rows {
  const { kinds } = s.layout;
  const reports: RowReport[] = [];
  const reportAt = new Map<number, RowReport>();
  const items: Item[] = [];
  const sections: Section[] = [];
  let section: Section | undefined;
  const nameCol = s.colOf.get("name");
  for (let i = 0; i < kinds.length; i++) {
    const k = kinds[i]!;
    const r = s.headerIndex + 1 + i;
    if (onProgress && i % PROGRESS_EVERY === 0 && i > 0) onProgress(i, kinds.length);
    if (k === "blank") continue;
    const report: RowReport = { sourceRow: r + 1, outcome: "skipped", reason: "", ids: [] };
    reports.push(report);
    reportAt.set(r, report);
    const row = s.grid[r]!;
    const firstText = () => textOf(row.find((v) => !isBlank(v))).trim();
    if (k === "header") report.reason = "repeats the header row";
    else if (k === "total") report.reason = `a total row ("${firstText().slice(0, 40)}")`;
    else if (k === "section") {
      section = { r, text: firstText(), items: 0 };
      sections.push(section);
      report.reason = "section heading";
    } else {
      const rawName = nameCol === undefined ? undefined : row[nameCol];
      const indent = typeof rawName === "string" ? indentOf(rawName) : 0;
      items.push({
        r,
        row,
        ordinal: items.length + 1,
        indent,
        section,
        report,
        notes: [],
        children: [],
      });
      if (section) section.items++;
    }
  }
  const hierarchical = (s.kind === "initiatives" || s.kind === "plan") && linkHierarchy(items);
  return { reports, reportAt, items, sections, hierarchical };
}

export function reject(item: Item, why: string): void {
  item.report.outcome = "rejected";
  item.report.reason = why;
}

/**
 * Once every row is placed: free-text dependencies become hand-offs, objectives take the owner
 * all their rows share, section headings that became no objective say why, and the report warns
 * of what a reader should check (unresolved dependencies, the fallback objective, objectives
 * filled down, ambiguous dates). Each row's notes join its reason last, after every step that
 * reads it.
 */
import { linkDependencies } from "./links.ts";
import type { Run } from "./records.ts";
import { plural } from "../text/plural.ts";

export function finishRows(run: Run): void {
  linkFreeTextDependencies(run);
  settleObjectives(run);
  explainSections(run);
  warnOfAmbiguousDates(run);
  for (const it of run.rows.items)
    if (it.notes.length)
      it.report.reason = [it.report.reason, ...it.notes].filter(Boolean).join("; ");
}

function linkFreeTextDependencies({ sheet, rows, records }: Run): void {
  const unresolved = linkDependencies({
    items: rows.items,
    initiatives: records.initiatives,
    pending: records.pending,
    idCol: sheet.colOf.get("id"),
    nameCol: sheet.colOf.get("name"),
    handoffs: records.handoffs,
    keys: records.handoffKeys,
  });
  if (unresolved.length)
    sheet.warn(
      "unresolved-dependency",
      `${plural(unresolved.length, "row")} name a dependency that matches no imported row and became no hand-off; see their reasons.`,
      unresolved,
    );
  records.created.handoffs = records.handoffs.length;
}

function settleObjectives({ sheet, objectives, records }: Run): void {
  for (const o of objectives.list) if (!o.owner && o.owners.size === 1) o.owner = [...o.owners][0]!;
  records.created.objectives = objectives.list.length;
  const fallback = objectives.fallbackMade();
  if (fallback) {
    const n =
      records.initiatives.filter((i) => i.objective === fallback).length +
      records.kpis.filter((k) => k.values[1] === fallback.id).length;
    sheet.warn(
      "default-objective",
      `${plural(n, "row")} with no objective of their own are under ${fallback.id} "${fallback.name}"${sheet.layout.titleLines[0] ? ", named after the sheet's title" : ""}.`,
    );
  }
  const filledDown = objectives.filledDown;
  if (filledDown.count)
    sheet.warn(
      "objective-filled-down",
      `${plural(filledDown.count, "row")} with a blank ${sheet.read.fieldLabel("objective")} took the objective of the row above, as in a grouped list.`,
      filledDown.rows,
    );
}

function explainSections({ rows }: Run): void {
  for (const s of rows.sections)
    if (!s.objective)
      rows.reportAt.get(s.r)!.reason = s.items
        ? `section heading "${s.text.slice(0, 40)}"; its rows have objectives of their own`
        : `a note with no rows under it: "${s.text.slice(0, 60)}"`;
}

function warnOfAmbiguousDates({ sheet }: Run): void {
  const amb = sheet.read.ambiguous;
  if (!amb.count) return;
  const { dmy, mdy, firstRow } = sheet.conv.proofs;
  const order = sheet.conv.dateOrder;
  const why = sheet.file.dateOrder
    ? "as the mapping file says."
    : dmy + mdy
      ? `because ${plural(order === "dmy" ? dmy : mdy, "date")} in the sheet can only be read so (first in row ${firstRow[order]})${dmy && mdy ? `, against ${order === "dmy" ? mdy : dmy} the other way` : ""}.`
      : 'for want of any date that decides it; set "dateOrder": "mdy" in the mapping file if they are month first.';
  sheet.warn(
    "ambiguous-dates",
    `${plural(amb.count, "date")} such as ${amb.example} could be day/month or month/day; read ${order === "dmy" ? "day first" : "month first"} ${why}`,
    amb.rows,
  );
}

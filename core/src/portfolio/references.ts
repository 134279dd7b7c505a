/**
 * The references between members: a hand-off end naming another workbook must name one the
 * portfolio holds and an initiative that workbook has; and hand-offs must not form a cycle
 * through several workbooks (a cycle inside one workbook is that workbook's own error,
 * reported by its validation already). Each issue goes to the member whose cell it points at.
 */
import { makeIssue } from "../issues/issues.ts";
import { locate } from "../workbook/read.ts";
import { qualifiedRef } from "../template/ids.ts";
import { cycles, graphOf } from "../engine/graph.ts";
import type { Member } from "./members.ts";
import type { Merged } from "./merge.ts";

export function checkReferences(all: readonly Member[], merged: Merged): void {
  const byName = new Map<string, Member>();
  for (const m of merged.members) byName.set(m.name.toLowerCase(), m);
  const names = merged.members.map((m) => m.name);
  const initiativeIds = new Map<Member, Set<string>>(
    merged.members.map((m) => [m, new Set(m.workbook.initiatives.map((i) => i.id))]),
  );
  for (const m of all) {
    // The portfolio answers what a member alone could only note.
    const kept = m.issues.filter((i) => i.code !== "outside-workbook");
    m.issues.length = 0;
    m.issues.push(...kept);
    const layout = m.workbook.layout.handoffs;
    if (!layout) continue;
    for (const h of m.workbook.handoffs)
      for (const key of ["from", "to"] as const) {
        const id = h[key];
        const remote = id ? qualifiedRef(id) : undefined;
        if (!id || !remote) continue;
        const other = byName.get(remote.workbook.toLowerCase());
        const at = locate("handoffs", layout, h.row, key);
        if (!other)
          m.issues.push(
            makeIssue(at, {
              code: "unknown-workbook",
              id,
              workbook: remote.workbook,
              members: names,
            }),
          );
        else if (!initiativeIds.get(other)!.has(remote.id))
          m.issues.push(
            makeIssue(at, {
              code: "unknown-portfolio-reference",
              id: `${other.name}:${remote.id}`,
              workbook: other.name,
            }),
          );
      }
  }
  crossCycles(merged);
}

const workbookOf = (qualified: string) => qualified.slice(0, qualified.indexOf(":"));

function crossCycles(merged: Merged): void {
  const hos = merged.workbook.handoffs;
  const edges = hos
    .filter((h) => h.from && h.to && h.from !== h.to)
    .map((h) => [h.from!, h.to!] as const);
  const found = cycles(graphOf([], edges)).filter(
    (c) => new Set(c.members.map(workbookOf)).size > 1,
  );
  if (!found.length) return;
  merged.members.forEach((m, k) => {
    const start = merged.offsets[k]!.handoffs;
    const layout = m.workbook.layout.handoffs;
    if (!layout) return;
    m.workbook.handoffs.forEach((h, j) => {
      const q = hos[start + j]!;
      for (const c of found) {
        const on = new Set(c.members);
        if (q.from && q.to && q.from !== q.to && on.has(q.from) && on.has(q.to))
          m.issues.push(
            makeIssue(locate("handoffs", layout, h.row, "from"), {
              code: "handoff-cycle",
              path: c.path,
            }),
          );
      }
    });
  });
}

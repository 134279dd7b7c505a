/** Statuses: initiative counts, and the red and amber hand-offs with where their trouble starts. */
import type { PaneHandoff, PaneState, PaneStatus } from "@baton/core";
import { h } from "./dom.ts";
import { plural, STATUS_ORDER } from "./words.ts";

/** A status always carries its word, never colour alone. */
export function statusBadge(status: PaneStatus, extra?: string): HTMLSpanElement {
  return h(
    "span",
    { class: `badge status-${status.toLowerCase()}` },
    extra ? `${status} · ${extra}` : status,
  );
}

/** Counts of initiatives by status, or null when the host has computed none yet. */
export function countsLine(counts: PaneState["initiativeCounts"]): HTMLElement | null {
  const present = STATUS_ORDER.filter((s) => (counts[s] ?? 0) > 0);
  if (!present.length) return null;
  const total = present.reduce((n, s) => n + (counts[s] ?? 0), 0);
  return h(
    "div",
    { class: "counts" },
    h("span", { class: "counts-label" }, plural(total, "initiative")),
    h(
      "ul",
      { class: "chips", attrs: { "aria-label": "Initiatives by status" } },
      present.map((s) =>
        h("li", null, h("span", { class: `badge status-${s.toLowerCase()}` }, `${counts[s]} ${s}`)),
      ),
    ),
  );
}

/** Read aloud as "to": the provider hands to the waiting side. */
const arrow = () => h("span", { attrs: { role: "img", "aria-label": " to " } }, " → ");

function handoffItem(
  x: PaneHandoff,
  select: (sheet: string, cell: string) => void,
  key: string,
): HTMLLIElement {
  const late = x.daysLate && x.daysLate > 0 ? `${plural(x.daysLate, "day")} late` : undefined;
  return h(
    "li",
    null,
    h(
      "button",
      {
        class: `item handoff edge-${x.status.toLowerCase()}`,
        attrs: { type: "button", "data-focus": key, title: `Go to ${x.sheet}!${x.cell}` },
        on: { click: () => select(x.sheet, x.cell) },
      },
      h(
        "span",
        { class: "item-head" },
        statusBadge(x.status, late),
        h("span", { class: "cell-ref" }, x.id),
      ),
      h("span", { class: "item-title" }, x.deliverable),
      h("span", { class: "item-line" }, x.fromTeam ?? x.from, arrow(), x.toTeam ?? x.to),
      x.fromTeam || x.toTeam ? h("span", { class: "item-sub" }, x.from, arrow(), x.to) : null,
      h(
        "span",
        { class: "item-line" },
        h("span", { class: "field" }, "Owner: "),
        x.owner ?? "nobody named",
      ),
      h(
        "span",
        { class: "item-line" },
        h("span", { class: "field" }, "Root cause: "),
        x.rootCauses.length
          ? x.rootCauses.map((r) => (r === x.id ? `${r} (this hand-off)` : r)).join(", ")
          : "not traced",
      ),
      x.reasons.length ? h("span", { class: "item-fix" }, x.reasons.join("; ")) : null,
    ),
  );
}

/** Shown only once statuses exist: before that, "none at risk" would be a claim nobody checked. */
export function atRiskSection(
  state: PaneState,
  select: (sheet: string, cell: string) => void,
): HTMLElement | null {
  if (!state.atRisk.length && !countsLine(state.initiativeCounts)) return null;
  const red = state.atRisk.filter((x) => x.status === "Red").length;
  const amber = state.atRisk.length - red;
  return h(
    "section",
    { class: "section", attrs: { "aria-labelledby": "baton-risk-title" } },
    h(
      "h2",
      { attrs: { id: "baton-risk-title" } },
      "Hand-offs at risk ",
      state.atRisk.length ? h("span", { class: "muted" }, `(${red} red, ${amber} amber)`) : null,
    ),
    state.atRisk.length
      ? h(
          "ul",
          { class: "items" },
          state.atRisk.map((x, n) => handoffItem(x, select, `handoff:${n}`)),
        )
      : h("p", { class: "empty ok-text" }, "No hand-off is red or amber."),
  );
}

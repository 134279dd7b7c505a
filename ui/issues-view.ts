/** Validation issues grouped by sheet; each one a button that selects its cell. */
import type { PaneIssue } from "@baton/core";
import { h, type Child } from "./dom.ts";
import { plural } from "./words.ts";

/** Issues shown per sheet before "Show all": a broken import can have thousands. */
export const ISSUES_SHOWN = 30;

export interface IssueHandlers {
  select(sheet: string, cell: string): void;
  /** Sheets whose full list is shown. */
  readonly expanded: ReadonlySet<string>;
  expand(sheet: string): void;
}

export function bySheet(issues: readonly PaneIssue[]): Map<string, PaneIssue[]> {
  const groups = new Map<string, PaneIssue[]>();
  for (const i of issues) {
    const g = groups.get(i.sheet);
    if (g) g.push(i);
    else groups.set(i.sheet, [i]);
  }
  return groups;
}

function severityLabel(i: PaneIssue): Child {
  return h(
    "span",
    { class: `badge badge-${i.severity}` },
    i.severity === "error" ? "Error" : "Warning",
  );
}

/** One issue as a button: its cell, severity, message and fix. */
export function issueItem(
  i: PaneIssue,
  select: IssueHandlers["select"],
  key: string,
): HTMLLIElement {
  return h(
    "li",
    null,
    h(
      "button",
      {
        class: "item issue",
        attrs: { type: "button", "data-focus": key, title: `Go to ${i.sheet}!${i.cell}` },
        on: { click: () => select(i.sheet, i.cell) },
      },
      h(
        "span",
        { class: "item-head" },
        severityLabel(i),
        h("span", { class: "cell-ref" }, `${i.sheet}!${i.cell}`),
      ),
      h("span", { class: "item-text" }, i.message),
      i.fix
        ? h("span", { class: "item-fix" }, h("span", { class: "fix-label" }, "Fix: "), i.fix)
        : null,
    ),
  );
}

function counts(issues: readonly PaneIssue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  return [errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : ""]
    .filter(Boolean)
    .join(", ");
}

export function issuesSection(issues: readonly PaneIssue[], handlers: IssueHandlers): HTMLElement {
  if (!issues.length)
    return h(
      "section",
      { class: "section", attrs: { "aria-labelledby": "baton-issues-title" } },
      h("h2", { attrs: { id: "baton-issues-title" } }, "Validation"),
      h("p", { class: "empty ok-text" }, "No validation issues."),
    );
  const groups = [...bySheet(issues)].map(([sheet, list], g) => {
    const showAll = handlers.expanded.has(sheet) || list.length <= ISSUES_SHOWN;
    const shown = showAll ? list : list.slice(0, ISSUES_SHOWN);
    const headingId = `baton-issues-${g}`;
    return h(
      "section",
      { class: "group", attrs: { "aria-labelledby": headingId } },
      h(
        "h3",
        { attrs: { id: headingId } },
        sheet,
        " ",
        h("span", { class: "muted" }, `(${counts(list)})`),
      ),
      h(
        "ul",
        { class: "items" },
        shown.map((i, n) => issueItem(i, handlers.select, `issue:${sheet}:${n}`)),
      ),
      showAll
        ? null
        : h(
            "button",
            {
              class: "link",
              attrs: { type: "button", "data-focus": `more:${sheet}` },
              on: { click: () => handlers.expand(sheet) },
            },
            `Show all ${list.length} issues in ${sheet}`,
          ),
    );
  });
  return h(
    "section",
    { class: "section", attrs: { "aria-labelledby": "baton-issues-title" } },
    h(
      "h2",
      { attrs: { id: "baton-issues-title" } },
      "Validation ",
      h("span", { class: "muted" }, `(${counts(issues)})`),
    ),
    groups,
  );
}

/**
 * Validation issues grouped by sheet; each one a button that selects its cell. Many issues of
 * one code on a sheet (one cause, such as a Current Period left behind) are one entry with
 * the count and the rows, expandable, so the first screen shows what to fix.
 */
import { groupRepeatedIssues, type IssueEntry, type PaneIssue } from "@baton/core";
import { h, type Child } from "./dom.ts";
import { plural } from "./words.ts";

/** Entries shown per sheet before "Show all": a broken import can have thousands. */
export const ISSUES_SHOWN = 30;

export interface IssueHandlers {
  select(sheet: string, cell: string): void;
  /** Sheets whose full list is shown, and groups (`group:<key>`) that are open. */
  readonly expanded: ReadonlySet<string>;
  expand(sheet: string): void;
  /** Opens or closes a group of repeated issues. */
  toggle(groupKey: string): void;
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
    i.severity === "error" ? "Error" : i.severity === "info" ? "Note" : "Warning",
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

/** Repeated issues as one entry: the first stands for them all; the rest open on request. */
function groupItem(
  g: Extract<IssueEntry<PaneIssue>, { kind: "group" }>,
  handlers: IssueHandlers,
): HTMLLIElement {
  const first = g.issues[0]!;
  const key = `group:${g.key}`;
  const open = handlers.expanded.has(key);
  return h(
    "li",
    { class: "issue-group" },
    h(
      "button",
      {
        class: "item issue",
        attrs: {
          type: "button",
          "data-focus": `${key}:first`,
          title: `Go to ${first.sheet}!${first.cell}`,
        },
        on: { click: () => handlers.select(first.sheet, first.cell) },
      },
      h(
        "span",
        { class: "item-head" },
        severityLabel(first),
        h("span", { class: "repeat-count" }, `${g.issues.length} times`),
      ),
      h("span", { class: "item-text" }, first.message),
      h("span", { class: "item-sub" }, `The same on ${g.sheet} ${g.rows}.`),
      first.fix
        ? h("span", { class: "item-fix" }, h("span", { class: "fix-label" }, "Fix: "), first.fix)
        : null,
    ),
    h(
      "button",
      {
        class: "link group-toggle",
        attrs: { type: "button", "data-focus": key, "aria-expanded": String(open) },
        on: { click: () => handlers.toggle(key) },
      },
      open ? `Hide the ${g.issues.length} cells` : `Show each of the ${g.issues.length} cells`,
    ),
    open
      ? h(
          "ul",
          { class: "items group-items" },
          g.issues.map((i, n) => issueItem(i, handlers.select, `${key}:${n}`)),
        )
      : null,
  );
}

function counts(issues: readonly PaneIssue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.filter((i) => i.severity === "warning").length;
  const notes = issues.length - errors - warnings;
  return [
    errors ? plural(errors, "error") : "",
    warnings ? plural(warnings, "warning") : "",
    notes ? plural(notes, "note") : "",
  ]
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
    const entries = groupRepeatedIssues(list);
    const showAll = handlers.expanded.has(sheet) || entries.length <= ISSUES_SHOWN;
    const shown = showAll ? entries : entries.slice(0, ISSUES_SHOWN);
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
        shown.map((e, n) =>
          e.kind === "one"
            ? issueItem(e.issue, handlers.select, `issue:${sheet}:${n}`)
            : groupItem(e, handlers),
        ),
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

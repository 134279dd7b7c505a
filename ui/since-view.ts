/**
 * "Since you last looked": what happened in the workbook since this user last marked it seen,
 * and each person's digest as a ready email. A host that can tell people in the background
 * (Google Sheets, with alerts on) does not offer it; one that cannot (Excel) does, through the
 * optional `Backend.since` and `Backend.markSeen`, and the pane opens on it.
 *
 * The view loads and redraws itself; the pane only gives it a place at the top and asks it to
 * read again after an action or a change in the workbook.
 */
import "./since.css";
import type { Backend, PaneMail, PaneSince, PaneSinceItem } from "@baton/core";
import { fill, h } from "./dom.ts";
import { errorText, longDate, plural } from "./words.ts";

export interface SinceView {
  /** Reads what happened again and redraws; a failure is shown in the view, not thrown. */
  refresh(): Promise<void>;
}

type Select = (sheet: string, cell: string) => void;

const SEVERITY_CLASS: Record<PaneSinceItem["severity"], string> = {
  Red: "status-red",
  Amber: "status-amber",
  Request: "badge-request",
  Done: "status-green",
};
const SEVERITY_LABEL: Record<PaneSinceItem["severity"], string> = {
  Red: "Red",
  Amber: "Amber",
  Request: "Asked",
  Done: "Delivered",
};

function itemView(x: PaneSinceItem, select: Select, key: string): HTMLLIElement {
  return h(
    "li",
    null,
    h(
      "button",
      {
        class: `item since-item edge-${x.severity.toLowerCase()}`,
        attrs: { type: "button", "data-focus": key, title: `Go to ${x.sheet}!${x.cell}` },
        on: { click: () => select(x.sheet, x.cell) },
      },
      h(
        "span",
        { class: "item-head" },
        h("span", { class: `badge ${SEVERITY_CLASS[x.severity]}` }, SEVERITY_LABEL[x.severity]),
        h("span", { class: "cell-ref" }, x.id),
      ),
      h("span", { class: "item-line" }, x.changed),
      h(
        "span",
        { class: "item-sub" },
        `Since ${longDate(x.since)}`,
        x.people.length ? ` · Tells ${x.people.join(", ")}` : " · Nobody named to tell",
      ),
    ),
  );
}

/** Only a mailto link is ever put in an href: the core builds it, and this says so again. */
const safeHref = (href: string) => (/^mailto:/i.test(href) ? href : null);

function mailView(m: PaneMail, key: string): HTMLLIElement {
  const note =
    m.carried < m.items
      ? m.cut
        ? "Too long for a mail link: the mail carries the start of the worst item and says it was cut."
        : `Too long for one mail link: it carries the ${m.carried} worst of ${m.items} and says how many more there are.`
      : null;
  return h(
    "li",
    { class: "mail" },
    h(
      "a",
      {
        class: "btn mail-link",
        attrs: {
          href: safeHref(m.href),
          target: "_blank",
          rel: "noopener noreferrer",
          "data-focus": key,
          title: `${m.subject} (to ${m.email})`,
        },
      },
      `Email ${m.name}`,
    ),
    h("span", { class: "muted" }, ` ${plural(m.items, "item")}`),
    note ? h("span", { class: "item-fix mail-note" }, note) : null,
  );
}

export function mountSince(root: HTMLElement, backend: Backend, select: Select): SinceView {
  let since: PaneSince | null = null;
  let error: string | null = null;
  let marking = false;
  let loads = 0;

  function draw(): void {
    const heading = h(
      "h2",
      { attrs: { id: "baton-since-title" } },
      "Since you last looked ",
      since
        ? h(
            "span",
            { class: "muted" },
            since.lastLooked ? `(${longDate(since.lastLooked)})` : "(first look)",
          )
        : null,
    );
    if (!since) {
      fill(
        root,
        h(
          "section",
          { class: "section since", attrs: { "aria-labelledby": "baton-since-title" } },
          heading,
          error
            ? [
                h("p", { class: "field-error" }, `Could not find what changed: ${error}`),
                h(
                  "button",
                  {
                    class: "btn",
                    attrs: { type: "button", "data-focus": "since:retry" },
                    on: { click: () => void load() },
                  },
                  "Try again",
                ),
              ]
            : h("p", { class: "empty" }, "Finding what changed…"),
        ),
      );
      return;
    }
    const s = since;
    const nothing = s.lastLooked
      ? `Nothing new since you last looked on ${longDate(s.lastLooked)}.`
      : "Nothing is Red, Amber or waiting on anyone.";
    fill(
      root,
      h(
        "section",
        { class: "section since", attrs: { "aria-labelledby": "baton-since-title" } },
        heading,
        s.lastLooked
          ? null
          : h("p", { class: "hint" }, "The first time, everything Red or Amber now is news."),
        s.items.length
          ? h(
              "ul",
              { class: "items" },
              s.items.map((x, n) => itemView(x, select, `since:${n}`)),
            )
          : h("p", { class: "empty ok-text" }, nothing),
        s.mails.length
          ? [
              h("h3", null, "Ready emails"),
              h(
                "p",
                { class: "hint" },
                "Excel cannot send mail on its own: each link opens the digest in your mail program, to send as it is.",
              ),
              h(
                "ul",
                { class: "items mails" },
                s.mails.map((m, n) => mailView(m, `mail:${n}`)),
              ),
            ]
          : null,
        s.unreached.length
          ? h(
              "p",
              { class: "hint unreached" },
              `No address for ${s.unreached.join(", ")}: add them to the People sheet (Name, Email).`,
            )
          : null,
        error ? h("p", { class: "field-error" }, error) : null,
        s.items.length
          ? h(
              "button",
              {
                class: "btn",
                attrs: {
                  type: "button",
                  "data-focus": "since:seen",
                  "aria-disabled": marking ? "true" : null,
                },
                on: { click: () => void markSeen() },
              },
              marking ? "Marking…" : "Mark all as seen",
            )
          : null,
      ),
    );
  }

  async function load(): Promise<void> {
    const mine = ++loads;
    try {
      const next = await backend.since!();
      if (mine !== loads) return;
      since = next;
      error = null;
    } catch (e) {
      if (mine !== loads) return;
      error = errorText(e);
    }
    draw();
  }

  async function markSeen(): Promise<void> {
    if (marking || !since || !backend.markSeen) return;
    marking = true;
    draw();
    try {
      await backend.markSeen(since.seen);
      marking = false;
      await load();
    } catch (e) {
      marking = false;
      error = `Could not remember what you saw: ${errorText(e)}`;
      draw();
    }
  }

  draw();
  void load();
  return { refresh: load };
}

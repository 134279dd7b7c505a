/**
 * The shared sidebar: one web UI for the Google Sheets sidebar and the Excel task pane.
 *
 * `mountPane` draws the pane into `root` and talks to the workbook only through `backend`
 * (see backend.ts): it reads the state, selects cells, runs actions and reads the state again
 * after each one. Everything from the workbook is shown as text (see dom.ts).
 *
 * A host's page entry is a few lines:
 *
 *   import { mountPane } from "@baton/ui";
 *   mountPane(document.getElementById("baton")!, createMyBackend());
 */
import "./pane.css";
import type { ActionOutcome, Backend, PaneAction, PaneIssue, PaneState } from "@baton/core";
import { fill, h } from "./dom.ts";
import { issueItem, issuesSection } from "./issues-view.ts";
import { atRiskSection, countsLine } from "./status-view.ts";
import { setupSection, toolbar, type ActionHandlers, type CloseForm } from "./actions-view.ts";
import { doing, errorText, longDate, looksLikePeriod } from "./words.ts";
import { mountSince } from "./since-view.ts";
import {
  emptyGateForm,
  gateSection,
  nextGate,
  type GateFormModel,
  type GateHandlers,
} from "./gate-view.ts";

export interface PaneOptions {
  /** The heading at the top of the pane; "Baton" unless the host says otherwise. */
  readonly title?: string;
}

export interface Pane {
  /** Reads the state again and redraws; resolves when done (a failure is shown, not thrown). */
  refresh(): Promise<void>;
}

type Tone = "busy" | "ok" | "error";
interface Status {
  readonly tone: Tone;
  readonly message: string;
  readonly issues?: readonly PaneIssue[];
  /** Offer to read the state again (after the state could not be read). */
  readonly retry?: boolean;
}

const TONE_LABEL: Record<Tone, string> = { busy: "Working", ok: "Done", error: "Not done" };

/** The pane's parts that stay in place; each draw fills them again. */
interface Parts {
  readonly root: HTMLElement;
  readonly pane: HTMLElement;
  readonly meta: HTMLElement;
  readonly counts: HTMLElement;
  readonly bar: HTMLElement;
  readonly statusEl: HTMLElement;
  readonly sinceEl: HTMLElement;
  readonly content: HTMLElement;
}

/** What the pane knows between draws, and the steps every view calls back into. */
interface Control {
  readonly backend: Backend;
  readonly parts: Parts;
  state: PaneState | null;
  status: Status | null;
  busy: boolean;
  /** Counts reads of the state, so an older read landing late is dropped. */
  loads: number;
  readonly expanded: Set<string>;
  readonly form: CloseForm;
  readonly gate: GateFormModel;
  /** Where focus goes after the next draw, when the focused control is redrawn away. */
  focusNext: string | null;
  since: { refresh(): Promise<void> } | null;
}

export function mountPane(root: HTMLElement, backend: Backend, options: PaneOptions = {}): Pane {
  const c: Control = {
    backend,
    parts: skeleton(root, options.title ?? "Baton"),
    state: null,
    status: null,
    busy: false,
    loads: 0,
    expanded: new Set<string>(),
    form: { open: false, period: "", confirming: false, error: null },
    gate: emptyGateForm(),
    focusNext: null,
    since: null,
  };
  // Read on opening and after each action; not on every edit, which the user saw being made.
  if (backend.since)
    c.since = mountSince(c.parts.sinceEl, backend, (sheet, cell) => select(c, sheet, cell));
  void load(c);
  return { refresh: () => load(c) };
}

/** The pane's frame, drawn once into `root`. */
function skeleton(root: HTMLElement, title: string): Parts {
  const meta = h("p", { class: "meta" });
  const counts = h("div");
  const bar = h("div");
  // The live region is created once and only its content changes, so screen readers announce it.
  const statusEl = h("div", { class: "status", attrs: { role: "status", "aria-live": "polite" } });
  const content = h("div", { class: "content" });
  // "Since you last looked", where the host offers it: the first thing the pane shows.
  const sinceEl = h("div", { class: "since-place" });
  const pane = h(
    "div",
    { class: "baton-pane" },
    h("header", { class: "pane-header" }, h("h1", null, title), meta, counts),
    bar,
    statusEl,
    sinceEl,
    content,
  );
  root.replaceChildren(pane);
  return { root, pane, meta, counts, bar, statusEl, sinceEl, content };
}

function select(c: Control, sheet: string, cell: string): void {
  c.backend.select(sheet, cell).catch((e: unknown) => {
    c.status = { tone: "error", message: `Could not go to ${sheet}!${cell}: ${errorText(e)}` };
    drawStatus(c);
  });
}

/** The toolbar's buttons and the close-period form: checked here, closed after a confirmation. */
function closeHandlers(c: Control): ActionHandlers {
  const { form } = c;
  return {
    get busy() {
      return c.busy;
    },
    run: (action) => void runAction(c, action),
    toggleClose() {
      form.open = !form.open;
      form.confirming = false;
      form.error = null;
      if (form.open) form.period = c.state?.currentPeriod ?? "";
      c.focusNext = form.open ? "close:period" : "action:closePeriod";
      draw(c);
    },
    editPeriod(text) {
      form.period = text;
    },
    submitPeriod() {
      const period = form.period.trim();
      if (!looksLikePeriod(period)) {
        form.error = period
          ? `${period} is not a period: enter an ISO week such as 2026-W48 or a month such as 2026-11.`
          : "Enter the period to close, such as 2026-W48.";
        c.focusNext = "close:period";
      } else {
        form.period = period;
        form.error = null;
        form.confirming = true;
        c.focusNext = "close:confirm";
      }
      draw(c);
    },
    confirmClose() {
      form.open = false;
      form.confirming = false;
      c.focusNext = "action:closePeriod";
      void runAction(c, "closePeriod", form.period);
    },
    cancelConfirm() {
      form.confirming = false;
      c.focusNext = "close:period";
      draw(c);
    },
  };
}

/** The gate-decision form: a refused decision keeps what was typed and shows why in the form. */
function gateHandlers(c: Control): GateHandlers {
  const { gate } = c;
  return {
    get busy() {
      return c.busy;
    },
    toggle() {
      gate.open = !gate.open;
      if (gate.open && !gate.decidedBy) gate.decidedBy = c.state?.gateForm?.decider ?? "";
      c.focusNext = gate.open ? "gate:id" : "gate:toggle";
      draw(c);
    },
    edit(field, value) {
      gate[field] = value;
      // Choosing an initiative offers its next gate.
      if (field === "id" && c.state) {
        gate.gate = nextGate(c.state, value);
        c.focusNext = "gate:id";
        draw(c);
      }
    },
    submit(decision) {
      void runAction(c, "recordGateDecision", JSON.stringify(decision), (outcome) => {
        // Refused: the issues are shown in the form, with what was typed kept.
        gate.refused = outcome.ok ? [] : (outcome.issues ?? []);
        if (outcome.ok)
          Object.assign(gate, { ...emptyGateForm(), open: true, decidedBy: gate.decidedBy });
        c.focusNext = outcome.ok ? "gate:id" : "gate:submit";
        return { ...outcome, issues: [] };
      });
    },
  };
}

function drawStatus(c: Control): void {
  const { pane, statusEl } = c.parts;
  pane.setAttribute("aria-busy", String(c.busy));
  if (!c.status) return fill(statusEl);
  const s = c.status;
  fill(
    statusEl,
    h(
      "div",
      { class: `message tone-${s.tone}` },
      s.tone === "busy"
        ? h("span", { class: "spinner", attrs: { "aria-hidden": "true" } })
        : h("span", { class: "tone-label" }, `${TONE_LABEL[s.tone]}: `),
      h("span", null, s.message),
    ),
    s.issues?.length
      ? h(
          "ul",
          { class: "items" },
          s.issues.map((i, n) =>
            issueItem(i, (sheet, cell) => select(c, sheet, cell), `outcome:${n}`),
          ),
        )
      : null,
    s.retry
      ? h(
          "button",
          {
            class: "btn",
            attrs: { type: "button", "data-focus": "retry" },
            on: { click: () => void load(c) },
          },
          "Try again",
        )
      : null,
  );
}

/** Draws everything again, keeping focus (and a caret in a field being typed in) where it was. */
function draw(c: Control): void {
  const { root } = c.parts;
  const active = document.activeElement;
  const activeKey = active && root.contains(active) ? active.getAttribute("data-focus") : null;
  const key = c.focusNext ?? activeKey;
  c.focusNext = null;
  // A refresh can land while the user types a period: keep the caret where it was.
  const caret =
    key === activeKey && active instanceof HTMLInputElement
      ? { start: active.selectionStart ?? 0, end: active.selectionEnd ?? 0 }
      : null;

  drawStatus(c);
  drawState(c);
  if (key) {
    const target = Array.from(root.querySelectorAll<HTMLElement>("[data-focus]")).find(
      (el) => el.getAttribute("data-focus") === key,
    );
    if (target && target !== document.activeElement) target.focus();
    if (caret && target instanceof HTMLInputElement)
      target.setSelectionRange(caret.start, caret.end);
  }
}

/** The header, the toolbar and the content, from the state last read. */
function drawState(c: Control): void {
  const { meta, counts, bar, content } = c.parts;
  const s = c.state;
  if (!s) {
    fill(meta);
    fill(counts);
    fill(bar);
    fill(content);
    return;
  }
  const goTo = (sheet: string, cell: string) => select(c, sheet, cell);
  fill(
    meta,
    "As of ",
    h("time", { attrs: { datetime: s.asOf } }, longDate(s.asOf)),
    " · ",
    s.currentPeriod ? `Period ${s.currentPeriod}` : "No current period set",
  );
  fill(counts, countsLine(s.initiativeCounts));
  fill(bar, s.hasTemplate ? toolbar(s, c.form, closeHandlers(c)) : null);
  // The banner lists the missing sheets; their missing-sheet issues would only repeat it.
  const issues = s.hasTemplate ? s.issues : s.issues.filter((i) => i.code !== "missing-sheet");
  fill(
    content,
    s.hasTemplate ? null : setupSection(s, closeHandlers(c)),
    s.hasTemplate ? gateSection(s, c.gate, gateHandlers(c)) : null,
    atRiskSection(s, goTo),
    s.hasTemplate || issues.length
      ? issuesSection(issues, {
          select: goTo,
          expanded: c.expanded,
          expand(sheet) {
            c.expanded.add(sheet);
            c.focusNext = `issue:${sheet}:0`;
            draw(c);
          },
          toggle(key) {
            if (!c.expanded.delete(key)) c.expanded.add(key);
            c.focusNext = key;
            draw(c);
          },
        })
      : null,
  );
}

/** Reads the state; a read overtaken by a later one is dropped. */
async function load(c: Control): Promise<void> {
  const mine = ++c.loads;
  if (!c.state) {
    c.status = { tone: "busy", message: "Reading the workbook…" };
    draw(c);
  }
  try {
    const next = await c.backend.state();
    if (mine !== c.loads) return;
    c.state = next;
    if (c.status?.tone === "busy" || c.status?.retry) c.status = null;
  } catch (e) {
    if (mine !== c.loads) return;
    c.status = {
      tone: "error",
      message: `Could not read the workbook: ${errorText(e)}`,
      retry: true,
    };
  }
  draw(c);
}

/** Runs an action; `after` may take the outcome for a view of its own before it is shown. */
async function runAction(
  c: Control,
  action: PaneAction,
  arg?: string,
  after?: (outcome: ActionOutcome) => ActionOutcome,
): Promise<void> {
  if (c.busy) return;
  c.busy = true;
  c.status = { tone: "busy", message: doing(action, arg) };
  draw(c);
  let outcome: ActionOutcome;
  try {
    outcome = await (arg === undefined ? c.backend.run(action) : c.backend.run(action, arg));
  } catch (e) {
    outcome = { ok: false, message: errorText(e) };
  }
  if (after) outcome = after(outcome);
  let message =
    outcome.message.trim() ||
    (outcome.ok ? "Finished." : "The action failed, and the host gave no reason.");
  let retry = false;
  const mine = ++c.loads;
  try {
    const next = await c.backend.state();
    if (mine === c.loads) c.state = next;
  } catch (e) {
    message += ` The pane could not read the workbook afterwards: ${errorText(e)}`;
    retry = true;
  }
  c.busy = false;
  c.status = { tone: outcome.ok ? "ok" : "error", message, issues: outcome.issues, retry };
  draw(c);
  void c.since?.refresh();
}

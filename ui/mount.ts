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
import { emptyGateForm, gateSection, nextGate, type GateHandlers } from "./gate-view.ts";

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

export function mountPane(root: HTMLElement, backend: Backend, options: PaneOptions = {}): Pane {
  let state: PaneState | null = null;
  let status: Status | null = null;
  let busy = false;
  let loads = 0;
  const expanded = new Set<string>();
  const form: CloseForm = { open: false, period: "", confirming: false, error: null };
  const gate = emptyGateForm();
  /** Where focus goes after the next draw, when the focused control is redrawn away. */
  let focusNext: string | null = null;

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
    h("header", { class: "pane-header" }, h("h1", null, options.title ?? "Baton"), meta, counts),
    bar,
    statusEl,
    sinceEl,
    content,
  );
  root.replaceChildren(pane);

  const select = (sheet: string, cell: string) => {
    backend.select(sheet, cell).catch((e: unknown) => {
      status = { tone: "error", message: `Could not go to ${sheet}!${cell}: ${errorText(e)}` };
      drawStatus();
    });
  };

  const handlers: ActionHandlers = {
    get busy() {
      return busy;
    },
    run: (action) => void runAction(action),
    toggleClose() {
      form.open = !form.open;
      form.confirming = false;
      form.error = null;
      if (form.open) form.period = state?.currentPeriod ?? "";
      focusNext = form.open ? "close:period" : "action:closePeriod";
      draw();
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
        focusNext = "close:period";
      } else {
        form.period = period;
        form.error = null;
        form.confirming = true;
        focusNext = "close:confirm";
      }
      draw();
    },
    confirmClose() {
      form.open = false;
      form.confirming = false;
      focusNext = "action:closePeriod";
      void runAction("closePeriod", form.period);
    },
    cancelConfirm() {
      form.confirming = false;
      focusNext = "close:period";
      draw();
    },
  };

  const gateHandlers: GateHandlers = {
    get busy() {
      return busy;
    },
    toggle() {
      gate.open = !gate.open;
      if (gate.open && !gate.decidedBy) gate.decidedBy = state?.gateForm?.decider ?? "";
      focusNext = gate.open ? "gate:id" : "gate:toggle";
      draw();
    },
    edit(field, value) {
      gate[field] = value;
      // Choosing an initiative offers its next gate.
      if (field === "id" && state) {
        gate.gate = nextGate(state, value);
        focusNext = "gate:id";
        draw();
      }
    },
    submit(decision) {
      void runAction("recordGateDecision", JSON.stringify(decision), (outcome) => {
        // Refused: the issues are shown in the form, with what was typed kept.
        gate.refused = outcome.ok ? [] : (outcome.issues ?? []);
        if (outcome.ok)
          Object.assign(gate, { ...emptyGateForm(), open: true, decidedBy: gate.decidedBy });
        focusNext = outcome.ok ? "gate:id" : "gate:submit";
        return { ...outcome, issues: [] };
      });
    },
  };

  function drawStatus(): void {
    pane.setAttribute("aria-busy", String(busy));
    if (!status) return fill(statusEl);
    const s = status;
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
            s.issues.map((i, n) => issueItem(i, select, `outcome:${n}`)),
          )
        : null,
      s.retry
        ? h(
            "button",
            {
              class: "btn",
              attrs: { type: "button", "data-focus": "retry" },
              on: { click: () => void load() },
            },
            "Try again",
          )
        : null,
    );
  }

  function draw(): void {
    const active = document.activeElement;
    const activeKey = active && root.contains(active) ? active.getAttribute("data-focus") : null;
    const key = focusNext ?? activeKey;
    focusNext = null;
    // A refresh can land while the user types a period: keep the caret where it was.
    const caret =
      key === activeKey && active instanceof HTMLInputElement
        ? { start: active.selectionStart ?? 0, end: active.selectionEnd ?? 0 }
        : null;

    drawStatus();
    if (!state) {
      fill(meta);
      fill(counts);
      fill(bar);
      fill(content);
    } else {
      const s = state;
      fill(
        meta,
        "As of ",
        h("time", { attrs: { datetime: s.asOf } }, longDate(s.asOf)),
        " · ",
        s.currentPeriod ? `Period ${s.currentPeriod}` : "No current period set",
      );
      fill(counts, countsLine(s.initiativeCounts));
      fill(bar, s.hasTemplate ? toolbar(s, form, handlers) : null);
      // The banner lists the missing sheets; their missing-sheet issues would only repeat it.
      const issues = s.hasTemplate ? s.issues : s.issues.filter((i) => i.code !== "missing-sheet");
      fill(
        content,
        s.hasTemplate ? null : setupSection(s, handlers),
        s.hasTemplate ? gateSection(s, gate, gateHandlers) : null,
        atRiskSection(s, select),
        s.hasTemplate || issues.length
          ? issuesSection(issues, {
              select,
              expanded,
              expand(sheet) {
                expanded.add(sheet);
                focusNext = `issue:${sheet}:0`;
                draw();
              },
              toggle(key) {
                if (!expanded.delete(key)) expanded.add(key);
                focusNext = key;
                draw();
              },
            })
          : null,
      );
    }
    if (key) {
      const target = Array.from(root.querySelectorAll<HTMLElement>("[data-focus]")).find(
        (el) => el.getAttribute("data-focus") === key,
      );
      if (target && target !== document.activeElement) target.focus();
      if (caret && target instanceof HTMLInputElement)
        target.setSelectionRange(caret.start, caret.end);
    }
  }

  async function load(): Promise<void> {
    const mine = ++loads;
    if (!state) {
      status = { tone: "busy", message: "Reading the workbook…" };
      draw();
    }
    try {
      const next = await backend.state();
      if (mine !== loads) return;
      state = next;
      if (status?.tone === "busy" || status?.retry) status = null;
    } catch (e) {
      if (mine !== loads) return;
      status = {
        tone: "error",
        message: `Could not read the workbook: ${errorText(e)}`,
        retry: true,
      };
    }
    draw();
  }

  /** Runs an action; `after` may take the outcome for a view of its own before it is shown. */
  async function runAction(
    action: PaneAction,
    arg?: string,
    after?: (outcome: ActionOutcome) => ActionOutcome,
  ): Promise<void> {
    if (busy) return;
    busy = true;
    status = { tone: "busy", message: doing(action, arg) };
    draw();
    let outcome: ActionOutcome;
    try {
      outcome = await (arg === undefined ? backend.run(action) : backend.run(action, arg));
    } catch (e) {
      outcome = { ok: false, message: errorText(e) };
    }
    if (after) outcome = after(outcome);
    let message =
      outcome.message.trim() ||
      (outcome.ok ? "Finished." : "The action failed, and the host gave no reason.");
    let retry = false;
    const mine = ++loads;
    try {
      const next = await backend.state();
      if (mine === loads) state = next;
    } catch (e) {
      message += ` The pane could not read the workbook afterwards: ${errorText(e)}`;
      retry = true;
    }
    busy = false;
    status = { tone: outcome.ok ? "ok" : "error", message, issues: outcome.issues, retry };
    draw();
    void since?.refresh();
  }

  // Read on opening and after each action; not on every edit, which the user saw being made.
  const since = backend.since ? mountSince(sinceEl, backend, select) : null;
  void load();
  return { refresh: load };
}

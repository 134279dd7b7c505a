/**
 * The gate-decision form: initiative, gate, decision, who decides, evidence and, at gate 5,
 * the confirmed value. The core judges the decision by the same gate rules as a typed row;
 * when it breaks one, nothing is written and the issues with their fixes are shown here, in
 * the form, with what was typed kept.
 */
import { GATE_NAMES, type GateDecisionForm, type PaneIssue, type PaneState } from "@baton/core";
import { h } from "./dom.ts";

export const DECISIONS = ["Approved", "Rejected", "Returned"] as const;

/** What the user has typed, kept across redraws and a refused decision. */
export interface GateFormModel {
  open: boolean;
  id: string;
  gate: string;
  decision: string;
  decidedBy: string;
  evidence: string;
  confirmedValue: string;
  /** Why the last decision was refused: the issues at the cells it would have taken. */
  refused: readonly PaneIssue[];
}

export type GateField = "id" | "gate" | "decision" | "decidedBy" | "evidence" | "confirmedValue";

export interface GateHandlers {
  readonly busy: boolean;
  toggle(): void;
  edit(field: GateField, value: string): void;
  submit(form: GateDecisionForm): void;
}

export const emptyGateForm = (): GateFormModel => ({
  open: false,
  id: "",
  gate: "",
  decision: "Approved",
  decidedBy: "",
  evidence: "",
  confirmedValue: "",
  refused: [],
});

/** The next gate of an initiative: the one a decision most often moves it to. */
export function nextGate(state: PaneState, id: string): string {
  const at = state.gateForm?.initiatives.find((i) => i.id === id)?.gate;
  return at === undefined ? "" : String(Math.min(5, at + 1));
}

export function gateSection(
  state: PaneState,
  model: GateFormModel,
  handlers: GateHandlers,
): HTMLElement | null {
  const form = state.gateForm;
  if (!form || !state.actions.includes("recordGateDecision")) return null;
  return h(
    "section",
    { class: "section gate", attrs: { "aria-labelledby": "baton-gate-title" } },
    h(
      "h2",
      { attrs: { id: "baton-gate-title" } },
      h(
        "button",
        {
          class: "btn",
          attrs: {
            type: "button",
            "data-focus": "gate:toggle",
            "aria-expanded": String(model.open),
            "aria-controls": "baton-gate",
          },
          on: { click: () => handlers.toggle() },
        },
        "Record a gate decision…",
      ),
    ),
    model.open ? gateForm(state, model, handlers) : null,
  );
}

function gateForm(state: PaneState, model: GateFormModel, handlers: GateHandlers): HTMLElement {
  const form = state.gateForm!;
  const refusedAt = new Set(model.refused.map((i) => i.column));
  const described = (column: string, hint?: string) => ({
    "aria-invalid": refusedAt.has(column) ? "true" : null,
    "aria-describedby":
      [hint, refusedAt.has(column) ? "baton-gate-refused" : null].filter(Boolean).join(" ") || null,
  });
  const field = (id: string, label: string, control: HTMLElement, hint?: string) =>
    h(
      "div",
      { class: "gate-field" },
      h("label", { attrs: { for: id } }, label),
      control,
      hint ? h("p", { class: "hint", attrs: { id: `${id}-hint` } }, hint) : null,
    );
  const onInput = (f: GateField) => ({
    input: (e: Event) => handlers.edit(f, (e.target as HTMLInputElement).value),
    change: (e: Event) => handlers.edit(f, (e.target as HTMLInputElement).value),
  });
  const select = (
    id: string,
    f: GateField,
    column: string,
    options: readonly (readonly [string, string])[],
  ) =>
    h(
      "select",
      {
        class: "input",
        attrs: { id, "data-focus": `gate:${f}`, ...described(column) },
        on: onInput(f),
      },
      options.map(([value, text]) =>
        h("option", { attrs: { value, selected: value === model[f] } }, text),
      ),
    );
  const input = (id: string, f: GateField, column: string, extra: Record<string, string> = {}) =>
    h("input", {
      class: "input",
      attrs: {
        id,
        "data-focus": `gate:${f}`,
        type: "text",
        value: model[f],
        autocomplete: "off",
        ...described(column, extra.hint),
        ...Object.fromEntries(Object.entries(extra).filter(([k]) => k !== "hint")),
      },
      on: onInput(f),
    });

  const submit = (e: Event) => {
    e.preventDefault();
    if (handlers.busy) return;
    handlers.submit({
      id: model.id,
      gate: model.gate,
      decision: model.decision,
      decidedBy: model.decidedBy,
      evidence: model.evidence,
      confirmedValue: model.confirmedValue,
    });
  };
  return h(
    "form",
    { class: "panel gate-form", attrs: { id: "baton-gate", novalidate: true }, on: { submit } },
    field(
      "baton-gate-id",
      "Initiative",
      select("baton-gate-id", "id", "ID", [
        ["", "Choose an initiative"],
        ...form.initiatives.map(
          (i) => [i.id, `${i.id} ${i.name} (at gate ${i.gate})`] as [string, string],
        ),
      ]),
    ),
    field(
      "baton-gate-gate",
      "Gate",
      select("baton-gate-gate", "gate", "Gate", [
        ["", "Choose a gate"],
        ...[1, 2, 3, 4, 5].map((g) => [String(g), `${g} ${GATE_NAMES[g]}`] as [string, string]),
      ]),
    ),
    field(
      "baton-gate-decision",
      "Decision",
      select(
        "baton-gate-decision",
        "decision",
        "Decision",
        DECISIONS.map((d) => [d, d] as [string, string]),
      ),
    ),
    field(
      "baton-gate-by",
      "Decided by",
      input("baton-gate-by", "decidedBy", "Decided By", { hint: "baton-gate-by-hint" }),
      form.decider
        ? `Signed in as ${form.decider}.`
        : "Your name as the Initiatives sheet spells it (Owner, Sponsor or Controller).",
    ),
    field(
      "baton-gate-evidence",
      "Evidence",
      input("baton-gate-evidence", "evidence", "Evidence", {
        placeholder: "Minutes, a link, a document",
      }),
    ),
    field(
      "baton-gate-value",
      "Confirmed value",
      input("baton-gate-value", "confirmedValue", "Confirmed Value", {
        inputmode: "decimal",
        hint: "baton-gate-value-hint",
      }),
      "The controller's figure, at gate 5 only.",
    ),
    model.refused.length
      ? h(
          "ul",
          { class: "field-error gate-refused", attrs: { id: "baton-gate-refused", role: "alert" } },
          model.refused.map((i) =>
            h(
              "li",
              null,
              `${i.column}: ${i.message}`,
              i.fix ? h("span", { class: "item-fix" }, ` Fix: ${i.fix}`) : null,
            ),
          ),
        )
      : null,
    h(
      "div",
      { class: "row" },
      h(
        "button",
        {
          class: "btn btn-primary",
          attrs: {
            type: "submit",
            "data-focus": "gate:submit",
            "aria-disabled": handlers.busy ? "true" : null,
          },
        },
        "Record decision",
      ),
    ),
  );
}

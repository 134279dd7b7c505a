/** The toolbar, the close-period form with its confirmation, and the offer to set up the template. */
import type { PaneAction, PaneState } from "@baton/core";
import { h } from "./dom.ts";
import { ACTION_LABEL, TOOLBAR } from "./words.ts";

export interface CloseForm {
  open: boolean;
  period: string;
  confirming: boolean;
  error: string | null;
}

export interface ActionHandlers {
  readonly busy: boolean;
  run(action: PaneAction): void;
  toggleClose(): void;
  editPeriod(text: string): void;
  submitPeriod(): void;
  confirmClose(): void;
  cancelConfirm(): void;
}

/** Buttons stay focusable while an action runs (aria-disabled, not disabled), so focus is not lost. */
function actionButton(
  label: string,
  key: string,
  handlers: ActionHandlers,
  onClick: () => void,
  cls = "btn",
  extra: Record<string, string> = {},
) {
  return h(
    "button",
    {
      class: cls,
      attrs: {
        type: "button",
        "data-focus": key,
        "aria-disabled": handlers.busy ? "true" : null,
        ...extra,
      },
      on: { click: () => (handlers.busy ? undefined : onClick()) },
    },
    label,
  );
}

export function toolbar(
  state: PaneState,
  form: CloseForm,
  handlers: ActionHandlers,
): HTMLElement | null {
  const offered = TOOLBAR.filter((a) => state.actions.includes(a));
  if (!offered.length) return null;
  const buttons = offered.map((a, n) =>
    a === "closePeriod"
      ? actionButton(
          `${ACTION_LABEL.closePeriod}…`,
          "action:closePeriod",
          handlers,
          handlers.toggleClose,
          "btn",
          {
            "aria-expanded": String(form.open),
            "aria-controls": "baton-close",
          },
        )
      : actionButton(
          ACTION_LABEL[a],
          `action:${a}`,
          handlers,
          () => handlers.run(a),
          n === 0 ? "btn btn-primary" : "btn",
        ),
  );
  return h(
    "nav",
    { class: "toolbar-wrap", attrs: { "aria-label": "Actions" } },
    h("div", { class: "toolbar" }, buttons),
    form.open && offered.includes("closePeriod") ? closePanel(form, handlers) : null,
  );
}

function closePanel(form: CloseForm, handlers: ActionHandlers): HTMLElement {
  if (form.confirming) {
    const p = form.period;
    return h(
      "div",
      {
        class: "panel confirm",
        attrs: { id: "baton-close", role: "group", "aria-labelledby": "baton-confirm-title" },
      },
      h("p", { class: "panel-title", attrs: { id: "baton-confirm-title" } }, `Close ${p}?`),
      h(
        "p",
        null,
        `Every check-in of ${p}, and of any earlier period still open, is sealed and its rows are locked. Sealed check-ins cannot be changed afterwards.`,
      ),
      h(
        "div",
        { class: "row" },
        actionButton(
          `Close ${p}`,
          "close:confirm",
          handlers,
          handlers.confirmClose,
          "btn btn-danger",
        ),
        actionButton("Cancel", "close:cancel", handlers, handlers.cancelConfirm),
      ),
    );
  }
  const invalid = form.error !== null;
  return h(
    "form",
    {
      class: "panel",
      attrs: { id: "baton-close", novalidate: true },
      on: {
        submit: (e) => {
          e.preventDefault();
          if (!handlers.busy) handlers.submitPeriod();
        },
      },
    },
    h("label", { attrs: { for: "baton-close-period" } }, "Period to close"),
    h(
      "div",
      { class: "row" },
      h("input", {
        class: "input",
        attrs: {
          id: "baton-close-period",
          "data-focus": "close:period",
          type: "text",
          value: form.period,
          placeholder: "2026-W48",
          autocomplete: "off",
          spellcheck: "false",
          "aria-invalid": invalid ? "true" : null,
          "aria-describedby": invalid ? "baton-close-hint baton-close-error" : "baton-close-hint",
        },
        on: { input: (e) => handlers.editPeriod((e.target as HTMLInputElement).value) },
      }),
      h(
        "button",
        {
          class: "btn",
          attrs: {
            type: "submit",
            "data-focus": "close:next",
            "aria-disabled": handlers.busy ? "true" : null,
          },
        },
        "Continue",
      ),
    ),
    h(
      "p",
      { class: "hint", attrs: { id: "baton-close-hint" } },
      "Seals the check-ins of this period and of every earlier open period.",
    ),
    invalid
      ? h("p", { class: "field-error", attrs: { id: "baton-close-error" } }, form.error)
      : null,
  );
}

/** Shown above everything else when the workbook lacks (part of) the template. */
export function setupSection(state: PaneState, handlers: ActionHandlers): HTMLElement {
  const missing = state.missingSheets;
  return h(
    "section",
    { class: "section setup", attrs: { "aria-labelledby": "baton-setup-title" } },
    h("h2", { attrs: { id: "baton-setup-title" } }, "Set up Baton in this workbook"),
    h(
      "p",
      null,
      missing.length
        ? `This workbook lacks Baton's template ${missing.length === 1 ? "sheet" : "sheets"}: ${missing.join(", ")}.`
        : "This workbook does not have Baton's template yet.",
    ),
    state.actions.includes("setUpTemplate")
      ? [
          h(
            "p",
            { class: "hint" },
            "Baton adds the missing sheets with their headers and drop-downs.",
          ),
          actionButton(
            ACTION_LABEL.setUpTemplate,
            "action:setUpTemplate",
            handlers,
            () => handlers.run("setUpTemplate"),
            "btn btn-primary",
          ),
        ]
      : h("p", { class: "hint" }, "Setting it up is not available here."),
  );
}

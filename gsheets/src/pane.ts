/// <reference types="google-apps-script" />
/**
 * The sidebar's server side: the `google.script.run` targets behind the shared pane's
 * `Backend`. Everything returned is plain JSON (no Dates: dates cross as ISO strings), and an
 * action never throws to the sidebar: it answers with an `ActionOutcome` in plain words.
 */
import {
  SHEET,
  findSheet,
  paneState,
  type ActionOutcome,
  type PaneAction,
  type PaneState,
} from "@baton/core";
import { ACTIONS, actionSpec, runSpec, runGateDecision } from "./actions.ts";
import { hostOf, signedInOf, type Services } from "./services.ts";
import { readTemplate } from "./workbook.ts";
import { errorText } from "./words.ts";

/** The sidebar's actions: the menu's, and recording a gate decision, which only its form can. */
const SIDEBAR_ACTIONS: readonly PaneAction[] = [...ACTIONS.map((a) => a.id), "recordGateDecision"];

export function state(s: Services): PaneState {
  // People is read with the template, so the gate form can name the signed-in person.
  const { grids } = readTemplate(hostOf(s), [...Object.values(SHEET), "People"]);
  return paneState({ grids, now: s.now(), actions: SIDEBAR_ACTIONS, ...signedInOf(s) });
}

const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** Selects a cell the pane points at; a sheet that is gone or a bad address selects nothing. */
export function select(s: Services, sheetName: string, cell: string): boolean {
  const name = findSheet(
    s.spreadsheet.getSheets().map((x) => x.getName()),
    String(sheetName),
  );
  const sheet = name ? s.spreadsheet.getSheetByName(name) : null;
  if (!sheet || !A1.test(String(cell))) return false;
  sheet.getRange(String(cell)).activate();
  return true;
}

export function run(s: Services, id: string, arg?: string): ActionOutcome {
  if (id === "recordGateDecision")
    try {
      return runGateDecision(s, arg);
    } catch (e) {
      return { ok: false, message: `Baton could not record the gate decision: ${errorText(e)}` };
    }
  const spec = actionSpec(id);
  if (!spec) return { ok: false, message: `Baton has no action "${id}".` };
  try {
    return runSpec(s, spec.id, arg);
  } catch (e) {
    return { ok: false, message: `Baton could not ${spec.verb}: ${errorText(e)}` };
  }
}

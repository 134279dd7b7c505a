/// <reference types="google-apps-script" />
/**
 * The web app behind check-in requests: `doGet` shows the form a request's link opens,
 * `doPost` records the answer. Which initiative, which period and whose answer it is come from
 * the link's token, and what is recorded is the core's (`checkinForm`, `answerCheckin`); here
 * the spreadsheet is read, the plan applied under the document lock, and the page drawn.
 */
import {
  BATON_SHEET,
  CHECKIN_ANSWER_NEEDS,
  answerCheckin,
  checkinForm,
  sheetsToRead,
  type ActionRead,
  type CheckinAnswer,
  type CheckinFormView,
  type PaneIssue,
} from "@baton/core";
import { BusyError, withDocumentLock } from "./lock.ts";
import { hostOf, type Services } from "./services.ts";
import { errorText } from "./words.ts";

export type WebEvent =
  { readonly parameter?: Readonly<Record<string, string | undefined>> } | undefined;

interface Page {
  ok: boolean;
  message: string;
  issues: { message: string; fix: string }[];
  view: CheckinFormView | null;
  answerable: boolean;
  action: string;
  token: string;
  rags: string[];
  answer: CheckinAnswer;
}

const BLANK: CheckinAnswer = { rag: "Green", progress: "", comment: "", pathToGreen: "" };

const param = (e: WebEvent, k: string): string => String(e?.parameter?.[k] ?? "");

function read(s: Services): ActionRead {
  const host = hostOf(s);
  const sheetNames = host.sheetNames();
  return {
    sheetNames,
    grids: host.readSheets(sheetsToRead(CHECKIN_ANSWER_NEEDS, sheetNames)),
    state: host.readSheets([BATON_SHEET])[BATON_SHEET] ?? null,
  };
}

function draw(s: Services, page: Partial<Page>): GoogleAppsScript.HTML.HtmlOutput {
  const t = s.html.createTemplateFromFile("Form");
  const full: Page = {
    ok: true,
    message: "",
    issues: [],
    view: null,
    answerable: false,
    action: s.script?.().getService().getUrl() ?? "",
    token: "",
    rags: ["Green", "Amber", "Red"],
    answer: BLANK,
    ...page,
  };
  (t as unknown as { page: Page }).page = full;
  return t.evaluate().setTitle("Baton check-in");
}

const viewer = (s: Services) => {
  try {
    return s.signedIn?.() ?? "";
  } catch {
    return "";
  }
};

const issueLines = (issues: readonly PaneIssue[] | undefined) =>
  (issues ?? []).map((i) => ({ message: i.message, fix: i.fix ?? "" }));

export function formPage(s: Services, e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  const token = param(e, "t");
  try {
    const r = checkinForm(read(s), { now: s.now(), token, viewer: viewer(s) });
    if (!r.ok) return draw(s, { ok: false, message: r.message });
    return draw(s, { view: r.view, answerable: true, token });
  } catch (err) {
    return draw(s, { ok: false, message: `Baton could not open the check-in: ${errorText(err)}` });
  }
}

export function answerPage(s: Services, e: WebEvent): GoogleAppsScript.HTML.HtmlOutput {
  const token = param(e, "t");
  const answer: CheckinAnswer = {
    rag: param(e, "rag"),
    progress: param(e, "progress"),
    comment: param(e, "comment"),
    pathToGreen: param(e, "pathToGreen"),
  };
  try {
    const r = withDocumentLock(s, () => {
      const result = answerCheckin(read(s), { now: s.now(), token, viewer: viewer(s), answer });
      if (result.plan.ops.length) hostOf(s).apply(result.plan);
      return result;
    });
    return draw(s, {
      ok: r.outcome.ok,
      message: r.outcome.message,
      issues: issueLines(r.outcome.issues),
      view: r.view ?? null,
      // After errors the form comes back with what was typed; after success it is done.
      answerable: !r.outcome.ok && r.view !== undefined,
      token,
      answer,
    });
  } catch (err) {
    const message =
      err instanceof BusyError
        ? "The spreadsheet is busy with another Baton action. Nothing was recorded; send the form again in a minute."
        : `Baton could not record the check-in: ${errorText(err)}. Nothing was recorded.`;
    return draw(s, { ok: false, message, answerable: false, token, answer });
  }
}

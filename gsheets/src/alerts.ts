/// <reference types="google-apps-script" />
/**
 * Alerts in Google Sheets: "Turn on alerts" installs an hourly trigger and an on-edit trigger
 * that tell people what changed (the core's `prepareAlerts`), mailing each digest through
 * MailApp while the day's quota lasts; what did not go is owed to the next run
 * (`recordAlerts`). Mail and triggers need scopes the rest of Baton never uses, so they are
 * asked for here, when alerts are turned on, and only through the services' functions.
 */
import {
  ALERTS_NEEDS,
  BATON_SHEET,
  digestHtml,
  digestText,
  prepareAlerts,
  recordAlerts,
  sheetsToRead,
  subjectOf,
  type ActionOutcome,
  type ActionRead,
} from "@baton/core";
import { BusyError, withDocumentLock } from "./lock.ts";
import { hostOf, type Services } from "./services.ts";
import { errorText } from "./words.ts";

/** The triggers' handlers: top-level functions of main.ts. */
export const HOURLY_HANDLER = "batonAlertsHourly";
export const EDIT_HANDLER = "batonAlertsOnEdit";

/** Where the address of the Baton Check-in web app is kept (document properties). */
export const FORM_URL_PROPERTY = "baton.checkinFormUrl";

/** A deployed web app's address, as Apps Script gives it. */
const WEB_APP_URL = /^https:\/\/script\.google\.com\/[^\s"'<>?#]+\/exec$/;

/** What alerts add to the spreadsheet scopes: sending mail, and installing triggers. */
export const ALERT_SCOPES = [
  "https://www.googleapis.com/auth/script.send_mail",
  "https://www.googleapis.com/auth/script.scriptapp",
];

function need<T>(f: (() => T) | undefined, what: string): T {
  if (!f) throw new TypeError(`alerts need ${what}`);
  return f();
}

const ours = (t: GoogleAppsScript.Script.Trigger) =>
  [HOURLY_HANDLER, EDIT_HANDLER].includes(t.getHandlerFunction());

/**
 * With granular consent a person may use Baton without granting the mail and trigger scopes;
 * this asks for them (Apps Script ends the run and shows the consent screen for just these)
 * and returns only once they are granted. Called outside any catch, so the request goes up.
 */
export function requireAlertScopes(s: Services): void {
  const script = need(s.script, "ScriptApp");
  script.requireScopes(script.AuthMode.FULL, ALERT_SCOPES);
}

/**
 * Installs the two triggers, each once however often alerts are turned on, then runs once so
 * the person turning them on sees what went.
 */
export function turnOn(s: Services): ActionOutcome {
  const script = need(s.script, "ScriptApp");
  if (!mayRecord(s)) return { ok: false, message: CANNOT_RECORD };
  const asked = askFormUrl(s);
  if (asked) return asked;
  const handlers = script.getProjectTriggers().map((t) => t.getHandlerFunction());
  if (!handlers.includes(HOURLY_HANDLER))
    script.newTrigger(HOURLY_HANDLER).timeBased().everyHours(1).create();
  if (!handlers.includes(EDIT_HANDLER))
    script.newTrigger(EDIT_HANDLER).forSpreadsheet(s.spreadsheet).onEdit().create();
  const first = runAlerts(s);
  const web = s.documentProperties().getProperty(FORM_URL_PROPERTY)
    ? ""
    : " Check-in requests go without an answer link: deploy Baton Check-in (see the README) and turn alerts on again to give its address.";
  return {
    ok: first.ok,
    message: `Alerts are on: every hour and after each edit, Baton mails each person what changed.${web} ${first.message}`,
  };
}

/**
 * Removes the triggers of the person turning alerts off. Apps Script lists each person's own
 * triggers only, so alerts someone else turned on stay on, and the words say so.
 */
export function turnOff(s: Services): ActionOutcome {
  const script = need(s.script, "ScriptApp");
  let triggers: GoogleAppsScript.Script.Trigger[];
  try {
    triggers = script.getProjectTriggers().filter(ours);
  } catch {
    // Without the trigger scope this person never turned alerts on.
    triggers = [];
  }
  for (const t of triggers) script.deleteTrigger(t);
  return {
    ok: true,
    message: triggers.length
      ? "Alerts are off: Baton no longer mails anyone from this spreadsheet on your behalf."
      : "You had not turned alerts on here; nothing changed. Alerts someone else turned on stay on until they turn them off.",
  };
}

/**
 * Asks for the check-in form's address, offering the one kept: OK with an address keeps it, OK
 * with nothing keeps none, Cancel leaves it as it was. An address that is not a web app's
 * stops turning alerts on, with the reason.
 */
function askFormUrl(s: Services): ActionOutcome | null {
  const ui = s.app.getUi();
  const props = s.documentProperties();
  const kept = props.getProperty(FORM_URL_PROPERTY);
  const answer = ui.prompt(
    "Baton: the check-in form",
    "Check-in requests can link to the Baton Check-in web app, where each owner answers without opening the spreadsheet. " +
      `Paste its address (it ends in /exec)${kept ? `; the one kept now is ${kept}` : ""}, or leave this blank for requests without a link.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return null;
  const url = answer.getResponseText().trim();
  if (!url) props.deleteProperty(FORM_URL_PROPERTY);
  else if (WEB_APP_URL.test(url)) props.setProperty(FORM_URL_PROPERTY, url);
  else
    return {
      ok: false,
      message: `${url} is not a web app's address (https://script.google.com/…/exec), so alerts were not turned on. Copy the address from Deploy › Manage deployments in the Baton Check-in project.`,
    };
  return null;
}

/**
 * Whether the person the triggers run as may write the hidden Baton sheet, where what was told
 * is recorded. Its protection leaves the owner and whoever created it; mail sent by someone
 * who cannot record it would go again every hour.
 */
function mayRecord(s: Services): boolean {
  const state = s.spreadsheet.getSheetByName(BATON_SHEET);
  if (!state) return true;
  return state.getProtections(s.app.ProtectionType.SHEET).every((p) => p.canEdit());
}

const CANNOT_RECORD =
  `Baton records what it told in its hidden sheet ${BATON_SHEET}, which is protected so that only the spreadsheet's owner and whoever created it can change it; you cannot, so alerts were not turned on. ` +
  "Ask the spreadsheet's owner to turn alerts on, or to add you to that sheet's protection (Data › Protect sheets and ranges).";

/** Two version-4 UUIDs without their dashes: 244 random bits. */
const entropyOf = (s: Services) => () =>
  (need(s.uuid, "Utilities.getUuid") + need(s.uuid, "Utilities.getUuid")).replace(/-/g, "");

/**
 * One run: read, decide, mail in order while the quota lasts, record what went. The lock is
 * held throughout, so the hourly run and an edit's run never mail the same news twice.
 */
export function runAlerts(s: Services): ActionOutcome {
  const host = hostOf(s);
  const mail = need(s.mail, "MailApp");
  // Checked before anything is mailed: news that cannot be recorded would be mailed again.
  if (!mayRecord(s)) throw new Error(CANNOT_RECORD);
  return withDocumentLock(s, () => {
    const sheetNames = host.sheetNames();
    const read: ActionRead = {
      sheetNames,
      grids: host.readSheets(sheetsToRead(ALERTS_NEEDS, sheetNames)),
      state: host.readSheets([BATON_SHEET])[BATON_SHEET] ?? null,
    };
    const now = s.now();
    const place = s.spreadsheet.getName();
    const prepared = prepareAlerts(read, {
      now,
      place,
      formUrl: s.documentProperties().getProperty(FORM_URL_PROPERTY),
      entropy: entropyOf(s),
    });
    const context = { place, asOf: prepared.asOf };
    let sent = 0;
    let quota = prepared.digests.length ? mail.getRemainingDailyQuota() : 0;
    for (const d of prepared.digests) {
      if (quota < 1) break;
      try {
        mail.sendEmail({
          to: d.to.email,
          subject: subjectOf(d),
          body: digestText(d, context),
          htmlBody: digestHtml(d, context),
          name: "Baton",
        });
      } catch (e) {
        // The quota can run out under us (another script of this account): owe the rest.
        console.error(`Baton could not mail ${d.to.email}: ${errorText(e)}`);
        break;
      }
      sent++;
      quota--;
    }
    const { plan, outcome } = recordAlerts(read, prepared, sent, now);
    if (plan.ops.length) host.apply(plan);
    return outcome;
  });
}

/** A trigger's run: nobody to tell but the log; a busy spreadsheet waits for the next run. */
export function runFromTrigger(s: Services): void {
  try {
    const outcome = runAlerts(s);
    console.log(`Baton alerts: ${outcome.message}`);
  } catch (e) {
    if (e instanceof BusyError)
      console.log("Baton alerts: another Baton action was running; the next run will tell.");
    else console.error(`Baton alerts could not run: ${errorText(e)}`);
  }
}

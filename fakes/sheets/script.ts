/**
 * The Apps Script services alerts use, with real state: ScriptApp (project triggers, the web
 * app's URL, granular consent), MailApp (a daily quota that runs out), Utilities.getUuid, and
 * HtmlService templates (`<?= ?>` escaped, `<?!= ?>` raw, `<? ?>` code), so a test sees what
 * the script installed, mailed and drew.
 */
import { randomUUID } from "node:crypto";
import type { FakeBook } from "./spreadsheet.ts";

export interface FakeTriggerSpec {
  readonly handler: string;
  readonly type: "CLOCK" | "ON_EDIT";
  readonly everyHours?: number;
  readonly source?: unknown;
}

export class FakeTrigger {
  private static next = 1;
  readonly id = `trigger-${FakeTrigger.next++}`;
  constructor(readonly spec: FakeTriggerSpec) {}
  getHandlerFunction(): string {
    return this.spec.handler;
  }
  getEventType(): string {
    return this.spec.type;
  }
  getUniqueId(): string {
    return this.id;
  }
}

/** What consent the user gave, and the triggers the project has. */
export interface ScriptState {
  /** Scopes the user granted beyond those of the spreadsheet (granular consent). */
  readonly granted: Set<string>;
  /** Each time a script asked for scopes not granted yet. */
  readonly consentAsked: string[][];
  readonly triggers: FakeTrigger[];
  /** The web app's URL, null until it is deployed. */
  webAppUrl: string | null;
}

export function fakeScriptApp(book: FakeBook, state: ScriptState) {
  const needsScope = (scope: string, what: string) => {
    if (!state.granted.has(scope))
      throw new Error(`You do not have permission to call ${what}. Required permissions: ${scope}`);
  };
  const TRIGGERS = "https://www.googleapis.com/auth/script.scriptapp";
  return {
    AuthMode: {
      FULL: "FULL",
      LIMITED: "LIMITED",
      NONE: "NONE",
      CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
    },
    requireScopes(mode: string, scopes: string[]) {
      book.count("ScriptApp.requireScopes");
      if (mode !== "FULL") throw new Error("requireScopes needs AuthMode.FULL");
      const missing = scopes.filter((s) => !state.granted.has(s));
      if (missing.length) {
        // Apps Script ends the run here and shows the consent screen for just these scopes.
        state.consentAsked.push(missing);
        throw new Error("Authorization is required to perform that action.");
      }
    },
    getProjectTriggers() {
      book.count("ScriptApp.getProjectTriggers");
      needsScope(TRIGGERS, "ScriptApp.getProjectTriggers");
      return [...state.triggers];
    },
    deleteTrigger(t: FakeTrigger) {
      book.count("ScriptApp.deleteTrigger");
      needsScope(TRIGGERS, "ScriptApp.deleteTrigger");
      const i = state.triggers.findIndex((x) => x.id === t.id);
      if (i >= 0) state.triggers.splice(i, 1);
    },
    newTrigger(handler: string) {
      const create = (spec: FakeTriggerSpec) => ({
        create: () => {
          book.count("ScriptApp.newTrigger");
          needsScope(TRIGGERS, "ScriptApp.newTrigger");
          const t = new FakeTrigger(spec);
          state.triggers.push(t);
          return t;
        },
      });
      return {
        timeBased: () => ({
          everyHours: (n: number) => {
            if (![1, 2, 4, 6, 8, 12].includes(n))
              throw new Error("everyHours must be 1, 2, 4, 6, 8 or 12");
            return create({ handler, type: "CLOCK", everyHours: n });
          },
        }),
        forSpreadsheet: (source: unknown) => ({
          onEdit: () => create({ handler, type: "ON_EDIT", source }),
        }),
      };
    },
    getService: () => ({ getUrl: () => state.webAppUrl }),
  };
}

export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly name?: string;
}

export interface MailState {
  /** Recipients left today. */
  quota: number;
  readonly sent: SentMail[];
}

export function fakeMailApp(book: FakeBook, state: MailState, scripts: ScriptState) {
  const SEND = "https://www.googleapis.com/auth/script.send_mail";
  const needsScope = (what: string) => {
    if (!scripts.granted.has(SEND))
      throw new Error(`You do not have permission to call ${what}. Required permissions: ${SEND}`);
  };
  return {
    getRemainingDailyQuota() {
      book.count("MailApp.getRemainingDailyQuota");
      needsScope("MailApp.getRemainingDailyQuota");
      return state.quota;
    },
    sendEmail(message: SentMail) {
      book.count("MailApp.sendEmail");
      needsScope("MailApp.sendEmail");
      if (state.quota < 1) throw new Error("Service invoked too many times for one day: email.");
      if (!/^[^\s@,;<>]+@[^\s@,;<>]+$/.test(message.to))
        throw new Error(`Invalid email: ${message.to}`);
      state.quota--;
      state.sent.push({ ...message });
    },
  };
}

export const fakeUtilities = { getUuid: () => randomUUID() };

const escapeHtml = (v: unknown) =>
  String(v ?? "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");

/**
 * An HtmlService template: properties set on it are the template's variables; `evaluate`
 * runs its scriptlets. Printing scriptlets escape what they print, as HtmlService's do.
 */
export class FakeTemplate {
  [name: string]: unknown;
  constructor(private readonly source: string) {}
  evaluate(): { getContent(): string; setTitle(t: string): unknown; getTitle(): string } {
    const parts = this.source.split(/<\?(!=|=)?([\s\S]*?)\?>/);
    let code = "var __out = '';\n";
    for (let i = 0; i < parts.length; i += 3) {
      code += `__out += ${JSON.stringify(parts[i] ?? "")};\n`;
      if (i + 2 >= parts.length) break;
      const [kind, body] = [parts[i + 1], parts[i + 2]!];
      if (kind === "=") code += `__out += __escape(${body});\n`;
      else if (kind === "!=") code += `__out += String(${body});\n`;
      else code += `${body}\n`;
    }
    code += "return __out;";
    const vars = Object.keys(this).filter((k) => k !== "source");
    const fn = new Function("__escape", ...vars, code) as (...a: unknown[]) => string;
    let content = fn(escapeHtml, ...vars.map((k) => this[k]));
    let title = "";
    const output = {
      getContent: () => content,
      setTitle: (t: string) => ((title = t), output),
      getTitle: () => title,
      append: (more: string) => ((content += more), output),
    };
    return output;
  }
}

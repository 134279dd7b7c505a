/**
 * The Apps Script services Baton uses besides SpreadsheetApp, each with real state:
 * PropertiesService (document properties with Apps Script's size limits), LockService (one
 * document lock, which another run may hold), HtmlService (files of the built project),
 * Session. `appsScript(book)` assembles them as the globals a script sees.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FakeBook, FakeDataValidationBuilder, FakeSheet, FakeRange } from "./spreadsheet.ts";
import { FakeUi } from "./ui.ts";
import {
  FakeTemplate,
  fakeMailApp,
  fakeScriptApp,
  fakeUtilities,
  type MailState,
  type ScriptState,
} from "./script.ts";

const VALUE_LIMIT = 9 * 1024;
const STORE_LIMIT = 500 * 1024;

export class FakeProperties {
  readonly store = new Map<string, string>();
  constructor(private readonly book: FakeBook) {}
  getProperty(key: string): string | null {
    this.book.count("Properties.getProperty");
    return this.store.get(key) ?? null;
  }
  setProperty(key: string, value: string): FakeProperties {
    this.book.count("Properties.setProperty");
    if (this.book.context === "customFunction")
      throw new Error("You do not have permission to call setProperty");
    const v = String(value);
    if (key.length + v.length > VALUE_LIMIT) throw new Error("Argument too large: value");
    let total = key.length + v.length;
    for (const [k, x] of this.store) if (k !== key) total += k.length + x.length;
    if (total > STORE_LIMIT) throw new Error("You have exceeded the property storage quota.");
    this.store.set(key, v);
    return this;
  }
  deleteProperty(key: string): FakeProperties {
    this.store.delete(key);
    return this;
  }
  getProperties(): Record<string, string> {
    return Object.fromEntries(this.store);
  }
}

export class FakeLock {
  private mine = false;
  constructor(
    private readonly book: FakeBook,
    private readonly state: { heldElsewhere: boolean; acquired: number },
  ) {}
  tryLock(_ms: number): boolean {
    this.book.count("Lock.tryLock");
    if (this.state.heldElsewhere || this.book.lockHeld) return this.mine;
    this.mine = true;
    this.book.lockHeld = true;
    this.state.acquired++;
    return true;
  }
  waitLock(ms: number): void {
    if (!this.tryLock(ms))
      throw new Error("Lock timeout: another process was holding the lock for too long.");
  }
  hasLock(): boolean {
    return this.mine;
  }
  releaseLock(): void {
    this.book.count("Lock.releaseLock");
    if (this.mine) {
      this.mine = false;
      this.book.lockHeld = false;
    }
  }
}

export class FakeHtmlOutput {
  private title = "";
  private width = 300;
  constructor(private content: string) {}
  setTitle(t: string): FakeHtmlOutput {
    this.title = t;
    return this;
  }
  getTitle(): string {
    return this.title;
  }
  setWidth(w: number): FakeHtmlOutput {
    this.width = w;
    return this;
  }
  getWidth(): number {
    return this.width;
  }
  getContent(): string {
    return this.content;
  }
}

export interface AppsScript {
  /** The globals a script sees. */
  readonly globals: Record<string, unknown>;
  readonly book: FakeBook;
  readonly ui: FakeUi;
  readonly documentProperties: FakeProperties;
  /** The running user's own properties. */
  readonly userProperties: FakeProperties;
  /** The project's own properties (Project Settings › Script Properties). */
  readonly scriptProperties: FakeProperties;
  readonly lock: { heldElsewhere: boolean; acquired: number };
  readonly logs: string[];
  /** Triggers, consent and the web app's URL. */
  readonly script: ScriptState;
  /** The day's mail quota and what was mailed. */
  readonly mail: MailState;
  /**
   * Who Session.getActiveUser() says is signed in: a test's own answer ("" where Apps Script
   * cannot say, as for a web app's visitor), or null for the spreadsheet's user where the
   * script runs with the user's authorisation.
   */
  readonly session: { activeUser: string | null };
}

export interface AppsScriptOptions {
  /** Folder whose `.html` files HtmlService serves (the built project). */
  readonly htmlDir?: string;
  /** Other spreadsheets the user can open by ID (`SpreadsheetApp.openById`), by their ID. */
  readonly spreadsheets?: ReadonlyMap<string, FakeBook>;
}

export function appsScript(book: FakeBook, opts: AppsScriptOptions = {}): AppsScript {
  const ui = new FakeUi();
  const documentProperties = new FakeProperties(book);
  const userProperties = new FakeProperties(book);
  const scriptProperties = new FakeProperties(book);
  const lock = { heldElsewhere: false, acquired: 0 };
  const logs: string[] = [];
  const script: ScriptState = {
    granted: new Set(),
    consentAsked: [],
    triggers: [],
    webAppUrl: null,
  };
  const mail: MailState = { quota: 100, sent: [] };
  const who: { activeUser: string | null } = { activeUser: null };
  const notInCustomFunction = (what: string) => {
    if (book.context === "customFunction")
      throw new Error(`You do not have permission to call ${what}`);
  };
  // Apps Script lets a simple trigger use a few services besides the bound spreadsheet; the fake
  // refuses all of them, so a test shows that Baton's trigger needs nothing but the spreadsheet.
  const onlyTheSpreadsheet = (what: string) => {
    if (book.context === "simpleTrigger")
      throw new Error(`${what} is not available to Baton's simple triggers`);
  };
  const SpreadsheetApp = {
    ProtectionType: { SHEET: "SHEET", RANGE: "RANGE" },
    getActiveSpreadsheet: () => book,
    getActive: () => book,
    getActiveSheet: () => book.getActiveSheet(),
    getActiveRange: () => book.getActiveRange(),
    getUi: () => {
      if (book.context === "customFunction")
        throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
      return ui;
    },
    newDataValidation: () => new FakeDataValidationBuilder(),
    flush: () => book.count("SpreadsheetApp.flush"),
    // Counted on the spreadsheet the script runs in; the calls on the opened one count there.
    openById: (id: string) => {
      book.count("SpreadsheetApp.openById");
      const other = opts.spreadsheets?.get(id);
      // Apps Script says the same for an ID that does not exist and for one not shared with you.
      if (!other)
        throw new Error(
          "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
        );
      return other;
    },
  };
  const PropertiesService = {
    getDocumentProperties: () => {
      onlyTheSpreadsheet("PropertiesService");
      return documentProperties;
    },
    getUserProperties: () => {
      onlyTheSpreadsheet("PropertiesService");
      return userProperties;
    },
    getScriptProperties: () => scriptProperties,
  };
  const LockService = {
    getDocumentLock: () => {
      notInCustomFunction("LockService.getDocumentLock");
      onlyTheSpreadsheet("LockService");
      return new FakeLock(book, lock);
    },
    // Held on the same spreadsheet's flag: the writes made under it count as locked.
    getScriptLock: () => new FakeLock(book, lock),
  };
  const HtmlService = {
    createHtmlOutputFromFile: (name: string) => {
      notInCustomFunction("HtmlService.createHtmlOutputFromFile");
      onlyTheSpreadsheet("HtmlService");
      if (!opts.htmlDir) throw new Error(`No HTML file named ${name} was found.`);
      return new FakeHtmlOutput(readFileSync(join(opts.htmlDir, `${name}.html`), "utf8"));
    },
    createHtmlOutput: (html = "") => new FakeHtmlOutput(html),
    createTemplate: (source: string) => new FakeTemplate(String(source)),
    createTemplateFromFile: (name: string) => {
      notInCustomFunction("HtmlService.createTemplateFromFile");
      if (!opts.htmlDir) throw new Error(`No HTML file named ${name} was found.`);
      return new FakeTemplate(readFileSync(join(opts.htmlDir, `${name}.html`), "utf8"));
    },
  };
  const Session = {
    getScriptTimeZone: () => "America/New_York",
    // As Apps Script documents: no address where the script runs without the user's authorisation.
    getActiveUser: () => ({
      getEmail: () => who.activeUser ?? (book.context === "full" ? book.user : ""),
    }),
  };
  const log = (...a: unknown[]) => logs.push(a.map(String).join(" "));
  const console = { log, info: log, warn: log, error: log };
  return {
    globals: {
      SpreadsheetApp,
      PropertiesService,
      LockService,
      HtmlService,
      Session,
      console,
      Logger: { log },
      ScriptApp: fakeScriptApp(book, script),
      MailApp: fakeMailApp(book, mail, script),
      Utilities: fakeUtilities,
    },
    book,
    ui,
    documentProperties,
    userProperties,
    scriptProperties,
    lock,
    logs,
    script,
    mail,
    session: who,
  };
}

export { FakeBook, FakeSheet, FakeRange };

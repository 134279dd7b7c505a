/**
 * Alerts in Google Sheets, the built bundle in node:vm over the Sheets fake: turning them on
 * asks for the mail and trigger scopes and installs each trigger once; a run mails each
 * person's digest within the day's quota and owes the rest; its service calls do not grow with
 * the rows; the check-in form a request links to records one valid answer under the lock and
 * refuses the rest in plain words.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { SHEET, type CellValue } from "@baton/core";
import { loadProject, sidebarDir, type LoadedProject } from "./support/bundle.ts";
import { checkin, initiative, workbookGrids, type WorkbookSpec } from "../support/grids.ts";
import { PEOPLE, THURSDAY, TUESDAY, plan } from "../rhythm/support.ts";

const LATE = { "Needed By": "2026-11-20" };
const SCOPES = [
  "https://www.googleapis.com/auth/script.send_mail",
  "https://www.googleapis.com/auth/script.scriptapp",
];
const WEB_APP = "https://script.google.com/macros/s/AKfy-baton/exec";

let htmlDir = "";
beforeAll(async () => {
  htmlDir = await sidebarDir();
});

function project(spec: WorkbookSpec = plan(LATE), day = TUESDAY): LoadedProject {
  const grids = { ...workbookGrids(spec), People: PEOPLE } as Record<string, CellValue[][]>;
  return loadProject(grids, { now: `${day}T12:00:00Z`, htmlDir });
}

function granted(p: LoadedProject): LoadedProject {
  for (const s of SCOPES) p.script.granted.add(s);
  return p;
}

const mailed = (p: LoadedProject) => p.mail.sent.map((m) => `${m.to}: ${m.subject}`);

describe("turning alerts on and off from the menu", () => {
  it("appear in the menu after the actions", () => {
    const p = project();
    p.call("onOpen", { authMode: "FULL" });
    expect(p.ui.menus[0]!.allItems().slice(-2)).toEqual([
      { caption: "Turn on alerts", functionName: "batonTurnOnAlerts" },
      { caption: "Turn off alerts", functionName: "batonTurnOffAlerts" },
    ]);
  });

  it("asks for the mail and trigger scopes only then, and does nothing until they are granted", () => {
    const p = project();
    expect(() => p.call("batonTurnOnAlerts")).toThrow(/Authorization is required/);
    expect(p.script.consentAsked).toEqual([SCOPES]);
    expect(p.script.triggers).toEqual([]);
    expect(p.mail.sent).toEqual([]);
  });

  it("installs an hourly and an on-edit trigger once, however often turned on, and tells at once", () => {
    const p = granted(project());
    p.call("batonTurnOnAlerts");
    p.call("batonTurnOnAlerts");
    expect(p.script.triggers.map((t) => [t.spec.handler, t.spec.type, t.spec.everyHours])).toEqual([
      ["batonAlertsHourly", "CLOCK", 1],
      ["batonAlertsOnEdit", "ON_EDIT", undefined],
    ]);
    expect(p.script.triggers[1]!.spec.source).toBe(p.book);
    expect(mailed(p)).toEqual([
      // Each also reported Green beside the late hand-off: a false green is the "1 more".
      "hana@example.com: Baton: DEP-1 turned Red, and 1 more",
      "ines@example.com: Baton: DEP-1 turned Red, and 2 more",
    ]);
    const toasts = p.book.toasts.map((t) => t.message);
    expect(toasts[0]).toMatch(/^Alerts are on: every hour and after each edit/);
    expect(toasts[0]).toMatch(/Sent 2 digests\.$/);
    expect(toasts[1]).toMatch(/Nothing new to tell anyone\.$/);
    expect(p.book.writesOutsideLock).toBe(0);
    expect(p.book.sheet("_baton").hidden).toBe(true);
  });

  it("turning off removes this person's triggers; a second time says nothing was on", () => {
    const p = granted(project());
    p.call("batonTurnOnAlerts");
    p.call("batonTurnOffAlerts");
    expect(p.script.triggers).toEqual([]);
    p.call("batonTurnOffAlerts");
    expect(p.book.toasts.at(-1)!.message).toMatch(/^You had not turned alerts on here/);
  });
});

describe("alerts that could not be recorded are not sent", () => {
  it("refuses to turn on for someone the Baton sheet's protection leaves out, and mails nothing", () => {
    const p = granted(project());
    p.call("batonTurnOnAlerts");
    p.call("batonTurnOffAlerts");
    const mails = p.mail.sent.length;
    p.book.user = "rae@example.com";
    p.book.sheet(SHEET.handoffs).seed(2, 8, "Declined");
    p.call("batonTurnOnAlerts");
    expect(p.ui.alerts().at(-1)).toMatch(
      /^Baton records what it told in its hidden sheet _baton, which is protected/,
    );
    expect(p.script.triggers).toEqual([]);
    p.call("batonAlertsHourly");
    expect(p.mail.sent.length).toBe(mails);
    expect(p.logs.at(-1)).toMatch(/^Baton alerts could not run: Baton records what it told/);
  });
});

describe("the check-in form's address, asked when alerts are turned on", () => {
  it("is kept when it is a web app's, and refused with the reason when it is not", () => {
    const p = granted(project());
    p.ui.answers.push({ button: "OK", text: "javascript:alert(1)" });
    p.call("batonTurnOnAlerts");
    expect(p.ui.alerts().at(-1)).toMatch(/^javascript:alert\(1\) is not a web app's address/);
    expect(p.script.triggers).toEqual([]);
    p.ui.answers.push({ button: "OK", text: WEB_APP });
    p.call("batonTurnOnAlerts");
    expect(p.documentProperties.store.get("baton.checkinFormUrl")).toBe(WEB_APP);
    expect(p.script.triggers.length).toBe(2);
  });

  it("without one, alerts still go and say that requests carry no link", () => {
    const p = granted(project());
    p.call("batonTurnOnAlerts");
    expect(p.book.toasts[0]!.message).toMatch(/Check-in requests go without an answer link/);
  });
});

describe("a trigger's run", () => {
  it("mails what is new once; news after an edit goes on the next run", () => {
    const p = granted(project(plan()));
    p.call("batonAlertsHourly");
    expect(p.mail.sent).toEqual([]);
    p.book.sheet(SHEET.handoffs).seed(2, 8, "Declined");
    p.call("batonAlertsOnEdit");
    p.call("batonAlertsHourly");
    expect(mailed(p)).toEqual([
      "hana@example.com: Baton: DEP-1 was declined, and 1 more",
      "ines@example.com: Baton: DEP-1 was declined, and 2 more",
    ]);
    expect(p.mail.sent[0]!.htmlBody).toMatch(/^<!DOCTYPE html>/);
    expect(p.logs.at(-1)).toBe("Baton alerts: Nothing new to tell anyone.");
  });

  it("stops at the day's quota, says so, and sends the rest first next run", () => {
    const p = granted(project());
    p.mail.quota = 1;
    p.call("batonAlertsHourly");
    expect(mailed(p)).toEqual(["hana@example.com: Baton: DEP-1 turned Red, and 1 more"]);
    expect(p.logs.at(-1)).toBe(
      "Baton alerts: Sent 1 of 2 digests: the day's mail quota ran out. The other 1 go with the next run.",
    );
    p.call("batonAlertsHourly");
    expect(p.mail.sent.length).toBe(1);
    p.mail.quota = 100;
    p.call("batonAlertsHourly");
    expect(mailed(p)).toEqual([
      // Each also reported Green beside the late hand-off: a false green is the "1 more".
      "hana@example.com: Baton: DEP-1 turned Red, and 1 more",
      "ines@example.com: Baton: DEP-1 turned Red, and 2 more",
    ]);
    expect(p.mail.sent[1]!.body).toContain("This digest was held back since 2026-11-24");
    expect(p.mail.sent[1]!.htmlBody).toContain("This digest was held back since 2026-11-24");
    p.call("batonAlertsHourly");
    expect(p.mail.sent.length).toBe(2);
  });

  it("makes as many spreadsheet calls for 300 initiatives as for 3", () => {
    const calls = (n: number) => {
      const base = plan(LATE);
      const extra = Array.from({ length: n }, (_, i) => `INI-${i + 10}`);
      const p = granted(
        project({
          ...base,
          initiatives: [
            ...base.initiatives!,
            ...extra.map((id) =>
              initiative(id, "OBJ-1", { Owner: "Hana Kim", Start: "2026-11-02" }),
            ),
          ],
          checkins: [...base.checkins!, ...extra.map((id) => checkin("2026-W47", id))],
        }),
      );
      p.call("batonAlertsHourly");
      expect(p.mail.sent.length).toBe(2);
      return Object.fromEntries(p.book.calls);
    };
    const few = calls(1);
    expect(calls(300)).toEqual(few);
    expect(few["Range.getValues"]).toBeLessThanOrEqual(8);
  });
});

describe("the check-in form a request links to", () => {
  const ID = "1BatonTeamSheet";

  /**
   * Thursday of 2026-W48: INI-1 has reported, so Ines is asked for INI-2's check-in. `p` is the
   * team add-on that mails the request; `form` the Baton Check-in web app over the same spreadsheet.
   */
  function asked(name = "Support rollout") {
    const base = plan({}, { checkins: [checkin("2026-W48", "INI-1")] });
    base.initiatives![1] = initiative("INI-2", "OBJ-1", {
      Owner: "Ines Ortega",
      Start: "2026-11-02",
      Initiative: name,
    });
    const p = granted(project(base, THURSDAY));
    p.ui.answers.push({ button: "OK", text: WEB_APP });
    p.call("batonTurnOnAlerts");
    const mail = p.mail.sent.find((m) => m.to === "ines@example.com")!;
    const link = /Answer here: (\S+)/.exec(mail.body)![1]!;
    expect(link.startsWith(`${WEB_APP}?t=`)).toBe(true);
    const form = loadProject(p.book, {
      project: "checkin",
      htmlDir,
      now: `${THURSDAY}T15:00:00Z`,
      spreadsheets: new Map([[ID, p.book]]),
    });
    form.scriptProperties.store.set("BATON_SPREADSHEET_ID", ID);
    form.script.webAppUrl = WEB_APP;
    // A web app open to anyone: Apps Script does not say who visits it; the token decides.
    form.session.activeUser = "";
    return { p: form, team: p, token: new URL(link).searchParams.get("t")! };
  }

  const page = (p: LoadedProject, fn: "doGet" | "doPost", parameter: Record<string, string>) =>
    (p.call(fn, { parameter }) as { getContent(): string }).getContent();

  const answer = {
    rag: "Amber",
    progress: "70",
    comment: "On track now",
    pathToGreen: "Test Monday",
  };
  const rows = (p: LoadedProject) => p.book.sheet(SHEET.checkins).getLastRow();

  it("shows the initiative, what is asked and the last check-in, escaped", () => {
    const { p, token } = asked('<img src=x onerror="alert(1)">');
    const html = page(p, "doGet", { t: token });
    expect(html).toContain("INI-2");
    expect(html).toContain("Your check-in for 2026-W48");
    expect(html).toContain("Last check-in (2026-W47): Green, 50%.");
    expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<img");
    expect(html).toContain(`<form method="post" action="${WEB_APP}">`);
  });

  it("records a valid answer once, under the lock; a second post is refused plainly", () => {
    const { p, token } = asked();
    const before = rows(p);
    expect(page(p, "doPost", { t: token, ...answer })).toContain(
      "Thank you. Your check-in for INI-2, 2026-W48, is recorded.",
    );
    expect(rows(p)).toBe(before + 1);
    const sheet = p.book.sheet(SHEET.checkins);
    expect([1, 2, 3, 4, 6, 7, 8].map((c) => sheet.display(before + 1, c))).toEqual([
      "2026-W48",
      "INI-2",
      "Amber",
      "0.7",
      "On track now",
      "Test Monday",
      "Ines Ortega",
    ]);
    expect(p.book.writesOutsideLock).toBe(0);
    const again = page(p, "doPost", { t: token, ...answer });
    expect(again).toContain("This link was already used");
    expect(again).not.toContain("<form");
    expect(rows(p)).toBe(before + 1);
  });

  it("refuses a forged or missing token, and records nothing", () => {
    const { p } = asked();
    const before = rows(p);
    for (const t of ["0123456789abcdef0123456789abcdef", ""]) {
      expect(page(p, "doGet", { t })).toContain("This link is not one Baton sent");
      expect(page(p, "doPost", { t, ...answer })).toContain("This link is not one Baton sent");
    }
    expect(rows(p)).toBe(before);
  });

  it("shows values that fail validation with their fixes, keeps what was typed, records nothing", () => {
    const { p, token } = asked();
    const before = rows(p);
    const html = page(p, "doPost", {
      t: token,
      rag: "Red",
      progress: "70",
      comment: "<script>alert(1)</script>",
      pathToGreen: "",
    });
    expect(html).toContain("Nothing was recorded: one answer needs fixing first");
    expect(html).toContain("a Red check-in needs a Path to Green.");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;</textarea>");
    expect(html).not.toContain("<script>");
    expect(rows(p)).toBe(before);
  });

  it("refuses someone Apps Script says is signed in as another person", () => {
    const { p, token } = asked();
    const before = rows(p);
    p.session.activeUser = "hana@example.com";
    expect(page(p, "doPost", { t: token, ...answer })).toContain(
      "This link was sent to Ines Ortega; you are signed in as someone else",
    );
    expect(rows(p)).toBe(before);
    p.session.activeUser = "ines@example.com";
    expect(page(p, "doPost", { t: token, ...answer })).toContain("Thank you.");
  });

  it("says which Script Property to set when it does not know the spreadsheet", () => {
    const { p, token } = asked();
    p.scriptProperties.store.clear();
    expect(page(p, "doGet", { t: token })).toContain(
      "set the Script Property BATON_SPREADSHEET_ID to the spreadsheet&#39;s ID",
    );
  });

  it("tells the person to try again when another Baton action holds the lock", () => {
    const { p, token } = asked();
    p.lock.heldElsewhere = true;
    expect(page(p, "doPost", { t: token, ...answer })).toContain(
      "The spreadsheet is busy with another Baton action. Nothing was recorded",
    );
  });
});

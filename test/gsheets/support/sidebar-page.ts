/**
 * The Google Sheets sidebar page in headless Chromium, talking to the real project: a stand-in
 * `google.script.run` in the page hands each call to Node, where the built Code.js runs in its
 * `node:vm` context over the fake spreadsheet. Only what Apps Script carries crosses (checked
 * on both sides), handlers run later, as with the real one, and the page may reach nothing on
 * the network.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { illegal } from "./script-run.ts";
import type { LoadedProject } from "./bundle.ts";

const PAGE_URL = "https://sidebar.baton.invalid/";

/** Headless Chromium from `executablePath` (see requireTool in test/support/tools.ts). */
export function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface OpenSidebar {
  readonly page: Page;
  /** Page errors, console errors and requests the page tried to make elsewhere. */
  readonly problems: string[];
  /** Server functions called, in order. */
  readonly calls: string[];
}

/** Runs in the page: google.script.run over `window.__gasCall`, knowing the server's functions. */
function installScriptRun(serverFunctions: string[]): void {
  const bad = (v: unknown): boolean =>
    v === undefined ||
    typeof v === "function" ||
    v instanceof Date ||
    (typeof v === "object" && v !== null && Object.values(v).some(bad));
  const w = window as unknown as {
    __gasCall(name: string, args: string): Promise<string>;
    google: unknown;
  };
  const runner = (
    onSuccess?: (v: unknown) => void,
    onFailure?: (e: Error) => void,
  ): Record<string, unknown> => {
    const r: Record<string, unknown> = {
      withSuccessHandler: (h: (v: unknown) => void) => runner(h, onFailure),
      withFailureHandler: (h: (e: Error) => void) => runner(onSuccess, h),
    };
    for (const name of serverFunctions)
      r[name] = (...args: unknown[]) => {
        if (bad(args)) {
          setTimeout(() => onFailure?.(new Error("Failed due to illegal value in argument.")), 0);
          return;
        }
        void w.__gasCall(name, JSON.stringify(args)).then((text) => {
          const answer = JSON.parse(text) as
            { ok: true; value: unknown } | { ok: false; message: string };
          if (answer.ok) onSuccess?.(answer.value);
          else onFailure?.(new Error(answer.message));
        });
      };
    return r;
  };
  w.google = { script: { run: runner() } };
}

export async function openSidebar(
  browser: Browser,
  project: LoadedProject,
  htmlDir: string,
): Promise<OpenSidebar> {
  const html = readFileSync(join(htmlDir, "Sidebar.html"), "utf8");
  // Google's sidebar is 300 pixels wide.
  const page = await browser.newPage({ viewport: { width: 300, height: 900 } });
  const problems: string[] = [];
  const calls: string[] = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  await page.route("**/*", (route) => {
    if (route.request().url() === PAGE_URL)
      return route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: html });
    problems.push(`request: ${route.request().url()}`);
    return route.abort();
  });
  await page.exposeFunction("__gasCall", (name: string, argsJson: string) => {
    calls.push(name);
    try {
      const result = project.call(name, ...(JSON.parse(argsJson) as unknown[]));
      const value = result === undefined ? null : result;
      const why = illegal(value, "result");
      if (why)
        return JSON.stringify({
          ok: false,
          message: `Failed due to illegal value in result: ${why}`,
        });
      return JSON.stringify({ ok: true, value });
    } catch (e) {
      return JSON.stringify({ ok: false, message: e instanceof Error ? e.message : String(e) });
    }
  });
  await page.addInitScript(installScriptRun, project.functions());
  await page.goto(PAGE_URL);
  return { page, problems, calls };
}

/**
 * Real headless Chromium over pages built the way the hosts build theirs (one inlined HTML
 * file), served from 127.0.0.1. Every page is watched for dialogs, console errors and uncaught
 * exceptions: a test of the pane expects none.
 */
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createServer, type Server } from "node:http";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, normalize } from "node:path";
import { buildInlinedPage } from "../../../scripts/inline-html.mjs";
import { installStandIn, type StandInSpec } from "./stand-in.ts";
import { requireTool } from "../../support/tools.ts";

/** Headless Chromium from `executablePath` (see requireTool), reaching nothing on its own. */
export async function launch(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking"],
  });
}

export interface Site {
  readonly url: string;
  /** Requests the server answered, by path. */
  readonly served: string[];
  close(): Promise<void>;
}

/** Serves the files of `dir` on 127.0.0.1 (any free port). */
export async function serve(dir: string): Promise<Site> {
  const served: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    served.push(path);
    // Browsers ask for a favicon on their own; a host page has none to give.
    if (path === "/favicon.ico") {
      res.writeHead(204).end();
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, {
        "content-type": file.endsWith(".html")
          ? "text/html; charset=utf-8"
          : "application/octet-stream",
      })
      .end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    served,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface BuiltPages {
  readonly dir: string;
  readonly standIn: string;
  readonly preview: string;
}

/** Builds the stand-in page and the preview into a fresh folder, as the build targets do. */
export async function buildPages(): Promise<BuiltPages> {
  const dir = mkdtempSync(join(tmpdir(), "baton-ui-"));
  await buildInlinedPage({
    entry: "test/ui/support/stand-in-entry.ts",
    title: "Baton",
    outfile: join(dir, "stand-in.html"),
  });
  await buildInlinedPage({
    entry: "ui/preview.ts",
    title: "Baton sidebar preview",
    outfile: join(dir, "preview.html"),
  });
  return { dir, standIn: "/stand-in.html", preview: "/preview.html" };
}

export interface Watched {
  readonly dialogs: string[];
  readonly errors: string[];
}

/** Records dialogs (dismissed), console errors and uncaught exceptions of a page. */
export function watch(page: Page): Watched {
  const w: Watched = { dialogs: [], errors: [] };
  page.on("dialog", (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on("console", (m) => {
    if (m.type() === "error") w.errors.push(m.text());
  });
  page.on("pageerror", (e) => w.errors.push(e.message));
  return w;
}

export interface Opened {
  readonly page: Page;
  readonly watched: Watched;
  /** Requests the page made, by URL. */
  readonly requests: string[];
}

/**
 * Registers the hooks of a UI test file (build, serve, one browser) and returns how to open
 * the stand-in page over a given backend, or the preview.
 */
export function usePages() {
  let browser: Browser | undefined;
  let site: Site | undefined;
  let pages: BuiltPages | undefined;
  const contexts: { close(): Promise<void> }[] = [];
  const executable = requireTool("chromium");

  beforeAll(async () => {
    if (!executable) return;
    pages = await buildPages();
    site = await serve(pages.dir);
    browser = await launch(executable);
  });
  afterEach(async () => {
    for (const c of contexts.splice(0)) await c.close();
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    if (pages) rmSync(pages.dir, { recursive: true, force: true });
  });

  async function openAt(
    path: string,
    width: number,
    before?: (page: Page) => Promise<void>,
    ready = ".pane-header time",
  ): Promise<Opened> {
    if (!browser || !site) throw new Error("pages are not built yet");
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    contexts.push(context);
    const page = await context.newPage();
    const watched = watch(page);
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    if (before) await before(page);
    await page.goto(site.url + path);
    await page.waitForSelector(ready, { state: "attached", timeout: 10_000 });
    return { page, watched, requests };
  }

  return {
    /** The pane over the stand-in backend; waits until a state is shown (or `ready`). */
    open(
      spec: StandInSpec,
      { width = 320, ready }: { width?: number; ready?: string } = {},
    ): Promise<Opened> {
      return openAt(pages!.standIn, width, (page) => installStandIn(page, spec), ready);
    },
    /** The preview with the real core; `query` like `?today=2026-11-26&zone=UTC`. */
    openPreview(query = "", { width = 320 }: { width?: number } = {}): Promise<Opened> {
      return openAt(pages!.preview + query, width);
    },
    get built(): BuiltPages {
      if (!pages) throw new Error("pages are not built yet");
      return pages;
    },
  };
}

/**
 * Tests that drive a real Chromium or LibreOffice find it on PATH. A missing tool must never
 * turn into tests that silently did not run: under CI=true they fail, saying what to install;
 * on a developer's machine they are reported as skipped, with the same words.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, delimiter, join } from "node:path";
import { beforeEach } from "vitest";

export type Tool = "chromium" | "soffice";

const COMMANDS: Record<Tool, readonly string[]> = {
  chromium: ["chromium", "chromium-browser"],
  soffice: ["soffice", "libreoffice"],
};

const INSTALL: Record<Tool, string> = {
  chromium: "Chromium (Debian: apt-get install chromium)",
  soffice: "LibreOffice (Debian: apt-get install libreoffice-calc)",
};

/** The executable of `tool` on PATH, or undefined. */
export function findTool(tool: Tool, path = process.env.PATH ?? ""): string | undefined {
  for (const dir of path.split(delimiter).filter(Boolean))
    for (const command of COMMANDS[tool]) {
      const file = join(dir, command);
      try {
        accessSync(file, constants.X_OK);
        return file;
      } catch {
        // not in this folder
      }
    }
  return undefined;
}

/** Whether a missing tool fails a test (CI) rather than skipping it. */
export function toolsRequired(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CI === "true" || env.CI === "1";
}

/**
 * Declares that every test of the enclosing file or describe needs `tool`, and returns its
 * executable (undefined when missing, so hooks can leave launching it out). When it is
 * missing each of those tests fails under CI=true and is skipped elsewhere.
 */
export function requireTool(tool: Tool): string | undefined {
  const found = findTool(tool);
  if (!found) {
    if (!toolsRequired()) console.warn(`Skipping the tests that need it: ${missing(tool)}.`);
    beforeEach((ctx) => void toolIn(ctx, tool));
  }
  return found;
}

/**
 * The executable of `tool` for the one test running in `ctx`: the test fails under CI=true
 * when it is missing, and is skipped elsewhere.
 */
export function toolIn(ctx: { skip(note?: string): never }, tool: Tool): string {
  const found = findTool(tool);
  if (found) return found;
  if (toolsRequired()) throw new Error(`${missing(tool)}; CI=true requires every test to run.`);
  return ctx.skip(missing(tool));
}

function missing(tool: Tool): string {
  return `${INSTALL[tool]} is not on PATH (looked for ${COMMANDS[tool].join(", ")})`;
}

/** How long one LibreOffice conversion may take: its first start makes a profile, slowly on a busy machine. */
export const LIBREOFFICE_TIMEOUT = 180_000;
/** A test's own time for one conversion and the checks around it. */
export const LIBREOFFICE_TEST_TIMEOUT = LIBREOFFICE_TIMEOUT + 60_000;

/**
 * LibreOffice's CSV filter for every sheet of a workbook, each to its own file
 * (`NAME-Sheet.csv`): comma, double quote, UTF-8, from line 1, and the cells as shown or as
 * their values.
 */
export const everySheetCsv = (asShown: boolean) =>
  `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;

export interface Converted {
  /** The folder LibreOffice wrote into. */
  readonly dir: string;
  /** Where `file` was written (`sheet`: that sheet's own file, for `everySheetCsv`). */
  path(file: string, sheet?: string): string;
}

/**
 * Converts files with LibreOffice (`soffice --headless --convert-to FILTER`) into a new folder,
 * with a profile of its own so that conversions running at once never wait on each other's.
 * A conversion that fails throws with LibreOffice's own words.
 */
export function convertWithLibreOffice(
  soffice: string,
  files: readonly string[],
  filter: string,
  timeout = LIBREOFFICE_TIMEOUT,
): Converted {
  const work = mkdtempSync(join(tmpdir(), "baton-lo-"));
  const dir = join(work, "out");
  const r = spawnSync(
    soffice,
    [
      `-env:UserInstallation=file://${join(work, "profile")}`,
      "--headless",
      "--convert-to",
      filter,
      "--outdir",
      dir,
      ...files,
    ],
    { encoding: "utf8", timeout },
  );
  if (r.status !== 0)
    throw new Error(
      `LibreOffice could not convert ${files.join(", ")} (${filter}): ${r.error?.message ?? r.stderr}`,
    );
  const extension = filter.split(":")[0]!;
  return {
    dir,
    path: (file, sheet) =>
      join(
        dir,
        `${basename(file).replace(/\.[^.]+$/, "")}${sheet ? `-${sheet}` : ""}.${extension}`,
      ),
  };
}

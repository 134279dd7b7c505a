/**
 * Tests that drive a real Chromium or LibreOffice find it on PATH. A missing tool must never
 * turn into tests that silently did not run: under CI=true they fail, saying what to install;
 * on a developer's machine they are reported as skipped, with the same words.
 */
import { accessSync, constants } from "node:fs";
import { delimiter, join } from "node:path";
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

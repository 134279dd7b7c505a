/** Runs the built `baton` command line as a user would, in a child process. */
import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BATON = resolve(__dirname, "../../cli/dist/baton.js");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function baton(args: readonly string[], options: { cwd?: string; env?: Record<string, string> } = {}): Run {
  const r = spawnSync(process.execPath, [BATON, ...args], {
    cwd: options.cwd ?? process.cwd(),
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1", ...options.env },
    maxBuffer: 256 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(prefix = "baton-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

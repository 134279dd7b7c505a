/** Runs the built `baton` command line as a user would, in a child process. */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const BATON = resolve(__dirname, "../../cli/dist/baton.js");

export interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export function baton(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Run {
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

/** `baton` started without waiting: for tests that run several at once, or signal one. */
export function batonProcess(
  args: readonly string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): { child: ChildProcess; done: Promise<Run & { signal: NodeJS.Signals | null }> } {
  const child = spawn(process.execPath, [BATON, ...args], {
    cwd: options.cwd ?? process.cwd(),
    env: { ...process.env, NO_COLOR: "1", ...options.env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
  child.stderr!.setEncoding("utf8").on("data", (d: string) => (stderr += d));
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code: code ?? -1, stdout, stderr, signal })),
  );
  return { child, done };
}

/**
 * Progress on stderr for a command that runs longer than about two seconds: what it is doing
 * (reading, evaluating, writing) with counts, on one line rewritten in place. Only when
 * stderr is a terminal and the output is not `--json`; piped or scripted runs see nothing.
 * The line is cleared before anything else is printed, so it never mixes with the output.
 */

import { writeSync } from "node:fs";

/** Where progress goes; `undefined` until the command line's entry point turns it on. */
let terminal: NodeJS.WriteStream | undefined;
let started = 0;
let shown = false;
let current = "";
let timer: NodeJS.Timeout | undefined;

/** Quicker commands show nothing; tests set it lower to see the line on a small file. */
const AFTER_MS = Number(process.env.BATON_PROGRESS_AFTER_MS ?? 2000);

/** Turns progress on for this process, when `stream` is a terminal. */
export function enableProgress(stream: NodeJS.WriteStream, argv: readonly string[]): void {
  if (!stream.isTTY || argv.includes("--json")) return;
  terminal = stream;
  started = Date.now();
  // Printing anything else first clears the line, so output never lands after it.
  for (const out of [process.stdout, process.stderr]) {
    const write = out.write.bind(out) as (...a: unknown[]) => boolean;
    out.write = ((...a: unknown[]) => {
      clearLine();
      return write(...a);
    }) as typeof out.write;
  }
  // While the work waits on the disk, the line still appears once two seconds have passed.
  timer = setInterval(() => draw(), 250);
  timer.unref();
  process.once("exit", () => clearLine());
}

/** What the command is doing now, e.g. `reading Check-ins: 120,000 cells`. */
export function progress(text: string): void {
  if (!terminal) return;
  current = text;
  draw();
}

/** The current step is over; the line goes until the next one. */
export function progressDone(): void {
  current = "";
  clearLine();
}

function draw(): void {
  if (!terminal || !current || Date.now() - started < AFTER_MS) return;
  const width = Math.max(20, (terminal.columns ?? 80) - 1);
  const line = `baton: ${current}…`.slice(0, width);
  shown = true;
  writeRaw(`\r\x1b[2K${line}`);
}

function clearLine(): void {
  if (!shown) return;
  shown = false;
  writeRaw("\r\x1b[2K");
}

/** Writes past the clearing wrapper (which would clear the line it is drawing). */
function writeRaw(text: string): void {
  const fd = (terminal as unknown as { fd?: number }).fd ?? 2;
  try {
    writeSync(fd, text);
  } catch {
    // A terminal gone away is no reason to fail the command.
  }
}

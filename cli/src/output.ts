/** Terminal output: colour only on a terminal that wants it, tables that line up, JSON as-is. */
import { Writable } from "node:stream";

export interface Out {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly color: boolean;
}

export function terminalOut(): Out {
  const color =
    Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  return { stdout: process.stdout, stderr: process.stderr, color };
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;
export type Tint = keyof typeof CODES;

/*
 * Colours are written with a private-use character standing for ESC, so that `visibleOut` can
 * show every control character that came from a cell (an ESC in a comment would otherwise
 * drive the terminal) and still let Baton's own colours through.
 */
const COLOUR_ESC = "\ue01b";

export function paint(out: Out, tint: Tint, text: string): string {
  return out.color ? `${COLOUR_ESC}[${CODES[tint]}m${text}${COLOUR_ESC}[0m` : text;
}

/**
 * C0 and C1 control characters (but tab and line feed), DEL, and ESC among them, written
 * visibly as `\x1b`: cell text shown on a terminal can neither colour, move the cursor nor
 * retitle the window.
 */
export function visibleControls(text: string): string {
  return text
    .replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g,
      (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`,
    )
    .replace(/\ue01b(\[\d+m)/g, "\u001b$1");
}

/** `out` with every write made visible by `visibleControls`: for human-readable output, never JSON. */
export function visibleOut(out: Out): Out {
  const wrap = (target: Writable): Writable =>
    new Writable({
      decodeStrings: false,
      write(chunk: string | Buffer, _encoding, done) {
        target.write(visibleControls(String(chunk)));
        done();
      },
    });
  return { stdout: wrap(out.stdout), stderr: wrap(out.stderr), color: out.color };
}

/** Tint of a status word. */
export function statusTint(status: string): Tint {
  switch (status) {
    case "Red":
    case "error":
      return "red";
    case "Amber":
    case "warning":
    case "info":
      return "yellow";
    case "Green":
      return "green";
    case "Done":
      return "blue";
    default:
      return "grey";
  }
}

export function line(out: Out, text = ""): void {
  out.stdout.write(text + "\n");
}

export function json(out: Out, value: unknown): void {
  out.stdout.write(JSON.stringify(value, null, 2) + "\n");
}

/** Cells are plain text; `tints` colours whole columns by their value. Long cells are cut. */
export function table(
  out: Out,
  header: readonly string[],
  rows: readonly (readonly string[])[],
  tints: Record<number, (v: string) => Tint> = {},
  max = 60,
): void {
  const cut = (s: string) => (s.length > max ? s.slice(0, max - 1) + "…" : s).replace(/\s+/g, " ");
  const cells = [header, ...rows].map((r) => r.map(cut));
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  cells.forEach((r, ri) => {
    const text = r
      .map((c, i) => {
        const padded = i === r.length - 1 ? c : c.padEnd(widths[i]!);
        if (ri === 0) return paint(out, "bold", padded);
        const tint = tints[i];
        return tint ? paint(out, tint(c), padded) : padded;
      })
      .join("  ");
    line(out, text.trimEnd());
  });
}

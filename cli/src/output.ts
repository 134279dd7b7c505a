/** Terminal output: colour only on a terminal that wants it, tables that line up, JSON as-is. */
import type { Writable } from "node:stream";

export interface Out {
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly color: boolean;
}

export function terminalOut(): Out {
  const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR && process.env.TERM !== "dumb";
  return { stdout: process.stdout, stderr: process.stderr, color };
}

const CODES = { red: 31, green: 32, yellow: 33, blue: 34, grey: 90, bold: 1 } as const;
export type Tint = keyof typeof CODES;

export function paint(out: Out, tint: Tint, text: string): string {
  return out.color ? `\u001b[${CODES[tint]}m${text}\u001b[0m` : text;
}

/** Tint of a status word. */
export function statusTint(status: string): Tint {
  switch (status) {
    case "Red":
    case "error":
      return "red";
    case "Amber":
    case "warning":
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
export function table(out: Out, header: readonly string[], rows: readonly (readonly string[])[], tints: Record<number, (v: string) => Tint> = {}, max = 60): void {
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

/** Plain words for what Baton did: counts, lists, and errors without stack traces. */
import type { PaneIssue } from "@baton/core";

export function plural(n: number, one: string, many = one + "s"): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "a", "a and b", "a, b and c". */
export function listed(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The message of anything thrown, without "Exception:" or a stack; never longer than a few lines. */
export function errorText(e: unknown): string {
  const raw =
    e !== null && typeof e === "object" && typeof (e as { message?: unknown }).message === "string"
      ? (e as { message: string }).message
      : String(e);
  const text = raw
    .replace(/^(Exception|Error):\s*/i, "")
    .split("\n")[0]!
    .trim();
  return text.length > 300 ? text.slice(0, 299) + "…" : text || "an unexpected error";
}

/** One line per issue, the first `max` of them, for an alert. */
export function issueLines(issues: readonly PaneIssue[], max = 10): string {
  const lines = issues
    .slice(0, max)
    .map((i) => `• ${i.sheet}!${i.cell}: ${i.message}${i.fix ? ` ${i.fix}` : ""}`);
  if (issues.length > max) lines.push(`…and ${plural(issues.length - max, "more issue")}.`);
  return lines.join("\n");
}

const STATUS_ORDER = ["Red", "Amber", "Green", "Done", "Paused"] as const;

/** "2 Red, 1 Amber, 5 Green", worst first; "none" for an empty list. */
export function countsByStatus(items: readonly { readonly status: string }[]): string {
  const by = new Map<string, number>();
  for (const i of items) by.set(i.status, (by.get(i.status) ?? 0) + 1);
  return (
    STATUS_ORDER.filter((s) => by.has(s))
      .map((s) => `${by.get(s)} ${s}`)
      .join(", ") || "none"
  );
}

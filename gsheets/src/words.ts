/** Plain words for what Baton did: counts, lists, and errors without stack traces. */
import { plural, type PaneIssue } from "@baton/core";

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

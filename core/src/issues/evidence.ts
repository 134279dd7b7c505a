/** What contradicts a Green check-in (see engine/false-greens.ts, which finds it). */
export type EvidenceCode =
  "overdue" | "owes-red-handoff" | "awaits-red-handoff" | "behind-pace" | "progress-stalled";

/** One fact that contradicts a Green check-in: its code, the IDs and dates it points at, and the plain words. */
export interface Evidence {
  readonly code: EvidenceCode;
  /** Hand-off IDs; Due; Start and Due; or the three periods. */
  readonly refs: readonly string[];
  /** As the sidebar says it after "You report Green, but". */
  readonly text: string;
}

/**
 * Word lookups built once from the vocabulary tables: status words to RAG and Stage, RAID
 * types, risk responses, KPI directions and hand-off states.
 */
import type { Direction, HandoffState } from "../template/sheets.ts";
import {
  DIRECTION_WORDS,
  HANDOFF_STATE_WORDS,
  LANGUAGES,
  RAID_TYPES,
  RISK_RESPONSES,
  SHORT_STATUS,
  STATUS_WORDS,
  TOTAL_WORDS,
  allWords,
  type Language,
  type RaidType,
  type StatusMeaning,
} from "./vocabulary.ts";
import { fold, lexicon } from "./words.ts";

const STATUS = lexicon(
  STATUS_WORDS.flatMap((g) => allWords(g.words).map((w) => [w, g.meaning] as const)),
);

function table<K extends string>(
  t: Readonly<Record<K, Readonly<Record<Language, readonly string[]>>>>,
): Map<string, K> {
  return lexicon(
    (Object.keys(t) as K[]).flatMap((k) =>
      LANGUAGES.flatMap((l) => t[k][l].map((w) => [w, k] as const)),
    ),
  );
}

const RAID = table(RAID_TYPES);
const RESPONSE = table(RISK_RESPONSES);
const DIRECTION = table(DIRECTION_WORDS);
const STATE = table(HANDOFF_STATE_WORDS);
const TOTALS = new Set(TOTAL_WORDS.map(fold));

const EMOJI: Record<string, StatusMeaning> = {
  "🟢": { stage: "In progress", rag: "Green" },
  "🟡": { stage: "In progress", rag: "Amber" },
  "🟠": { stage: "In progress", rag: "Amber" },
  "🔴": { stage: "In progress", rag: "Red" },
  "✅": { stage: "Done" },
  "✔": { stage: "Done" },
  "✔️": { stage: "Done" },
};

/**
 * What a status cell says. `short` allows one-letter codes (G, A, R) and words that are too
 * common to trust outside a status column. Compound cells ("Amber - at risk", "In progress /
 * Red") combine what their parts say; percentages say Not started (0%), Done (100%) or In
 * progress.
 */
export function statusOf(text: string, short: boolean): StatusMeaning | undefined {
  const trimmed = text.trim();
  const emoji = EMOJI[trimmed] ?? EMOJI[[...trimmed][0] ?? ""];
  if (emoji) return emoji;
  const whole = fold(trimmed);
  const direct = STATUS.get(whole);
  if (direct && (short || !SHORT_STATUS.has(whole))) return direct;
  const pct = /^(\d{1,3})\s*%$/.exec(trimmed);
  if (pct) {
    const n = Number(pct[1]);
    return n === 0
      ? { stage: "Not started" }
      : n >= 100
        ? { stage: "Done" }
        : { stage: "In progress" };
  }
  const parts = trimmed
    .split(/\s+[-–—/|:]\s+|[()[\],;]/)
    .map((p) => fold(p))
    .filter(Boolean);
  if (parts.length < 2) return undefined;
  let stage: StatusMeaning["stage"];
  let implied: StatusMeaning["stage"];
  let rag: StatusMeaning["rag"];
  for (const p of parts) {
    const m = STATUS.get(p);
    if (!m || (!short && SHORT_STATUS.has(p))) continue;
    // A RAG word implies "In progress"; an explicit stage in another part wins.
    if (m.rag) {
      rag ??= m.rag;
      implied ??= m.stage;
    } else stage ??= m.stage;
  }
  stage ??= implied;
  if (!stage && !rag) return undefined;
  return { ...(stage ? { stage } : {}), ...(rag ? { rag } : {}) };
}

export function raidTypeOf(text: string): RaidType | undefined {
  return RAID.get(fold(text));
}

/** A risk response in English; "Akzeptieren/Übertragen" is "Accept/Transfer". */
export function responseOf(text: string): string | undefined {
  const whole = RESPONSE.get(fold(text));
  if (whole) return whole;
  const parts = text
    .split(/[/,;&+]|\s+(?:and|und|et|y|or|oder|ou|o)\s+/i)
    .map((p) => RESPONSE.get(fold(p)));
  if (parts.length > 1 && parts.every(Boolean)) return parts.join("/");
  return undefined;
}

export function directionOf(text: string): Direction | undefined {
  return (
    DIRECTION.get(fold(text)) ??
    (text.trim() === "↑" ? "Increase" : text.trim() === "↓" ? "Decrease" : undefined)
  );
}

export function handoffStateOf(text: string): HandoffState | undefined {
  const s = STATE.get(fold(text));
  if (s) return s;
  const m = statusOf(text, false);
  if (!m?.stage) return undefined;
  return m.stage === "Done"
    ? "Delivered"
    : m.stage === "Cancelled"
      ? "Declined"
      : m.stage === "In progress"
        ? "In progress"
        : "Requested";
}

export function isTotalLabel(text: string): boolean {
  const f = fold(text);
  return TOTALS.has(f) || /^(sub ?total|total|summe|gesamt|zwischensumme|sous total)\b/.test(f);
}

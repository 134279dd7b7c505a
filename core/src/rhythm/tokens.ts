/**
 * Answer tokens: a check-in request mailed to an owner carries a link with a token, and only
 * that link answers it. The token is the host's randomness (Apps Script's `Utilities.getUuid`,
 * twice), so it cannot be guessed; the Baton sheet keeps its SHA-256, never the token itself,
 * so whoever unhides the sheet still cannot answer in the owner's place. A token answers once
 * (it is then marked used, so a second post is told it was answered) and expires after
 * `TOKEN_DAYS`; expired tokens are dropped whenever tokens are written.
 */
import type { Grid } from "../cells/values.ts";
import { sha256Hex } from "../ledger/seal.ts";
import { stateValueIn, stateWrites } from "../ledger/state.ts";
import type { WriteOp } from "../ports/plan.ts";

export const TOKENS_KEY = "Answer tokens";
/** How long a check-in link stays good: a week covers the period it asks about. */
export const TOKEN_DAYS = 7;
const DAY_MS = 86_400_000;

export interface AnswerToken {
  /** The initiative asked about. */
  readonly id: string;
  readonly period: string;
  /** The person asked, as People names them, and their address. */
  readonly name: string;
  readonly email: string;
  /** ISO instants. */
  readonly expires: string;
  readonly used?: string;
}

/** Token hash → what it answers. */
export type Tokens = Readonly<Record<string, AnswerToken>>;

/** What a link's token must look like: at least 128 bits of letters and digits. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{32,128}$/;

export const isTokenShaped = (token: string): boolean => TOKEN_SHAPE.test(token);

export const tokenHash = (token: string): string => sha256Hex(`baton-answer-v1\n${token}`);

const isEntry = (v: unknown): v is AnswerToken => {
  if (!v || typeof v !== "object") return false;
  const o = v as Record<string, unknown>;
  return (
    ["id", "period", "name", "email", "expires"].every((k) => typeof o[k] === "string") &&
    (o.used === undefined || typeof o.used === "string")
  );
};

/** The tokens kept in a Baton sheet's grid; a value Baton cannot read keeps none (links fail safe). */
export function tokensIn(grid: Grid | undefined | null): Tokens {
  const raw = stateValueIn(grid ?? undefined, TOKENS_KEY);
  if (!raw) return {};
  try {
    const v = JSON.parse(raw) as unknown;
    if (!v || typeof v !== "object") return {};
    return Object.fromEntries(Object.entries(v).filter(([, e]) => isEntry(e)));
  } catch {
    return {};
  }
}

/** The tokens still good or still worth recognising at `now`. */
export function unexpired(tokens: Tokens, now: Date): Record<string, AnswerToken> {
  const t = now.getTime();
  return Object.fromEntries(Object.entries(tokens).filter(([, e]) => Date.parse(e.expires) > t));
}

/** The plan that keeps `tokens` in the Baton sheet, without those expired at `now`. */
export function tokenWrites(grid: Grid | undefined | null, tokens: Tokens, now: Date): WriteOp[] {
  const kept = unexpired(tokens, now);
  const sorted = Object.fromEntries(
    Object.keys(kept)
      .sort()
      .map((k) => [k, kept[k]!]),
  );
  return stateWrites(grid ?? undefined, TOKENS_KEY, JSON.stringify(sorted));
}

/** A new token's entry, good for `TOKEN_DAYS` from `now`. */
export function tokenEntry(
  ask: {
    readonly id: string;
    readonly period: string;
    readonly name: string;
    readonly email: string;
  },
  now: Date,
): AnswerToken {
  return { ...ask, expires: new Date(now.getTime() + TOKEN_DAYS * DAY_MS).toISOString() };
}

export type TokenCheck =
  | { readonly ok: true; readonly hash: string; readonly entry: AnswerToken }
  | { readonly ok: false; readonly why: "unknown" }
  | { readonly ok: false; readonly why: "expired" | "used"; readonly entry: AnswerToken };

/** Whether `token` answers a request at `now`. A malformed or forged token is simply unknown. */
export function checkToken(tokens: Tokens, token: string, now: Date): TokenCheck {
  if (!isTokenShaped(token)) return { ok: false, why: "unknown" };
  const hash = tokenHash(token);
  const entry = Object.prototype.hasOwnProperty.call(tokens, hash) ? tokens[hash] : undefined;
  if (!entry) return { ok: false, why: "unknown" };
  if (entry.used) return { ok: false, why: "used", entry };
  if (!(Date.parse(entry.expires) > now.getTime())) return { ok: false, why: "expired", entry };
  return { ok: true, hash, entry };
}

/**
 * The anchor: what the document's own hidden storage remembers about the ledger, so that
 * rewriting the whole chain (every seal recomputed after an edit) or cutting rows off its end
 * is seen. It is a small JSON object, far below the 9 KB a Sheets document property holds:
 *
 *     {"v":1,"rows":81,"through":"2026-W47","seal":"9f86d0…","zone":"Europe/Berlin"}
 *
 * `rows` is the number of sealed rows, `seal` the newest seal, `through` the last closed period,
 * and `zone` the time zone the seals read date-times in, fixed at the first close so that a
 * later change of the Time Zone setting cannot change old seals.
 */
import { parsePeriod, formatPeriod } from "../template/periods.ts";
import { isValidZone } from "../cells/dates.ts";

export interface LedgerAnchor {
  readonly rows: number;
  readonly seal: string;
  readonly through: string;
  readonly zone: string;
  /** The closer's Ed25519 public key (64 hex digits), when the close was signed. */
  readonly key?: string;
  /** The signature (128 hex digits) over the other fields; see signature.ts. */
  readonly signature?: string;
}

export const ANCHOR_VERSION = 1;

export function formatAnchor(a: LedgerAnchor): string {
  return JSON.stringify({
    v: ANCHOR_VERSION,
    rows: a.rows,
    through: a.through,
    seal: a.seal,
    zone: a.zone,
    ...(a.key !== undefined && a.signature !== undefined ? { key: a.key, sig: a.signature } : {}),
  });
}

/** Reads a stored anchor; undefined when the text is not an anchor Baton wrote. */
export function parseAnchor(text: string): LedgerAnchor | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== "object" || raw === null) return undefined;
  const o = raw as Record<string, unknown>;
  const { v, rows, through, seal, zone, key, sig } = o;
  if (v !== ANCHOR_VERSION) return undefined;
  if (typeof rows !== "number" || !Number.isInteger(rows) || rows < 0) return undefined;
  if (typeof seal !== "string" || !/^[0-9a-f]{64}$/.test(seal)) return undefined;
  if (typeof through !== "string") return undefined;
  const p = parsePeriod(through);
  if (!p || formatPeriod(p) !== through) return undefined;
  if (typeof zone !== "string" || !isValidZone(zone)) return undefined;
  // A signature is kept as written: a malformed one is reported by verify, not dropped here.
  if (typeof key === "string" && typeof sig === "string")
    return { rows, seal, through, zone, key, signature: sig };
  return { rows, seal, through, zone };
}

/**
 * The closer's signing key in Google Sheets: kept in the closer's own User Properties (private
 * to that user and this script, never in the spreadsheet), under `baton.closingKey`, as the 64
 * hex digits of an Ed25519 secret key. Baton does not create one here: Apps Script has no
 * source of randomness fit for a key. A user who closes in Sheets puts the key there (the same
 * key file the command line uses), and the public key in Settings' Closers.
 */
import type { ClosingKey } from "@baton/core";

export const CLOSING_KEY_PROPERTY = "baton.closingKey";

/** The key in the user's properties; null when there is none or it is not a key. */
export function closingKeyIn(
  properties: GoogleAppsScript.Properties.Properties | undefined,
): ClosingKey | null {
  const hex = properties?.getProperty(CLOSING_KEY_PROPERTY)?.trim().toLowerCase() ?? "";
  if (!/^[0-9a-f]{64}$/.test(hex)) return null;
  const secretKey = new Uint8Array(32);
  for (let i = 0; i < 32; i++) secretKey[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return { secretKey };
}

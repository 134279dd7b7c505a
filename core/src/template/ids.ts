/**
 * IDs: a prefix, a dash and digits (`OBJ-1`, `KPI-12`, `INI-007`, `DEP-3`). Each sheet has
 * its own prefix, so an ID in a Check-ins row tells by itself whether it points at an
 * initiative or a KPI.
 */
import * as z from "zod/mini";

export const ID_PREFIX = {
  objective: "OBJ",
  kpi: "KPI",
  initiative: "INI",
  handoff: "DEP",
} as const;

export type IdKind = keyof typeof ID_PREFIX;
export type IdPrefix = (typeof ID_PREFIX)[IdKind];

const ANY_ID = /^[A-Za-z][A-Za-z0-9]*-\d+$/;

/** The zod schema of an ID with the given prefix. */
export const idSchema = (prefix: IdPrefix) =>
  z.string().check(z.regex(new RegExp(`^${prefix}-\\d+$`), `an ID like ${prefix}-1`));

/** True when the text has the shape of any ID (some prefix, a dash, digits). */
export function looksLikeId(text: string): boolean {
  return ANY_ID.test(text);
}

export function hasPrefix(id: string, prefix: IdPrefix): boolean {
  if (id.length <= prefix.length + 1 || !id.startsWith(prefix)) return false;
  if (id.charCodeAt(prefix.length) !== 45) return false;
  // Digits only after the dash, looked at in place (every cell of an ID column comes here).
  for (let i = prefix.length + 1; i < id.length; i++) {
    const c = id.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** Which sheet's ID this is, from its prefix. */
export function idKind(id: string): IdKind | undefined {
  for (const kind of Object.keys(ID_PREFIX) as IdKind[])
    if (hasPrefix(id, ID_PREFIX[kind])) return kind;
  return undefined;
}

/** A Workbook name (Settings): letters, digits and dashes, up to 40, starting with a letter or digit. */
export const WORKBOOK_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,39}$/;

/**
 * Another workbook's ID as a hand-off names it, `dev:INI-7` (spaces around the colon allowed):
 * the Workbook name and the ID, or undefined when the text is not of that shape.
 */
export function qualifiedRef(text: string): { workbook: string; id: string } | undefined {
  const colon = text.indexOf(":");
  if (colon < 0) return undefined;
  const workbook = text.slice(0, colon).trim();
  const id = text.slice(colon + 1).trim();
  return WORKBOOK_NAME.test(workbook) && looksLikeId(id) ? { workbook, id } : undefined;
}

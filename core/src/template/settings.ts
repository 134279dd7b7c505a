/**
 * The Settings sheet: Key / Value rows, every key optional with a default.
 *
 * Holidays may be listed one per row (the key repeated) or several in one cell separated by
 * commas or semicolons. Template Version is written by Baton; a workbook without it is
 * version 1.
 */
import * as z from "zod/mini";
import { CADENCE, TEMPLATE_VERSION } from "./sheets.ts";

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const SettingsSchema = z.object({
  timeZone: z._default(z.string(), "UTC"),
  cadence: z._default(z.enum(CADENCE), "Weekly"),
  /** Business days before Needed By in which a still-Requested hand-off turns Amber. */
  amberWindow: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(260)), 5),
  /** Closed periods without a check-in after which an initiative is stale. */
  staleAfter: z._default(z.number().check(z.int(), z.minimum(0), z.maximum(520)), 1),
  holidays: z._default(z.array(isoDate), []),
  currentPeriod: z._default(z.nullable(z.string()), null),
  templateVersion: z._default(z.number().check(z.int(), z.minimum(1)), 1),
  /**
   * The public keys allowed to close periods, as `name:hex` entries (Ed25519, 64 hex digits)
   * separated by commas, semicolons or line breaks; the key may be repeated, one closer a row.
   */
  closers: z._default(z.array(z.string()), []),
  /**
   * The workbook's short name in a portfolio (`support`, `dev`): letters, digits and dashes.
   * Other workbooks' hand-offs name its initiatives as `support:INI-1`.
   */
  workbook: z._default(z.nullable(z.string()), null),
});

export type Settings = z.infer<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = SettingsSchema.parse({});

/** Setting keys as they appear in the sheet, by record key. */
export const SETTING_KEYS = {
  timeZone: "Time Zone",
  cadence: "Cadence",
  amberWindow: "Amber Window",
  staleAfter: "Stale After",
  holidays: "Holidays",
  currentPeriod: "Current Period",
  templateVersion: "Template Version",
  closers: "Closers",
  workbook: "Workbook",
} as const satisfies Record<keyof Settings, string>;

export type SettingKey = keyof Settings;

const normalise = (s: string) =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, " ");
const BY_LABEL = new Map<string, SettingKey>(
  (Object.entries(SETTING_KEYS) as [SettingKey, string][]).map(([k, label]) => [
    normalise(label),
    k,
  ]),
);
BY_LABEL.set("holiday", "holidays");
BY_LABEL.set("timezone", "timeZone");
BY_LABEL.set("closer", "closers");

/** The setting a Key cell names, tolerant of case, spacing and "Holiday" for "Holidays". */
export function settingKeyOf(label: string): SettingKey | undefined {
  return BY_LABEL.get(normalise(label));
}

export { TEMPLATE_VERSION };

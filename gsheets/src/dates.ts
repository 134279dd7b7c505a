/**
 * Dates at the Sheets edge. Apps Script gives a date cell as the instant at which the wall clock
 * of the spreadsheet's time zone shows the cell's value; the serial is that wall-clock time
 * counted in days from 1899-12-30.
 */
import { IANAZone } from "luxon";

const MS_PER_DAY = 86400000;
/** Serial of 1970-01-01. */
const SERIAL_UNIX_EPOCH = 25569;

/** The serial a date cell holds, from the Date `getValues` gave for it; NaN for an invalid Date. */
export function serialFromInstant(instant: Date, zone: string): number {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) return NaN;
  const z = IANAZone.create(zone);
  // Offset in minutes at that instant (0 for a zone luxon cannot load: UTC, rather than a throw).
  const offset = z.isValid ? z.offset(ms) : 0;
  return (ms + offset * 60000) / MS_PER_DAY + SERIAL_UNIX_EPOCH;
}

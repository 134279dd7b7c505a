/** What a host hands an action besides what it read: the moment, the user's answers, the words for the document. */
import { todayIn, type IsoDate } from "../cells/dates.ts";
import type { ClosingKey } from "../ledger/signature.ts";
import type { TemplateContent } from "../template/write.ts";
import type { MigrationSource } from "../migrate/source.ts";

export interface ActionInput {
  /** The instant the user acted; statuses are judged as of its day in the workbook's zone. */
  readonly now: Date;
  /** The day to judge as of, when the user named one (`baton status --as-of`); else `now`'s day. */
  readonly asOf?: IsoDate;
  /** What the user calls the document: "this spreadsheet", "this workbook", a file's name. */
  readonly place?: string;
  /** The user's time zone: a new template's Settings, a migration's dates. */
  readonly timeZone?: string;
  /** The user's answer: the period to close; to a migration's review, "yes", "no" or "cancel". */
  readonly answer?: string;
  /** The sheet to migrate, with its merged ranges, as the host read it. */
  readonly source?: MigrationSource;
  /** What a new template holds (the preview sets up the demo plan); empty by default. */
  readonly content?: TemplateContent;
  /**
   * The closer's signing key, which the host keeps outside the workbook (a key file, the user's
   * own properties or storage); without it a close is unsigned, and refused where Settings
   * lists Closers. `keyName` names it when the first signed close lists it among the Closers.
   */
  readonly key?: ClosingKey;
  readonly keyName?: string;
  /**
   * The signed-in user's email address, where the host can say (Google Sheets): a gate
   * decision with no Decided By is recorded in their name, matched through People.
   */
  readonly signedIn?: string;
  /** An anchor the user kept elsewhere (`baton verify --anchor`): the sealed rows up to it must be unchanged. */
  readonly keptAnchor?: string;
}

export const placeOf = (input: ActionInput): string => input.place ?? "this workbook";

/** The day statuses are judged as of: the one named, else today in the workbook's zone. */
export const asOfIn = (zone: string, input: ActionInput): IsoDate =>
  input.asOf ?? todayIn(zone, input.now);

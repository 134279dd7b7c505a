/**
 * The Baton template: every sheet and column of DESIGN.md, described once.
 *
 * Each column names its header, the record key it fills, how a cell is read (`kind`), and the
 * zod schema of the value once read. The record schemas (and so the record types) are built
 * from these columns, so adding a column is one line. Computed columns are written by Baton and
 * ignored when a workbook is read, except the check-in Seal, which the ledger reads.
 *
 * Later template versions add columns as optional with a default (see `TEMPLATE_VERSION`):
 * a column marked `since` is read as blank where a workbook lacks it, and a sheet listed in
 * `OPTIONAL_SHEETS` as empty, so a version 1 workbook still reads (validation says once how to
 * upgrade it, see core/src/template/upgrade.ts).
 */
import * as z from "zod/mini";
import { ID_PREFIX, idSchema, type IdPrefix } from "./ids.ts";

export const TEMPLATE_VERSION = 2;

export const SHEET = {
  objectives: "Objectives",
  kpis: "KPIs",
  initiatives: "Initiatives",
  handoffs: "Hand-offs",
  checkins: "Check-ins",
  settings: "Settings",
  gateDecisions: "Gate Decisions",
} as const;

export type SheetKey = keyof typeof SHEET;
export type SheetName = (typeof SHEET)[SheetKey];

/**
 * Sheets a later template version added: a workbook without them still reads (as if empty),
 * and actions that need the template do not refuse it.
 */
export const OPTIONAL_SHEETS: ReadonlySet<SheetKey> = new Set<SheetKey>(["gateDecisions"]);

/** Prefix of board summary sheets: `Board Summary 2026-W48`. */
export const BOARD_SUMMARY_PREFIX = "Board Summary";

export const RAG = ["Green", "Amber", "Red"] as const;
export const STAGE = ["Not started", "In progress", "On hold", "Done", "Cancelled"] as const;
export const HANDOFF_STATE = [
  "Requested",
  "Accepted",
  "In progress",
  "Delivered",
  "Declined",
] as const;
export const DIRECTION = ["Increase", "Decrease"] as const;
export const DECISION = ["Approved", "Rejected", "Returned"] as const;
export const ROLE = ["Owner", "Sponsor", "Controller"] as const;
/** Gates 1 to 5, by level; every initiative starts at 1. */
export const GATE_NAMES = [
  "Identified",
  "Evaluated",
  "Approved",
  "Implemented",
  "Realised",
] as const;
export const CADENCE = ["Weekly", "Monthly"] as const;

export type Rag = (typeof RAG)[number];
export type Stage = (typeof STAGE)[number];
export type HandoffState = (typeof HANDOFF_STATE)[number];
export type Direction = (typeof DIRECTION)[number];
export type Decision = (typeof DECISION)[number];
export type Role = (typeof ROLE)[number];

/** How a cell of the column is read. */
export type CellKind =
  | { readonly type: "id"; readonly prefix: IdPrefix }
  | {
      readonly type: "ref";
      readonly prefixes: readonly IdPrefix[];
      /** Also another workbook's ID, qualified by its Workbook name: `dev:INI-7`. */
      readonly qualified?: boolean;
    }
  | { readonly type: "text" }
  | { readonly type: "date" }
  | { readonly type: "datetime" }
  | { readonly type: "number" }
  | { readonly type: "percent" }
  | { readonly type: "enum"; readonly values: readonly string[] }
  | { readonly type: "period" }
  | { readonly type: "computed" };

export interface Column<K extends string = string, S extends z.ZodMiniType = z.ZodMiniType> {
  readonly header: string;
  readonly key: K;
  readonly kind: CellKind;
  /** Schema of the value once read; blank cells read as null. */
  readonly schema: S;
  readonly required: boolean;
  /** Written by Baton, never typed. */
  readonly computed: boolean;
  /** Spreadsheet number format Baton applies to the column. */
  readonly numberFormat?: string;
  /** Column width in characters, for hosts that size columns. */
  readonly width: number;
  /**
   * The template version that added the column: where a workbook lacks it, it reads as blank
   * (no missing-column issue) until the workbook is upgraded.
   */
  readonly since?: number;
}

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "an ISO date"));
const isoDateTime = z
  .string()
  .check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/, "an ISO date-time"));
const period = z
  .string()
  .check(z.regex(/^\d{4}-(W\d{2}|\d{2})$/, "a period like 2026-W48 or 2026-11"));

export const DATE_FORMAT = "yyyy-mm-dd";
export const DATETIME_FORMAT = "yyyy-mm-dd hh:mm";
export const PERCENT_FORMAT = "0%";
export const TEXT_FORMAT = "@";

type Opts = { required?: boolean; width?: number; qualified?: boolean; since?: number };

function col<K extends string, S extends z.ZodMiniType>(
  header: string,
  key: K,
  kind: CellKind,
  schema: S,
  opts: Opts & { computed?: boolean; numberFormat?: string } = {},
): Column<K, S> {
  return {
    header,
    key,
    kind,
    schema,
    required: opts.required ?? false,
    computed: opts.computed ?? false,
    width: opts.width ?? Math.max(12, header.length + 4),
    ...(opts.since ? { since: opts.since } : {}),
    ...(opts.numberFormat ? { numberFormat: opts.numberFormat } : {}),
  };
}

const id = <K extends string>(key: K, prefix: IdPrefix) =>
  col("ID", key, { type: "id", prefix }, idSchema(prefix), {
    required: true,
    width: 10,
    numberFormat: TEXT_FORMAT,
  });
const ref = <K extends string>(
  header: string,
  key: K,
  prefixes: readonly IdPrefix[],
  opts: Opts = {},
) =>
  col(
    header,
    key,
    { type: "ref", prefixes, ...(opts.qualified ? { qualified: true } : {}) },
    z.nullable(z.string()),
    { width: 14, ...opts, numberFormat: TEXT_FORMAT },
  );
const text = <K extends string>(header: string, key: K, opts: Opts = {}) =>
  col(header, key, { type: "text" }, z.nullable(z.string()), opts);
const date = <K extends string>(header: string, key: K, opts: Opts = {}) =>
  col(header, key, { type: "date" }, z.nullable(isoDate), {
    width: 13,
    ...opts,
    numberFormat: DATE_FORMAT,
  });
const number = <K extends string>(header: string, key: K, opts: Opts = {}) =>
  col(header, key, { type: "number" }, z.nullable(z.number()), opts);
const oneOf = <K extends string, V extends readonly [string, ...string[]]>(
  header: string,
  key: K,
  values: V,
  opts: Opts = {},
) => col(header, key, { type: "enum", values }, z.nullable(z.enum(values)), opts);
/** Computed columns have no input schema: nothing typed there is read. */
const computed = <K extends string>(header: string, key: K, width = 14, since?: number) =>
  col(header, key, { type: "computed" }, z.never(), {
    computed: true,
    width,
    ...(since ? { since } : {}),
  });

export const OBJECTIVE_COLUMNS = [
  id("id", ID_PREFIX.objective),
  text("Objective", "name", { required: true, width: 40 }),
  text("Owner", "owner", { required: true }),
  date("Target Date", "targetDate"),
  text("Notes", "notes", { width: 30 }),
  computed("Status", "status", 10),
  computed("Reasons", "reasons", 40),
] as const;

export const KPI_COLUMNS = [
  id("id", ID_PREFIX.kpi),
  ref("Objective ID", "objectiveId", [ID_PREFIX.objective], { required: true }),
  text("KPI", "name", { required: true, width: 34 }),
  text("Unit", "unit", { width: 10 }),
  oneOf("Direction", "direction", DIRECTION, { required: true }),
  number("Baseline", "baseline", { required: true }),
  number("Target", "target", { required: true }),
  date("Target Date", "targetDate", { required: true }),
  text("Owner", "owner"),
  computed("Latest", "latest", 10),
  computed("Forecast", "forecast", 10),
  computed("Status", "status", 10),
] as const;

export const INITIATIVE_COLUMNS = [
  id("id", ID_PREFIX.initiative),
  ref("Objective ID", "objectiveId", [ID_PREFIX.objective], { required: true }),
  text("Initiative", "name", { required: true, width: 40 }),
  text("Team", "team", { required: true }),
  text("Owner", "owner", { required: true }),
  date("Start", "start"),
  date("Due", "due", { required: true }),
  oneOf("Stage", "stage", STAGE, { required: true }),
  text("Sponsor", "sponsor", { since: 2 }),
  text("Controller", "controller", { since: 2 }),
  number("Planned Value", "plannedValue", { since: 2, width: 14 }),
  text("Value Unit", "valueUnit", { since: 2, width: 11 }),
  computed("Status", "status", 10),
  computed("Root Cause", "rootCause", 30),
  computed("Last Check-in", "lastCheckin", 14),
  computed("Gate", "gate", 14, 2),
  computed("Confirmed Value", "confirmedValue", 16, 2),
] as const;

export const HANDOFF_COLUMNS = [
  id("id", ID_PREFIX.handoff),
  ref("From Initiative", "from", [ID_PREFIX.initiative], {
    required: true,
    width: 16,
    qualified: true,
  }),
  ref("To Initiative", "to", [ID_PREFIX.initiative], { required: true, qualified: true }),
  text("Deliverable", "deliverable", { required: true, width: 36 }),
  date("Needed By", "neededBy", { required: true }),
  date("Committed Date", "committedDate", { width: 16 }),
  date("Delivered On", "deliveredOn"),
  oneOf("State", "state", HANDOFF_STATE, { required: true }),
  text("Owner", "owner", { required: true }),
  computed("Status", "status", 10),
  computed("Days Late", "daysLate", 10),
  computed("Blocks", "blocks", 8),
] as const;

export const CHECKIN_COLUMNS = [
  col("Period", "period", { type: "period" }, period, {
    required: true,
    width: 11,
    numberFormat: TEXT_FORMAT,
  }),
  col(
    "ID",
    "id",
    { type: "ref", prefixes: [ID_PREFIX.initiative, ID_PREFIX.kpi] },
    z.string().check(z.regex(/^(INI|KPI)-\d+$/)),
    {
      required: true,
      width: 10,
      numberFormat: TEXT_FORMAT,
    },
  ),
  oneOf("RAG", "rag", RAG, { width: 8 }),
  col(
    "Progress %",
    "progress",
    { type: "percent" },
    z.nullable(z.number().check(z.minimum(0), z.maximum(1))),
    { numberFormat: PERCENT_FORMAT },
  ),
  number("Actual", "actual", { width: 10 }),
  text("Comment", "comment", { width: 40 }),
  text("Path to Green", "pathToGreen", { width: 36 }),
  text("Reported By", "reportedBy", { width: 16 }),
  col("Reported At", "reportedAt", { type: "datetime" }, z.nullable(isoDateTime), {
    width: 17,
    numberFormat: DATETIME_FORMAT,
  }),
  col("Seal", "seal", { type: "text" }, z.nullable(z.string()), { computed: true, width: 20 }),
] as const;

export const SETTINGS_COLUMNS = [
  text("Key", "key", { required: true, width: 18 }),
  col("Value", "value", { type: "text" }, z.unknown(), { width: 24 }),
] as const;

/** Gate Decisions (template version 2): append-only, sealed at close with the check-ins. */
export const GATE_DECISION_COLUMNS = [
  date("Date", "date", { required: true }),
  ref("ID", "id", [ID_PREFIX.initiative], { required: true, width: 10 }),
  number("Gate", "gate", { required: true, width: 7 }),
  oneOf("Decision", "decision", DECISION, { required: true, width: 11 }),
  text("Decided By", "decidedBy", { required: true, width: 16 }),
  oneOf("Role", "role", ROLE, { required: true, width: 11 }),
  text("Evidence", "evidence", { width: 36 }),
  number("Confirmed Value", "confirmedValue", { width: 16 }),
  col("Seal", "seal", { type: "text" }, z.nullable(z.string()), { computed: true, width: 20 }),
] as const;

/** Columns by sheet, in template order. */
export const COLUMNS = {
  objectives: OBJECTIVE_COLUMNS,
  kpis: KPI_COLUMNS,
  initiatives: INITIATIVE_COLUMNS,
  handoffs: HANDOFF_COLUMNS,
  checkins: CHECKIN_COLUMNS,
  settings: SETTINGS_COLUMNS,
  gateDecisions: GATE_DECISION_COLUMNS,
} as const satisfies Record<SheetKey, readonly Column[]>;

type ShapeOf<C extends readonly Column[]> = {
  [E in C[number] as E["schema"] extends z.ZodMiniNever ? never : E["key"]]: E["schema"];
};

/** The zod object of a sheet's typed columns (computed ones left out), plus the sheet row. */
function recordSchema<C extends readonly Column[]>(columns: C) {
  const shape: Record<string, z.ZodMiniType> = { row: z.number().check(z.int(), z.minimum(2)) };
  for (const c of columns) if (c.kind.type !== "computed") shape[c.key] = c.schema;
  return z.object(shape as ShapeOf<C> & { row: z.ZodMiniNumber });
}

export const ObjectiveSchema = recordSchema(OBJECTIVE_COLUMNS);
export const KpiSchema = recordSchema(KPI_COLUMNS);
export const InitiativeSchema = recordSchema(INITIATIVE_COLUMNS);
export const HandoffSchema = recordSchema(HANDOFF_COLUMNS);
export const CheckinSchema = recordSchema(CHECKIN_COLUMNS);
export const GateDecisionSchema = recordSchema(GATE_DECISION_COLUMNS);

/** One row of a sheet as read: its values and its 1-based sheet row. IDs are always present. */
export type Objective = z.infer<typeof ObjectiveSchema>;
export type Kpi = z.infer<typeof KpiSchema>;
export type Initiative = z.infer<typeof InitiativeSchema>;
export type Handoff = z.infer<typeof HandoffSchema>;
export type Checkin = z.infer<typeof CheckinSchema>;
export type GateDecision = z.infer<typeof GateDecisionSchema>;

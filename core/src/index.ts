/**
 * Baton's core: pure TypeScript that runs unchanged in Apps Script, the Excel task pane and
 * Node. It never calls a host; hosts read grids, call these functions, and apply the write
 * plans they return.
 */
export type { CellValue, Grid, Grids } from "./cells/values.ts";
export { isBlank, isErrorValue, isFormulaLike, describeValue } from "./cells/values.ts";
export { a1, a1Range, columnLetters, columnNumber } from "./cells/a1.ts";
export { groupRepeatedIssues, rowsText, GROUP_FROM, type IssueEntry } from "./issues/repeated.ts";
export {
  decimalsOf,
  mostDecimals,
  numberForPeople,
  numberFormatFor,
  MAX_DECIMALS,
} from "./cells/precision.ts";
export {
  type IsoDate,
  type IsoLocalDateTime,
  isoFromSerial,
  serialFromIso,
  localDateTimeFromSerial,
  serialFromLocalDateTime,
  isoFromInstant,
  todayIn,
  isValidZone,
  daysFromIso,
  isoFromDays,
} from "./cells/dates.ts";

export * from "./template/sheets.ts";
export { ID_PREFIX, idKind, hasPrefix, type IdKind } from "./template/ids.ts";
export {
  SettingsSchema,
  DEFAULT_SETTINGS,
  SETTING_KEYS,
  type Settings,
} from "./template/settings.ts";
export {
  type Period,
  type Cadence,
  parsePeriod,
  formatPeriod,
  periodOf,
  periodStart,
  periodEnd,
  nextPeriod,
  previousPeriod,
  comparePeriods,
  periodsBetween,
} from "./template/periods.ts";
export { templatePlan, type TemplateContent, type SheetRows } from "./template/write.ts";
export { demoContent, type DemoOptions } from "./template/demo.ts";
export { demoPortfolioContent, DEMO_WORKBOOKS } from "./template/demo-portfolio.ts";

export {
  readWorkbook,
  findSheet,
  sheetsOf,
  locate,
  type Workbook,
  type SheetLayout,
  type ReadResult,
} from "./workbook/read.ts";
export {
  validateWith,
  type Validation,
  type ExtraRule,
  type GridRule,
} from "./validate/validate.ts";
export { validateGrids, type ValidateOptions } from "./ledger/validation.ts";
export { closedThrough } from "./validate/rules.ts";
export {
  makeIssue,
  hasErrors,
  type ValidationIssue,
  type IssueCode,
  type Severity,
  type IssueLocation,
} from "./issues/issues.ts";

export { graphOf, topoSort, cycles, type Graph, type Cycle } from "./engine/graph.ts";
export {
  evaluate,
  type Evaluation,
  type EvaluateOptions,
  type ObjectiveEvaluation,
  type KpiEvaluation,
  type InitiativeEvaluation,
  type HandoffEvaluation,
} from "./engine/evaluate.ts";
export { statusPlan } from "./engine/status-plan.ts";
export {
  REASONS,
  isInherited,
  severityOf,
  describeReason,
  worstFirst,
  worstHandoffFirst,
  STATUS_ORDER,
  STATUSES,
  countsByStatus,
  type Reason,
  type ReasonCode,
  type Status,
} from "./engine/reasons.ts";
export { calendarOf, type Calendar } from "./engine/calendar.ts";

export type { Host } from "./ports/host.ts";
export { MemoryHost, ProtectedCellError, type MemorySheet } from "./ports/memory-host.ts";
export {
  type WritePlan,
  type WriteOp,
  type PlanValue,
  type Rect,
  type CellFormat,
  STATUS_FILL,
  GATE_FILL,
  HEADER_FORMAT,
  LAST_ROW,
  splitValues,
} from "./ports/plan.ts";

export {
  closePeriod,
  type CloseInput,
  type CloseResult,
  type CloseRefusal,
} from "./ledger/close.ts";
export {
  verifyLedger,
  type LedgerVerification,
  type LedgerBreak,
  type VerifyOptions,
} from "./ledger/verify.ts";
export type { BreakReason } from "./ledger/chain.ts";
export { parseAnchor, formatAnchor, type LedgerAnchor } from "./ledger/anchor.ts";
export {
  canonicalRow,
  canonicalCell,
  canonicalNumber,
  SEALED_COLUMNS,
} from "./ledger/canonical.ts";
export {
  sealOf,
  sha256Hex,
  formatSeal,
  parseSeal,
  GENESIS_SEAL,
  type SealCell,
} from "./ledger/seal.ts";
export { utf8Bytes } from "./ledger/utf8.ts";
export * from "./actions/index.ts";
export { plural, listed } from "./text/plural.ts";
export {
  signAnchor,
  publicKeyOf,
  anchorSignatureValid,
  parseClosers,
  type ClosingKey,
  type Closer,
} from "./ledger/signature.ts";
export { closersOf } from "./ledger/trust.ts";
export {
  BATON_SHEET,
  ANCHOR_LABEL,
  ANCHOR_CELL,
  anchorInStateGrid,
  isBatonSheet,
} from "./ledger/state.ts";
export {
  liveContext,
  checkinRowIssues,
  checkinEditIssues,
  type LiveContext,
} from "./actions/live.ts";
export {
  paneState,
  paneStateOf,
  handoffsAtRisk,
  initiativeCounts,
  type PaneInput,
  type PaneStateInput,
} from "./actions/pane.ts";
export type {
  Backend,
  PaneState,
  PaneIssue,
  PaneHandoff,
  PaneAction,
  PaneStatus,
  ActionOutcome,
  Question,
} from "./ports/pane.ts";
export { checkinIndex, checkinRowRules, type CheckinIndex } from "./validate/rules.ts";
export { readCheckinRow } from "./workbook/read.ts";
export {
  migrate,
  parseMappingFile,
  MappingFileSchema,
  MappingColumnSchema,
  migrationVocabularyDoc,
  KINDS as MIGRATION_KINDS,
  FIELDS as MIGRATION_FIELDS,
  type MigrateOptions,
  type Migration,
  type MigrationSource,
  type MigrationReport,
  type RowReport,
  type RowOutcome,
  type MigrationWarning,
  type MigrationKind,
  type MappingFile,
  type FieldKey as MigrationField,
} from "./migrate/index.ts";
export {
  summarize,
  SUMMARY_LIMITS,
  type BoardSummary,
  type SummaryOptions,
  type StatusCounts,
  type CountLine,
  type Headline,
  type Change,
  type ChangeKind,
  type Decision,
  type Ask,
  type ObjectiveLine,
  type KpiLine,
  type HandoffLine,
  type StaleLine,
  type Party,
  type RootCause,
} from "./summary/model.ts";
export type { TrendPoint } from "./summary/trend.ts";
export {
  summaryPlan,
  summarySheetName,
  SUMMARY_MAX_ROWS,
  SUMMARY_WIDTH,
  CELL_TEXT_LIMIT,
} from "./summary/grid.ts";
export { summaryMarkdown } from "./summary/markdown.ts";
export { headlineText } from "./summary/words.ts";
export { summaryHtml } from "./summary/html.ts";
export { escapeHtml, escapeMarkdown } from "./summary/escape.ts";
export {
  MAPPING_SHEET,
  IMPORT_REPORT_SHEET,
  mappingSheetPlan,
  readMappingSheet,
  importReportPlan,
} from "./actions/migration-sheets.ts";
export {
  falseGreenContext,
  judgeCheckins,
  latestFalseGreens,
  PACE_TOLERANCE,
  STALL_PERIODS,
  type Evidence,
  type EvidenceCode,
  type FalseGreen,
  type FalseGreenContext,
} from "./engine/false-greens.ts";
export { falseGreenLines, type FalseGreenLine } from "./summary/false-greens.ts";
export { VALUE_LIMITS, GATE_NAMES, valueSection } from "./summary/value.ts";
export * from "./portfolio/index.ts";
export * from "./rhythm/index.ts";
export { stateValueIn, stateWrites, STATE_FIRST_ROW } from "./ledger/state.ts";
export { upgradePlan, UPGRADE_READS, type Upgrade } from "./template/upgrade.ts";
export {
  judgeGates,
  deciderOf,
  inOrder,
  sameName,
  FIRST_GATE,
  LAST_GATE,
  type Gates,
  type GateStanding,
} from "./governance/gates.ts";
export { type InitiativeValue, type ObjectiveValue } from "./governance/value.ts";
export type { PaneSince, PaneSinceItem, PaneMail } from "./ports/pane.ts";
export type { PaneGateForm, GateDecisionForm } from "./ports/pane.ts";
export { gateFormOf } from "./actions/pane.ts";
export { deciderFor } from "./governance/decider.ts";

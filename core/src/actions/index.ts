export { perform } from "./perform.ts";
export {
  ACTIONS,
  ACTION_IDS,
  isAction,
  needsOf,
  runAction,
  type Action,
  type ActionFacts,
  type FactsOf,
} from "./registry.ts";
export type { CloseFacts } from "./close.ts";
export type { VerifyFacts } from "./verify.ts";
export type { StatusFacts } from "./statuses.ts";
export type { SummaryFacts } from "./summary.ts";
export {
  readFor,
  sheetsToRead,
  templateSheetsIn,
  missingTemplateSheets,
  type Needs,
  type ActionRead,
} from "./needs.ts";
export type { ActionInput } from "./input.ts";
export { issueJson, errorCount, type ActionResult } from "./outcome.ts";
export { say, type Said } from "./messages.ts";
export { setUpTemplatePlan } from "./setup.ts";
export { isBatonSheet } from "./migrate-sheet.ts";
export {
  runPortfolio,
  type PortfolioRead,
  type PortfolioFailure,
  type PortfolioResult,
} from "./portfolio.ts";
export { notify, NOTIFY_NEEDS, type Notification, type NotifyResult } from "./notify.ts";
export { readState } from "./needs.ts";
export { sinceLooked, SINCE_NEEDS } from "./since.ts";
export {
  prepareAlerts,
  recordAlerts,
  ALERTS_NEEDS,
  type AlertsInput,
  type PreparedAlerts,
} from "./alerts.ts";
export {
  checkinForm,
  answerCheckin,
  CHECKIN_ANSWER_NEEDS,
  type CheckinAnswer,
  type CheckinAnswerResult,
  type CheckinFormInput,
  type CheckinFormResult,
  type CheckinFormView,
} from "./checkin-answer.ts";

export { perform } from "./perform.ts";
export { ACTIONS, ACTION_IDS, isAction, needsOf, runAction, type Action } from "./registry.ts";
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
export { notify, NOTIFY_NEEDS, type Notification, type NotifyResult } from "./notify.ts";
export { readState } from "./needs.ts";

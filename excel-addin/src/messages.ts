/**
 * Errors in words for the user. The pane never shows a stack trace or a blank: an Office.js
 * error becomes what happened and what to do, anything else its own message.
 */
import { ExcelHostError, officeErrorCode } from "./host.ts";

const BY_CODE: Record<string, string> = {
  AccessDenied:
    "Excel refused the change: a sheet Baton writes to is protected, or the workbook is read-only.",
  InvalidOperationInCellEditMode: "A cell is being edited. Press Enter or Esc, then try again.",
  RequestPayloadSizeLimitExceeded: "The workbook is larger than Excel lets Baton send at once.",
  ItemNotFound: "A sheet Baton needs was renamed or deleted while it worked. Try again.",
  ItemAlreadyExists: "A sheet with that name already exists.",
  GeneralException: "Excel could not complete the change. Try again.",
  ApiNotFound:
    "This version of Excel lacks a feature Baton needs. Update Excel, or use Excel on the web.",
};

export function describeError(e: unknown): string {
  if (e instanceof ExcelHostError) return e.message;
  const code = officeErrorCode(e);
  if (code && BY_CODE[code]) return BY_CODE[code]!;
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  if (code) return `Excel reported ${code}${message ? `: ${message}` : ""}.`;
  return message || "Something went wrong, and Excel did not say what.";
}

/**
 * Errors as Office.js reports them: an `OfficeExtension.Error` whose `code` is one of Excel's
 * error codes, raised from `context.sync()` (or from reading a property that was not loaded).
 */
export type FakeErrorCode =
  | "AccessDenied"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "InvalidReference";

export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: FakeErrorCode,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = "RichApi.Error";
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

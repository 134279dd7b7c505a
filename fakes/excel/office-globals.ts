/**
 * `Office`, `Excel` and `CustomFunctions` globals over a fake Excel, for loading the built task
 * pane in a browser as if it ran in Excel: `Office.onReady` reports Excel, `Excel.run` and
 * `new Excel.RequestContext()` reach the fake workbook, and ribbon commands and custom functions
 * the page associates are kept so a test can invoke them as Excel would.
 */
import type { FakeExcel } from "./excel.ts";

export interface OfficeStandIn {
  readonly excel: FakeExcel;
  readonly commands: Map<string, (event: { completed(): void }) => Promise<void> | void>;
  readonly functions: Map<string, (...args: unknown[]) => unknown>;
  /** How many times a command asked Office to show the task pane. */
  shownAsTaskpane: number;
}

export function officeGlobals(excel: FakeExcel) {
  const standIn: OfficeStandIn = {
    excel,
    commands: new Map(),
    functions: new Map(),
    shownAsTaskpane: 0,
  };
  const info = { host: "Excel", platform: "OfficeOnline" };
  const Office = {
    HostType: { Excel: "Excel" },
    onReady(callback?: (i: typeof info) => void) {
      return Promise.resolve().then(() => {
        callback?.(info);
        return info;
      });
    },
    actions: {
      associate(id: string, handler: (event: { completed(): void }) => Promise<void>) {
        standIn.commands.set(id, handler);
      },
    },
    addin: {
      async showAsTaskpane() {
        standIn.shownAsTaskpane++;
      },
    },
    context: { requirements: { isSetSupported: () => true } },
  };
  class RequestContext {
    constructor() {
      return excel.context();
    }
  }
  const Excel = { run: excel.run.bind(excel), RequestContext };
  class CustomFunctionsError extends Error {
    constructor(
      readonly code: string,
      message?: string,
    ) {
      super(message);
    }
  }
  const CustomFunctions = {
    associate(id: string, fn: (...args: unknown[]) => unknown) {
      standIn.functions.set(id, fn);
    },
    Error: CustomFunctionsError,
    ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A" },
  };
  return { Office, Excel, CustomFunctions, standIn };
}

/// <reference types="office-js" />
/** A fake Excel holding a workbook, and Baton's Excel host and `run` over it. */
import type { Grids } from "@baton/core";
import { ExcelHost, type ExcelHostOptions } from "../../excel-addin/src/host.ts";
import type { RunExcel } from "../../excel-addin/src/session.ts";
import { FakeExcel } from "../../fakes/excel/excel.ts";

export function fakeExcel(grids: Grids = {}) {
  const excel = FakeExcel.fromGrids(grids);
  const run: RunExcel = (batch) =>
    excel.run((ctx) => batch(ctx as unknown as Excel.RequestContext));
  const host = (options?: ExcelHostOptions) =>
    new ExcelHost(excel.context() as unknown as Excel.RequestContext, options);
  return { excel, run, host };
}

/** Round trips a piece of work took, counted by the fake Excel. */
export async function syncsOf(excel: FakeExcel, work: () => Promise<unknown>): Promise<number> {
  const before = excel.syncCount;
  await work();
  return excel.syncCount - before;
}

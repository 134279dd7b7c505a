// Runs in the page before the task pane's scripts: puts the fake Excel in place of Office.js,
// over the workbook the test passed in `window.__batonSeed`.
import type { Grids } from "@baton/core";
import { FakeExcel } from "../../../fakes/excel/excel.ts";
import { officeGlobals } from "../../../fakes/excel/office-globals.ts";

const w = window as unknown as Record<string, unknown>;
const excel = FakeExcel.fromGrids((w.__batonSeed ?? {}) as Grids);
const { Office, Excel, CustomFunctions, standIn } = officeGlobals(excel);
Object.assign(w, { Office, Excel, CustomFunctions, __office: standIn });

/**
 * A fake Excel that behaves like Office.js over a real grid: `run` hands a batch function a
 * request context whose proxies queue commands until `context.sync()`, which applies them in
 * order, stops at the first failure (earlier commands stay applied, as in Excel), counts itself,
 * measures its request and response and refuses either over 5 MB
 * (`RequestPayloadSizeLimitExceeded`), then delivers loaded values and `onChanged` events.
 *
 * Tests drive it as a user would (`userEdit`, refused on locked cells of a protected sheet) and
 * read its state directly (`grid`, `sheet`).
 */
import type { Grids } from "@baton/core";
import { boxAddress, MAX_COLUMNS, parseBox, splitSheet } from "./address.ts";
import { enter, type Scalar } from "./entry.ts";
import { FakeOfficeError } from "./errors.ts";
import { type Engine, FakeRequestContext, jsonBytes, type Op } from "./proxies.ts";
import { type ChangeEvent, type FakeSheet, FakeWorkbookState } from "./workbook.ts";

/** Excel on the web's limit on a request and on a response. */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface SyncRecord {
  readonly requestBytes: number;
  readonly responseBytes: number;
  readonly commands: number;
  readonly error?: string;
}

const MS_PER_DAY = 86400000;

export class FakeExcel implements Engine {
  readonly state = new FakeWorkbookState();
  /** Faults to inject: recent Excel builds have thrown AccessDenied from protect and unprotect. */
  readonly faults = { refuseProtect: false, refuseUnprotect: false };
  readonly counters = { suspendCalculation: 0, protect: 0, unprotect: 0 };
  /** Every `context.sync()`, in order. */
  readonly syncs: SyncRecord[] = [];

  /** A workbook as a file would open: strings stay text, Dates become serials. */
  static fromGrids(grids: Grids): FakeExcel {
    const x = new FakeExcel();
    for (const [name, g] of Object.entries(grids)) {
      if (!g) continue;
      const s = x.state.addSheet(name);
      g.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null || v === undefined || v === "") return;
          const value: Scalar = v instanceof Date ? v.getTime() / MS_PER_DAY + 25569 : v;
          s.cells.set(r * MAX_COLUMNS + c, { value });
        }),
      );
    }
    return x;
  }

  get syncCount(): number {
    return this.syncs.length;
  }

  /** A new request context, as `new Excel.RequestContext()` gives. */
  context(): FakeRequestContext {
    return new FakeRequestContext(this);
  }

  /** `Excel.run`: a batch function over a fresh context; commands still queued at the end are synced. */
  async run<T>(
    a: ((ctx: FakeRequestContext) => Promise<T>) | object,
    b?: (ctx: FakeRequestContext) => Promise<T>,
  ): Promise<T> {
    const batch = (typeof a === "function" ? a : b) as (ctx: FakeRequestContext) => Promise<T>;
    const ctx = this.context();
    const result = await batch(ctx);
    if (ctx.queue.length) await ctx.sync();
    return result;
  }

  async sync(ctx: FakeRequestContext): Promise<void> {
    const ops: Op[] = ctx.queue.splice(0);
    const requestBytes = jsonBytes(ops.map((o) => o.wire));
    // A round trip: never synchronous, like the real one.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    const record = (responseBytes: number, error?: string) =>
      this.syncs.push({
        requestBytes,
        responseBytes,
        commands: ops.length,
        ...(error ? { error } : {}),
      });
    if (requestBytes > PAYLOAD_LIMIT) {
      record(0, "RequestPayloadSizeLimitExceeded");
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The request payload size (${requestBytes} bytes) has exceeded the limit.`,
      );
    }
    const deliveries: (() => void)[] = [];
    let responseBytes = 0;
    try {
      for (const [i, op] of ops.entries()) {
        try {
          const d = op.run();
          if (d) {
            responseBytes += d.bytes;
            deliveries.push(() => d.commit());
          }
        } catch (e) {
          if (e instanceof FakeOfficeError)
            (e.debugInfo as { errorLocation?: string }).errorLocation =
              `command ${i + 1} of ${ops.length}: ${JSON.stringify(op.wire).slice(0, 120)}`;
          throw e;
        }
      }
    } catch (e) {
      record(responseBytes, e instanceof FakeOfficeError ? e.code : String(e));
      this.dispatch();
      throw e;
    }
    if (responseBytes > PAYLOAD_LIMIT) {
      record(responseBytes, "RequestPayloadSizeLimitExceeded");
      this.dispatch();
      throw new FakeOfficeError(
        "RequestPayloadSizeLimitExceeded",
        `The response payload size (${responseBytes} bytes) has exceeded the limit.`,
      );
    }
    record(responseBytes);
    for (const d of deliveries) d();
    this.dispatch();
  }

  /** Delivers change events to the handlers registered on each sheet, after the sync returns. */
  private dispatch(): void {
    const events = this.state.pending.splice(0);
    for (const e of events) {
      const args = eventArgs(e);
      for (const h of [...e.sheet.handlers]) setTimeout(() => void h(args), 0);
    }
  }

  /** A user typing a value into a cell: refused on a locked cell of a protected sheet. */
  async userEdit(sheetName: string, address: string, value: Scalar): Promise<void> {
    const s = this.sheet(sheetName);
    const box = parseBox(address);
    if (s.protection.protected && s.locked(box.r0, box.c0))
      throw new FakeOfficeError(
        "AccessDenied",
        `The cell ${address} on ${sheetName} is protected and therefore read-only.`,
      );
    const before = s.value(box.r0, box.c0);
    s.write(box.r0, box.c0, value);
    const after = s.value(box.r0, box.c0);
    this.state.pending.push({
      sheet: s,
      box: { ...box, rows: 1, cols: 1 },
      triggerSource: "Unknown",
      details: { valueBefore: before, valueAfter: after },
    });
    this.dispatch();
  }

  /** A user merging cells: as Excel warns, only the top-left cell's value is kept. */
  merge(sheetName: string, address: string): void {
    const s = this.sheet(sheetName);
    const box = parseBox(address);
    for (let r = box.r0; r < box.r0 + box.rows; r++)
      for (let c = box.c0; c < box.c0 + box.cols; c++)
        if (r !== box.r0 || c !== box.c0) s.cells.delete(r * MAX_COLUMNS + c);
    s.merged.push(box);
  }

  sheet(name: string): FakeSheet {
    const s = this.state.sheet(name);
    if (!s) throw new RangeError(`no sheet ${name}`);
    return s;
  }

  /** A sheet's values from A1 to the end of its used range, blanks as null. */
  grid(name: string): Scalar[][] {
    const s = this.sheet(name);
    const used = s.usedBox();
    if (!used) return [];
    const out: Scalar[][] = [];
    for (let r = 0; r < used.r0 + used.rows; r++) {
      const row: Scalar[] = [];
      for (let c = 0; c < used.c0 + used.cols; c++) row.push(s.value(r, c));
      out.push(row);
    }
    return out.map((row) => row.map((v) => (v === "" ? (null as unknown as Scalar) : v)));
  }

  /** The value a cell holds (`Sheet!B2` or sheet and address). */
  value(sheet: string, address: string): Scalar {
    const box = parseBox(address);
    return this.sheet(sheet).value(box.r0, box.c0);
  }

  /** What a cell would hold if a user typed `value` into it now. */
  static typed(value: Scalar, numberFormat = "General"): Scalar {
    return enter(value, numberFormat)?.value ?? "";
  }
}

function eventArgs(e: ChangeEvent) {
  const full = boxAddress(e.sheet.name, e.box);
  const local = splitSheet(full).local;
  return {
    type: "WorksheetChanged",
    address: local,
    changeType: "RangeEdited",
    source: "Local",
    triggerSource: e.triggerSource,
    worksheetId: e.sheet.id,
    ...(e.details ? { details: e.details } : {}),
  };
}

/**
 * Proxy objects that behave like Office.js's: creating one or calling a method queues a command;
 * nothing touches the workbook until `context.sync()`; a property can be read only after it was
 * loaded and synced (else `PropertyNotLoaded`); a setter keeps the value locally and queues the
 * write. Objects are resolved at sync time, so a missing sheet fails the sync (`ItemNotFound`)
 * and an `*OrNullObject` comes back with `isNullObject`.
 */
import { boxAddress, type Box, overlaps, parseBox, WHOLE_SHEET } from "./address.ts";
import type { Scalar } from "./entry.ts";
import { FakeOfficeError } from "./errors.ts";
import type {
  ConditionalFormatState,
  FakeSheet,
  FakeWorkbookState,
  ProtectionOptions,
} from "./workbook.ts";

/** A queued command: its wire form (measured for the payload limit) and what it does at sync. */
export interface Op {
  readonly wire: unknown;
  run(): Delivery | void;
}

/** Loaded values travel back in the response: their size counts, and they land only if the sync succeeds. */
export interface Delivery {
  readonly bytes: number;
  commit(): void;
}

export interface Engine {
  readonly state: FakeWorkbookState;
  sync(ctx: FakeRequestContext): Promise<void>;
  readonly faults: { refuseProtect: boolean; refuseUnprotect: boolean };
  readonly counters: { suspendCalculation: number; protect: number; unprotect: number };
}

const notLoaded = (prop: string) =>
  new FakeOfficeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

type LoadArg = string | string[] | { select?: string | string[] } | undefined;

function loadPaths(arg: LoadArg): string[] | null {
  if (arg === undefined) return null;
  const raw =
    typeof arg === "string"
      ? arg.split(",")
      : Array.isArray(arg)
        ? arg
        : (loadPaths(arg.select as LoadArg) ?? []);
  return raw.map((s) => s.trim()).filter(Boolean);
}

export class FakeRequestContext {
  readonly queue: Op[] = [];
  readonly workbook: WorkbookProxy;
  readonly application: ApplicationProxy;
  readonly trackedObjects = { add() {}, remove() {} };

  constructor(readonly engine: Engine) {
    this.workbook = new WorkbookProxy(this);
    this.application = new ApplicationProxy(this);
  }

  sync<T>(passThrough?: T): Promise<T> {
    return this.engine.sync(this).then(() => passThrough as T);
  }

  get state(): FakeWorkbookState {
    return this.engine.state;
  }
}

/** Base of every proxy: load(), loaded properties, isNullObject. */
export abstract class ClientObject<T = unknown> {
  protected readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(readonly context: FakeRequestContext) {}

  /** Finds the object in the workbook at sync time; null for a missing `*OrNullObject`. */
  abstract resolve(): T | null;
  /** A description of the object in the request, for the payload size. */
  abstract path(): string;
  /** Scalar properties that `load()` with no argument brings. */
  protected scalars(): string[] {
    return [];
  }
  protected read(_target: T, prop: string): unknown {
    throw new FakeOfficeError("InvalidArgument", `Cannot load '${prop}' on ${this.path()}.`);
  }
  protected child(_name: string): ClientObject<unknown> | undefined {
    return undefined;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Delivers a loaded value (used by nested objects that load into their owner). */
  deliver(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  protected get<V>(prop: string): V {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as V;
  }

  protected queue(wire: Record<string, unknown>, run: () => Delivery | void): void {
    this.context.queue.push({ wire: { ...wire, on: this.path() }, run });
  }

  protected setProperty(prop: string, value: unknown, apply: (target: T) => void): void {
    this.loaded.set(prop, value);
    this.queue({ set: prop, value }, () => {
      apply(this.must());
    });
  }

  /** The target, failing the sync when it is missing. */
  must(): T {
    const t = this.resolve();
    if (t === null)
      throw new FakeOfficeError(
        "ItemNotFound",
        `The requested resource doesn't exist (${this.path()}).`,
      );
    return t;
  }

  load(arg?: LoadArg): this {
    const paths = loadPaths(arg) ?? this.scalars();
    this.queue({ load: paths }, () => {
      const commits: (() => void)[] = [];
      const bytes = this.collect(paths, commits);
      return { bytes, commit: () => commits.forEach((f) => f()) };
    });
    return this;
  }

  /** Reads the paths now (inside sync) and prepares their delivery; returns the response bytes. */
  collect(paths: readonly string[], commits: (() => void)[]): number {
    const target = this.resolve();
    if (target === null) {
      commits.push(() => {
        this.nullState = true;
        this.loaded.clear();
      });
      return 20;
    }
    let bytes = 0;
    const nested = new Map<string, string[]>();
    for (const p of paths) {
      const slash = p.indexOf("/");
      if (slash >= 0) {
        const head = p.slice(0, slash);
        nested.set(head, [...(nested.get(head) ?? []), p.slice(slash + 1)]);
        continue;
      }
      const sub = this.child(p);
      if (sub) {
        nested.set(p, nested.get(p) ?? []);
        continue;
      }
      const v = this.read(target, p);
      bytes += jsonBytes(v) + p.length + 4;
      commits.push(() => this.loaded.set(p, v));
    }
    for (const [head, rest] of nested) {
      const sub = this.child(head);
      if (!sub)
        throw new FakeOfficeError("InvalidArgument", `Cannot load '${head}' on ${this.path()}.`);
      bytes += sub.collect(rest.length ? rest : sub.scalars(), commits);
    }
    commits.push(() => (this.nullState = false));
    return bytes;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** UTF-8 size of a value's JSON, as it would travel. */
export function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v) ?? "";
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

// ---------------------------------------------------------------------------------------------
// Workbook, application, settings

export class ApplicationProxy extends ClientObject<true> {
  resolve(): true {
    return true;
  }
  path(): string {
    return "application";
  }
  suspendApiCalculationUntilNextSync(): void {
    this.queue({ call: "suspendApiCalculationUntilNextSync" }, () => {
      this.context.engine.counters.suspendCalculation++;
    });
  }
}

export class WorkbookProxy extends ClientObject<FakeWorkbookState> {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(ctx: FakeRequestContext) {
    super(ctx);
    this.worksheets = new WorksheetCollectionProxy(ctx);
    this.settings = new SettingCollectionProxy(ctx);
  }
  resolve(): FakeWorkbookState {
    return this.context.state;
  }
  path(): string {
    return "workbook";
  }
  protected override child(name: string) {
    return name === "worksheets"
      ? this.worksheets
      : name === "settings"
        ? this.settings
        : undefined;
  }
}

export class SettingCollectionProxy extends ClientObject<FakeWorkbookState> {
  resolve(): FakeWorkbookState {
    return this.context.state;
  }
  path(): string {
    return "workbook.settings";
  }
  add(key: string, value: unknown): SettingProxy {
    if (!key) throw new FakeOfficeError("InvalidArgument", "A setting needs a key.");
    this.queue({ call: "add", key, value }, () => {
      this.context.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new SettingProxy(this.context, key, false);
  }
  getItem(key: string): SettingProxy {
    return new SettingProxy(this.context, key, false);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, key, true);
  }
}

export class SettingProxy extends ClientObject<{ key: string; value: unknown }> {
  constructor(
    ctx: FakeRequestContext,
    private readonly settingKey: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  resolve() {
    const s = this.context.state.settings;
    if (!s.has(this.settingKey)) {
      if (this.nullable) return null;
      throw new FakeOfficeError("ItemNotFound", `No setting ${this.settingKey}.`);
    }
    return { key: this.settingKey, value: s.get(this.settingKey) };
  }
  path(): string {
    return `settings[${this.settingKey}]`;
  }
  protected override scalars(): string[] {
    return ["key", "value"];
  }
  protected override read(t: { key: string; value: unknown }, prop: string): unknown {
    if (prop === "key") return t.key;
    if (prop === "value") return t.value;
    return super.read(t, prop);
  }
  get key(): string {
    return this.get("key");
  }
  get value(): unknown {
    return this.get("value");
  }
  set value(v: unknown) {
    this.setProperty("value", v, () => this.context.state.settings.set(this.settingKey, v));
  }
  delete(): void {
    this.queue({ call: "delete" }, () => {
      this.must();
      this.context.state.settings.delete(this.settingKey);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Worksheets

type SheetRef =
  | { by: "name"; name: string; nullable: boolean }
  | { by: "sheet"; sheet: FakeSheet }
  | { by: "active" };

export class WorksheetCollectionProxy extends ClientObject<FakeWorkbookState> {
  private itemsLoaded: WorksheetProxy[] | undefined;
  resolve(): FakeWorkbookState {
    return this.context.state;
  }
  path(): string {
    return "worksheets";
  }
  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }
  override collect(paths: readonly string[], commits: (() => void)[]): number {
    const itemPaths = paths
      .filter((p) => p === "items" || p.startsWith("items/"))
      .map((p) => (p === "items" ? "" : p.slice(6)))
      .filter(Boolean);
    const proxies = this.context.state.sheets.map(
      (s) => new WorksheetProxy(this.context, { by: "sheet", sheet: s }),
    );
    let bytes = 2;
    for (const p of proxies)
      bytes += p.collect(
        itemPaths.length ? itemPaths : ["name", "id", "position", "visibility"],
        commits,
      );
    commits.push(() => (this.itemsLoaded = proxies));
    return bytes;
  }
  add(name: string): WorksheetProxy {
    this.queue({ call: "add", name }, () => {
      this.context.state.addSheet(name);
    });
    return new WorksheetProxy(this.context, { by: "name", name, nullable: false });
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, { by: "name", name, nullable: false });
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, { by: "name", name, nullable: true });
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, { by: "active" });
  }
}

export class WorksheetProxy extends ClientObject<FakeSheet> {
  readonly protection: WorksheetProtectionProxy;
  readonly tables: TableCollectionProxy;
  readonly freezePanes: FreezePanesProxy;
  readonly onChanged: EventHandlersProxy;

  constructor(
    ctx: FakeRequestContext,
    readonly ref: SheetRef,
  ) {
    super(ctx);
    this.protection = new WorksheetProtectionProxy(ctx, this);
    this.tables = new TableCollectionProxy(ctx, this);
    this.freezePanes = new FreezePanesProxy(ctx, this);
    this.onChanged = new EventHandlersProxy(ctx, this);
  }

  resolve(): FakeSheet | null {
    const state = this.context.state;
    if (this.ref.by === "sheet") {
      if (!state.sheets.includes(this.ref.sheet))
        throw new FakeOfficeError("ItemNotFound", "The worksheet was deleted.");
      return this.ref.sheet;
    }
    if (this.ref.by === "active") return state.active ?? state.sheets[0] ?? null;
    const s = state.sheet(this.ref.name);
    if (s) return s;
    if (this.ref.nullable) return null;
    throw new FakeOfficeError(
      "ItemNotFound",
      `The requested resource doesn't exist (worksheet ${this.ref.name}).`,
    );
  }
  path(): string {
    return this.ref.by === "name"
      ? `worksheet[${this.ref.name}]`
      : this.ref.by === "sheet"
        ? `worksheet[${this.ref.sheet.id}]`
        : "activeWorksheet";
  }
  protected override scalars(): string[] {
    return ["name", "id", "position", "visibility"];
  }
  protected override read(s: FakeSheet, prop: string): unknown {
    switch (prop) {
      case "name":
        return s.name;
      case "id":
        return s.id;
      case "position":
        return this.context.state.sheets.indexOf(s);
      case "visibility":
        return s.visibility;
    }
    return super.read(s, prop);
  }
  protected override child(name: string) {
    return name === "protection" ? this.protection : undefined;
  }
  get name(): string {
    return this.get("name");
  }
  get id(): string {
    return this.get("id");
  }
  get visibility(): string {
    return this.get("visibility");
  }
  set visibility(v: "Visible" | "Hidden" | "VeryHidden") {
    this.setProperty("visibility", v, (s) => (s.visibility = v));
  }

  getRange(address?: string): RangeProxy {
    return new RangeProxy(
      this.context,
      this,
      address === undefined || address === "" ? WHOLE_SHEET : parseBox(address),
    );
  }
  getRangeByIndexes(row: number, column: number, rows: number, columns: number): RangeProxy {
    if (rows < 1 || columns < 1)
      throw new FakeOfficeError(
        "InvalidArgument",
        "A range needs at least one row and one column.",
      );
    return new RangeProxy(this.context, this, { r0: row, c0: column, rows, cols: columns });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, this, "used", false);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    void valuesOnly;
    return new RangeProxy(this.context, this, "used", true);
  }
  activate(): void {
    this.queue({ call: "activate" }, () => {
      this.context.state.active = this.must();
    });
  }
}

export class WorksheetProtectionProxy extends ClientObject<FakeSheet> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  resolve(): FakeSheet | null {
    return this.sheet.must();
  }
  path(): string {
    return `${this.sheet.path()}.protection`;
  }
  protected override scalars(): string[] {
    return ["protected", "options"];
  }
  protected override read(s: FakeSheet, prop: string): unknown {
    if (prop === "protected") return s.protection.protected;
    if (prop === "options") return { ...s.protection.options };
    return super.read(s, prop);
  }
  get protected(): boolean {
    return this.get("protected");
  }
  get options(): ProtectionOptions {
    return this.get("options");
  }
  protect(options?: ProtectionOptions, password?: string): void {
    this.queue({ call: "protect", options, password: password ? "***" : undefined }, () => {
      const s = this.must();
      if (this.context.engine.faults.refuseProtect)
        throw new FakeOfficeError("AccessDenied", "Access denied: protect.");
      if (s.protection.protected)
        throw new FakeOfficeError("InvalidOperation", "The sheet is already protected.");
      this.context.engine.counters.protect++;
      s.protection = { protected: true, options: { ...options }, password: password ?? null };
    });
  }
  unprotect(password?: string): void {
    this.queue({ call: "unprotect" }, () => {
      const s = this.must();
      if (this.context.engine.faults.refuseUnprotect)
        throw new FakeOfficeError("AccessDenied", "Access denied: unprotect.");
      if (!s.protection.protected) return;
      if (s.protection.password !== null && s.protection.password !== (password ?? null))
        throw new FakeOfficeError("AccessDenied", "The password you supplied is not correct.");
      this.context.engine.counters.unprotect++;
      s.protection = { protected: false, options: {}, password: null };
    });
  }
}

export class FreezePanesProxy extends ClientObject<FakeSheet> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  resolve(): FakeSheet | null {
    return this.sheet.must();
  }
  path(): string {
    return `${this.sheet.path()}.freezePanes`;
  }
  freezeRows(count = 1): void {
    this.queue(
      { call: "freezeRows", count },
      () => void (this.must().frozen = { rows: count, columns: 0 }),
    );
  }
  freezeColumns(count = 1): void {
    this.queue(
      { call: "freezeColumns", count },
      () => void (this.must().frozen = { rows: 0, columns: count }),
    );
  }
  freezeAt(at: RangeProxy | string): void {
    const box = typeof at === "string" ? parseBox(at) : at.fixedBox();
    this.queue(
      { call: "freezeAt", box },
      () => void (this.must().frozen = { rows: box.r0 + box.rows, columns: box.c0 + box.cols }),
    );
  }
  unfreeze(): void {
    this.queue({ call: "unfreeze" }, () => void (this.must().frozen = { rows: 0, columns: 0 }));
  }
}

export class EventHandlersProxy {
  constructor(
    private readonly ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {}
  /** Registers a handler; like Office.js, it takes effect with the next sync. */
  add(handler: (args: unknown) => unknown): { remove(): void; context: FakeRequestContext } {
    this.ctx.queue.push({
      wire: { on: `${this.sheet.path()}.onChanged`, call: "add" },
      run: () => void this.sheet.must().handlers.push(handler),
    });
    const sheet = this.sheet;
    const ctx = this.ctx;
    return {
      context: ctx,
      remove() {
        ctx.queue.push({
          wire: { on: `${sheet.path()}.onChanged`, call: "remove" },
          run: () => {
            const hs = sheet.must().handlers;
            const i = hs.indexOf(handler);
            if (i >= 0) hs.splice(i, 1);
          },
        });
      },
    };
  }
}

export class TableCollectionProxy extends ClientObject<FakeSheet> {
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  resolve(): FakeSheet | null {
    return this.sheet.must();
  }
  path(): string {
    return `${this.sheet.path()}.tables`;
  }
  add(address: string | RangeProxy, hasHeaders: boolean): TableProxy {
    const box = typeof address === "string" ? parseBox(address) : address.fixedBox();
    const table = new TableProxy(this.context, this.sheet);
    this.queue({ call: "add", box, hasHeaders }, () => {
      const s = this.must();
      s.guardSheet(false, "Adding a table");
      const name = this.context.state.newTableName();
      s.addTable(box, name);
      this.context.state.tableNames.add(name);
      table.bind(s, name);
    });
    return table;
  }
}

export class TableProxy extends ClientObject<{ sheet: FakeSheet; name: string }> {
  private bound: { sheet: FakeSheet; name: string } | null = null;
  constructor(
    ctx: FakeRequestContext,
    private readonly sheet: WorksheetProxy,
  ) {
    super(ctx);
  }
  bind(sheet: FakeSheet, name: string): void {
    this.bound = { sheet, name };
  }
  resolve() {
    if (!this.bound) throw new FakeOfficeError("ItemNotFound", "The table does not exist.");
    return this.bound;
  }
  path(): string {
    return `${this.sheet.path()}.table`;
  }
  private table() {
    const t = this.must();
    const found = t.sheet.tables.find((x) => x.name === t.name);
    if (!found) throw new FakeOfficeError("ItemNotFound", "The table was deleted.");
    return found;
  }
  protected override read(t: { name: string }, prop: string): unknown {
    if (prop === "name") return t.name;
    if (prop === "style") return this.table().style;
    return super.read(t as never, prop);
  }
  get name(): string {
    return this.get("name");
  }
  set style(v: string) {
    this.setProperty("style", v, () => (this.table().style = v));
  }
  get style(): string {
    return this.get("style");
  }
}

// ---------------------------------------------------------------------------------------------
// Ranges

interface RangeTarget {
  sheet: FakeSheet;
  box: Box;
}

export class RangeProxy extends ClientObject<RangeTarget> {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    ctx: FakeRequestContext,
    readonly worksheet: WorksheetProxy,
    private readonly where: Box | "used",
    private readonly nullable = false,
  ) {
    super(ctx);
    this.format = new RangeFormatProxy(ctx, this);
    this.dataValidation = new DataValidationProxy(ctx, this);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(ctx, this);
  }

  /** The box of a range given by address (a used range is known only at sync). */
  fixedBox(): Box {
    if (this.where === "used")
      throw new FakeOfficeError("InvalidArgument", "This method needs a range given by address.");
    return this.where;
  }

  resolve(): RangeTarget | null {
    const sheet = this.worksheet.must();
    if (this.where !== "used") return { sheet, box: this.where };
    const used = sheet.usedBox();
    if (used) return { sheet, box: used };
    if (this.nullable) return null;
    return { sheet, box: { r0: 0, c0: 0, rows: 1, cols: 1 } };
  }
  path(): string {
    return `${this.worksheet.path()}.range[${this.where === "used" ? "used" : `${this.where.r0},${this.where.c0},${this.where.rows},${this.where.cols}`}]`;
  }
  protected override scalars(): string[] {
    return [
      "address",
      "rowIndex",
      "columnIndex",
      "rowCount",
      "columnCount",
      "values",
      "numberFormat",
      "formulas",
    ];
  }
  protected override read(t: RangeTarget, prop: string): unknown {
    const { sheet, box } = t;
    switch (prop) {
      case "address":
        return boxAddress(sheet.name, box);
      case "rowIndex":
        return box.r0;
      case "columnIndex":
        return box.c0;
      case "rowCount":
        return box.rows;
      case "columnCount":
        return box.cols;
      case "values":
        return grid(box, (r, c) => sheet.value(r, c));
      case "formulas":
        return grid(box, (r, c) => sheet.cell(r, c)?.formula ?? sheet.value(r, c));
      case "numberFormat":
        return grid(box, (r, c) => sheet.numberFormat(r, c));
    }
    return super.read(t, prop);
  }
  protected override child(name: string) {
    return name === "format" ? this.format : undefined;
  }

  get address(): string {
    return this.get("address");
  }
  get rowIndex(): number {
    return this.get("rowIndex");
  }
  get columnIndex(): number {
    return this.get("columnIndex");
  }
  get rowCount(): number {
    return this.get("rowCount");
  }
  get columnCount(): number {
    return this.get("columnCount");
  }
  get values(): Scalar[][] {
    return this.get("values");
  }
  set values(v: (Scalar | null)[][]) {
    this.setProperty("values", v, ({ sheet, box }) => {
      checkShape(v, box, "values");
      sheet.guardCells(box, "values");
      v.forEach((row, i) => row.forEach((x, j) => sheet.write(box.r0 + i, box.c0 + j, x)));
      this.context.state.pending.push({ sheet, box, triggerSource: "ThisLocalAddin" });
    });
  }
  get formulas(): Scalar[][] {
    return this.get("formulas");
  }
  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }
  set numberFormat(v: (string | null)[][]) {
    this.setProperty("numberFormat", v, ({ sheet, box }) => {
      checkShape(v, box, "numberFormat");
      sheet.guardCells(box, "number format");
      v.forEach((row, i) =>
        row.forEach((x, j) => sheet.setNumberFormat(box.r0 + i, box.c0 + j, x)),
      );
    });
  }

  clear(applyTo: "All" | "Contents" | "Formats" = "All"): void {
    this.queue({ call: "clear", applyTo }, () => {
      const { sheet, box } = this.must();
      sheet.guardCells(box, "clear");
      sheet.clear(box, applyTo);
      if (applyTo !== "Formats")
        this.context.state.pending.push({ sheet, box, triggerSource: "ThisLocalAddin" });
    });
  }
  select(): void {
    this.queue({ call: "select" }, () => {
      const { sheet, box } = this.must();
      this.context.state.active = sheet;
      this.context.state.selection = { sheet: sheet.name, box };
    });
  }
  /** The merged areas that meet this range (ExcelApi 1.13); a null object when there are none. */
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this.context, this);
  }
}

/** Excel refuses to list more merged areas than this in one call. */
const MERGED_AREAS_LIMIT = 512;

interface AreasTarget {
  sheet: FakeSheet;
  boxes: Box[];
}

export class RangeAreasProxy extends ClientObject<AreasTarget> {
  readonly areas: RangeCollectionProxy;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
    this.areas = new RangeCollectionProxy(ctx, this);
  }
  resolve(): AreasTarget | null {
    const target = this.range.resolve();
    if (!target) return null;
    const boxes = target.sheet.merged.filter((m) => overlaps(m, target.box));
    if (!boxes.length) return null;
    if (boxes.length > MERGED_AREAS_LIMIT)
      throw new FakeOfficeError(
        "InvalidOperation",
        `There are more than ${MERGED_AREAS_LIMIT} merged areas in the range.`,
      );
    return { sheet: target.sheet, boxes };
  }
  path(): string {
    return `${this.range.path()}.mergedAreas`;
  }
  protected override scalars(): string[] {
    return ["address", "areaCount"];
  }
  protected override read(t: AreasTarget, prop: string): unknown {
    if (prop === "areaCount") return t.boxes.length;
    if (prop === "address") return t.boxes.map((b) => boxAddress(t.sheet.name, b)).join(",");
    return super.read(t, prop);
  }
  protected override child(name: string) {
    return name === "areas" ? this.areas : undefined;
  }
  get areaCount(): number {
    return this.get("areaCount");
  }
  get address(): string {
    return this.get("address");
  }
}

/** The rectangles of a `RangeAreas`, loaded as `items/...` like any collection. */
export class RangeCollectionProxy extends ClientObject<AreasTarget> {
  private itemsLoaded: RangeProxy[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: RangeAreasProxy,
  ) {
    super(ctx);
  }
  resolve(): AreasTarget {
    return this.owner.must();
  }
  path(): string {
    return `${this.owner.path()}.areas`;
  }
  get items(): RangeProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }
  override collect(paths: readonly string[], commits: (() => void)[]): number {
    const { sheet, boxes } = this.resolve();
    const itemPaths = paths
      .filter((p) => p.startsWith("items/"))
      .map((p) => p.slice(6))
      .filter(Boolean);
    const worksheet = new WorksheetProxy(this.context, { by: "sheet", sheet });
    const proxies = boxes.map((b) => new RangeProxy(this.context, worksheet, b));
    let bytes = 2;
    for (const p of proxies)
      bytes += p.collect(
        itemPaths.length ? itemPaths : ["address", "rowIndex", "columnIndex"],
        commits,
      );
    commits.push(() => (this.itemsLoaded = proxies));
    return bytes;
  }
}

function grid<V>(box: Box, f: (r: number, c: number) => V): V[][] {
  if (box.rows * box.cols > 5_000_000)
    throw new FakeOfficeError(
      "RequestPayloadSizeLimitExceeded",
      "The response payload size has exceeded the limit.",
    );
  const out: V[][] = [];
  for (let r = box.r0; r < box.r0 + box.rows; r++) {
    const row: V[] = [];
    for (let c = box.c0; c < box.c0 + box.cols; c++) row.push(f(r, c));
    out.push(row);
  }
  return out;
}

function checkShape(v: unknown, box: Box, what: string): void {
  if (
    !Array.isArray(v) ||
    v.length !== box.rows ||
    v.some((row) => !Array.isArray(row) || row.length !== box.cols)
  )
    throw new FakeOfficeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}: ${box.rows}x${box.cols}).`,
    );
}

export class RangeFormatProxy extends ClientObject<RangeTarget> {
  readonly fill: StyleProxy;
  readonly font: StyleProxy;
  readonly protection: FormatProtectionProxy;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
    this.fill = new StyleProxy(ctx, range, "fill");
    this.font = new StyleProxy(ctx, range, "font");
    this.protection = new FormatProtectionProxy(ctx, range);
  }
  resolve(): RangeTarget | null {
    return this.range.must();
  }
  path(): string {
    return `${this.range.path()}.format`;
  }
  protected override child(name: string) {
    return name === "protection"
      ? this.protection
      : name === "fill"
        ? this.fill
        : name === "font"
          ? this.font
          : undefined;
  }
  protected override scalars(): string[] {
    return ["wrapText", "columnWidth"];
  }
  protected override read(t: RangeTarget, prop: string): unknown {
    if (prop === "wrapText") return t.sheet.style(t.box.r0, t.box.c0).wrap ?? false;
    if (prop === "columnWidth") return t.sheet.columnWidths.get(t.box.c0) ?? 48;
    return super.read(t, prop);
  }
  set wrapText(v: boolean) {
    this.setProperty("wrapText", v, ({ sheet, box }) => {
      sheet.guardSheet(
        sheet.protection.options.allowFormatCells || !sheet.anyLocked(box),
        "Formatting cells",
      );
      sheet.styleLayers.push({ box, style: { wrap: v } });
    });
  }
  set columnWidth(v: number) {
    this.setProperty("columnWidth", v, ({ sheet, box }) => {
      sheet.guardSheet(sheet.protection.options.allowFormatColumns, "Formatting columns");
      for (let c = box.c0; c < box.c0 + box.cols; c++) sheet.columnWidths.set(c, v);
    });
  }
}

/** `format.fill` and `format.font`: styles laid over the range's rectangle. */
export class StyleProxy extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
    private readonly kind: "fill" | "font",
  ) {
    super(ctx);
  }
  resolve(): RangeTarget | null {
    return this.range.must();
  }
  path(): string {
    return `${this.range.path()}.format.${this.kind}`;
  }
  protected override scalars(): string[] {
    return this.kind === "fill" ? ["color"] : ["color", "bold", "italic"];
  }
  protected override read(t: RangeTarget, prop: string): unknown {
    const s = t.sheet.style(t.box.r0, t.box.c0);
    if (prop === "color")
      return (
        (this.kind === "fill" ? s.fill : s.fontColor) ??
        (this.kind === "fill" ? "#FFFFFF" : "#000000")
      );
    if (prop === "bold") return s.bold ?? false;
    if (prop === "italic") return s.italic ?? false;
    return super.read(t, prop);
  }
  private lay(style: Record<string, unknown>): (t: RangeTarget) => void {
    return ({ sheet, box }) => {
      sheet.guardSheet(
        sheet.protection.options.allowFormatCells || !sheet.anyLocked(box),
        "Formatting cells",
      );
      sheet.styleLayers.push({ box, style });
    };
  }
  set color(v: string) {
    this.setProperty(
      "color",
      v,
      this.lay(this.kind === "fill" ? { fill: v.toUpperCase() } : { fontColor: v.toUpperCase() }),
    );
  }
  get color(): string {
    return this.get("color");
  }
  set bold(v: boolean) {
    this.setProperty("bold", v, this.lay({ bold: v }));
  }
  get bold(): boolean {
    return this.get("bold");
  }
  set italic(v: boolean) {
    this.setProperty("italic", v, this.lay({ italic: v }));
  }
  get italic(): boolean {
    return this.get("italic");
  }
  clear(): void {
    this.queue({ call: "clear" }, () => this.lay({ fill: null })(this.must()));
  }
}

export class FormatProtectionProxy extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  resolve(): RangeTarget | null {
    return this.range.must();
  }
  path(): string {
    return `${this.range.path()}.format.protection`;
  }
  protected override scalars(): string[] {
    return ["locked"];
  }
  protected override read(t: RangeTarget, prop: string): unknown {
    if (prop === "locked") return t.sheet.lockedState(t.box);
    return super.read(t, prop);
  }
  get locked(): boolean | null {
    return this.get("locked");
  }
  set locked(v: boolean) {
    this.setProperty("locked", v, ({ sheet, box }) => {
      sheet.guardSheet(false, "Changing locked cells");
      const whole =
        box.r0 === 0 &&
        box.c0 === 0 &&
        box.rows === WHOLE_SHEET.rows &&
        box.cols === WHOLE_SHEET.cols;
      if (whole) sheet.lockLayers.length = 0;
      sheet.lockLayers.push({ box, locked: v });
    });
  }
}

export class DataValidationProxy extends ClientObject<RangeTarget> {
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  resolve(): RangeTarget | null {
    return this.range.must();
  }
  path(): string {
    return `${this.range.path()}.dataValidation`;
  }
  protected override read(t: RangeTarget, prop: string): unknown {
    if (prop === "rule")
      return (
        t.sheet.validations.find((v) => v.box.r0 <= t.box.r0 && v.box.c0 <= t.box.c0)?.rule ?? {}
      );
    return super.read(t, prop);
  }
  set rule(rule: Record<string, unknown>) {
    this.setProperty("rule", rule, ({ sheet, box }) => {
      sheet.guardCells(box, "data validation");
      const list = (rule as { list?: { source?: unknown } }).list;
      if (list && typeof list.source === "string" && list.source.length > 255)
        throw new FakeOfficeError("InvalidArgument", "A list source is limited to 255 characters.");
      if (
        sheet.validations.some(
          (v) =>
            v.box.r0 === box.r0 &&
            v.box.c0 === box.c0 &&
            v.box.rows === box.rows &&
            v.box.cols === box.cols,
        )
      )
        throw new FakeOfficeError(
          "InvalidOperation",
          "The range already has a data validation rule: clear it first.",
        );
      sheet.validations.push({ box, rule });
    });
  }
  get rule(): Record<string, unknown> {
    return this.get("rule");
  }
  set errorAlert(alert: Record<string, unknown>) {
    this.setProperty("errorAlert", alert, ({ sheet, box }) => {
      const v = sheet.validations.find((x) => x.box.r0 === box.r0 && x.box.c0 === box.c0);
      if (v) v.errorAlert = alert;
    });
  }
  clear(): void {
    this.queue({ call: "clear" }, () => {
      const { sheet, box } = this.must();
      sheet.guardCells(box, "data validation");
      for (let i = sheet.validations.length - 1; i >= 0; i--) {
        const v = sheet.validations[i]!.box;
        if (
          v.r0 >= box.r0 &&
          v.c0 >= box.c0 &&
          v.r0 + v.rows <= box.r0 + box.rows &&
          v.c0 + v.cols <= box.c0 + box.cols
        )
          sheet.validations.splice(i, 1);
      }
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Conditional formats

let nextFormatId = 1;

export class ConditionalFormatCollectionProxy extends ClientObject<RangeTarget> {
  private itemsLoaded: ConditionalFormatProxy[] | undefined;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
  ) {
    super(ctx);
  }
  resolve(): RangeTarget | null {
    return this.range.must();
  }
  path(): string {
    return `${this.range.path()}.conditionalFormats`;
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }
  override collect(paths: readonly string[], commits: (() => void)[]): number {
    const { sheet, box } = this.must();
    const itemPaths = paths.filter((p) => p.startsWith("items/")).map((p) => p.slice(6));
    const found = sheet.conditionalFormats.filter(
      (f) =>
        f.box.r0 < box.r0 + box.rows &&
        box.r0 < f.box.r0 + f.box.rows &&
        f.box.c0 < box.c0 + box.cols &&
        box.c0 < f.box.c0 + f.box.cols,
    );
    const proxies = found.map((f) => new ConditionalFormatProxy(this.context, this.range, f.id));
    let bytes = 2;
    for (const p of proxies)
      bytes += p.collect(
        itemPaths.length ? itemPaths : ["id", "type", "priority", "stopIfTrue"],
        commits,
      );
    commits.push(() => (this.itemsLoaded = proxies));
    return bytes;
  }
  add(type: string): ConditionalFormatProxy {
    const id = `{cf-${nextFormatId++}}`;
    this.queue({ call: "add", type }, () => {
      const { sheet, box } = this.must();
      sheet.guardSheet(sheet.protection.options.allowFormatCells, "Adding a conditional format");
      for (const f of sheet.conditionalFormats) f.priority++;
      sheet.conditionalFormats.unshift({
        id,
        box,
        type,
        rule: {},
        format: {},
        priority: 0,
        stopIfTrue: false,
      });
    });
    return new ConditionalFormatProxy(this.context, this.range, id);
  }
}

export class ConditionalFormatProxy extends ClientObject<ConditionalFormatState> {
  readonly cellValue: ConditionalRuleProxy;
  readonly custom: ConditionalRuleProxy;
  readonly customOrNullObject: ConditionalRuleProxy;
  constructor(
    ctx: FakeRequestContext,
    private readonly range: RangeProxy,
    private readonly formatId: string,
  ) {
    super(ctx);
    this.cellValue = new ConditionalRuleProxy(ctx, this, "CellValue");
    this.custom = new ConditionalRuleProxy(ctx, this, "Custom");
    this.customOrNullObject = new ConditionalRuleProxy(ctx, this, "Custom", true);
  }
  resolve(): ConditionalFormatState {
    const f = this.range.worksheet.must().conditionalFormats.find((x) => x.id === this.formatId);
    if (!f) throw new FakeOfficeError("ItemNotFound", "The conditional format does not exist.");
    return f;
  }
  path(): string {
    return `conditionalFormat[${this.formatId}]`;
  }
  protected override child(name: string) {
    return name === "custom"
      ? this.custom
      : name === "cellValue"
        ? this.cellValue
        : name === "customOrNullObject"
          ? this.customOrNullObject
          : undefined;
  }
  protected override read(f: ConditionalFormatState, prop: string): unknown {
    if (prop === "id") return f.id;
    if (prop === "type") return f.type;
    if (prop === "priority") return f.priority;
    if (prop === "stopIfTrue") return f.stopIfTrue;
    return super.read(f, prop);
  }
  get id(): string {
    return this.get("id");
  }
  get type(): string {
    return this.get("type");
  }
  set priority(v: number) {
    this.setProperty("priority", v, (f) => (f.priority = v));
  }
  set stopIfTrue(v: boolean) {
    this.setProperty("stopIfTrue", v, (f) => (f.stopIfTrue = v));
  }
  delete(): void {
    this.queue({ call: "delete" }, () => {
      const list = this.range.worksheet.must().conditionalFormats;
      const i = list.findIndex((x) => x.id === this.formatId);
      if (i < 0)
        throw new FakeOfficeError("ItemNotFound", "The conditional format does not exist.");
      list.splice(i, 1);
    });
  }
}

/** `cellValue` / `custom` of a conditional format: its rule and its format (fill, font). */
export class ConditionalRuleProxy extends ClientObject<ConditionalFormatState> {
  readonly format: { fill: { color: string }; font: { color: string; bold: boolean } };
  private readonly customRule: { formula: string };
  constructor(
    ctx: FakeRequestContext,
    private readonly owner: ConditionalFormatProxy,
    private readonly kind: "CellValue" | "Custom",
    private readonly nullable = false,
  ) {
    super(ctx);
    const set = (key: "fill" | "fontColor" | "bold", v: string | boolean) =>
      this.queue({ set: `format.${key}`, value: v }, () => {
        const f = this.owned();
        (f.format as Record<string, unknown>)[key] = typeof v === "string" ? v.toUpperCase() : v;
      });
    // Office.js exposes these as plain properties: the accessors reach the proxy through `self`.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const self = this;
    this.format = {
      fill: {
        set color(v: string) {
          set("fill", v);
        },
        get color(): string {
          return self.owned().format.fill ?? "";
        },
      },
      font: {
        set color(v: string) {
          set("fontColor", v);
        },
        get color(): string {
          return self.owned().format.fontColor ?? "";
        },
        set bold(v: boolean) {
          set("bold", v);
        },
        get bold(): boolean {
          return self.owned().format.bold ?? false;
        },
      },
    };
    this.customRule = {
      set formula(v: string) {
        self.queue(
          { set: "rule.formula", value: v },
          () => void (self.owned().rule = { formula: v }),
        );
      },
      get formula(): string {
        return self.get<{ formula: string }>("rule").formula;
      },
    };
  }
  /** `custom.rule` is an object with a formula; `cellValue.rule` is a value (`{formula1, operator}`). */
  get rule(): Record<string, unknown> {
    return this.kind === "Custom" ? this.customRule : this.get("rule");
  }
  set rule(v: Record<string, unknown>) {
    this.queue({ set: "rule", value: v }, () => void (this.owned().rule = { ...v }));
  }
  private owned(): ConditionalFormatState {
    const f = this.owner.resolve();
    if (f.type !== this.kind)
      throw new FakeOfficeError(
        "InvalidOperation",
        `This is a ${f.type} conditional format, not ${this.kind}.`,
      );
    return f;
  }
  resolve(): ConditionalFormatState | null {
    const f = this.owner.resolve();
    if (this.nullable && f.type !== this.kind) return null;
    return f;
  }
  path(): string {
    return `${this.owner.path()}.${this.kind}`;
  }
  protected override scalars(): string[] {
    return ["rule"];
  }
  protected override read(f: ConditionalFormatState, prop: string): unknown {
    if (prop === "rule" || prop === "rule/formula") return f.rule;
    return super.read(f, prop);
  }
  protected override child(name: string): ClientObject<unknown> | undefined {
    if (name === "rule") {
      // `custom/rule/formula` loads the rule as one value, through the conditional format.
      // eslint-disable-next-line @typescript-eslint/no-this-alias
      const outer = this;
      return new (class extends ClientObject<ConditionalFormatState> {
        resolve() {
          return outer.must();
        }
        path() {
          return `${outer.path()}.rule`;
        }
        override collect(_paths: readonly string[], commits: (() => void)[]): number {
          const f = outer.must();
          commits.push(() => outer.deliver("rule", f.rule));
          return jsonBytes(f.rule);
        }
      })(this.context);
    }
    return undefined;
  }
}

/**
 * A fake Google spreadsheet with real state: sheets of cells with values, formulas, number
 * formats, colours, notes, drop-downs, frozen panes, column widths and protections with
 * editors. It behaves like Sheets where Baton depends on it: text written with `setValues` is
 * parsed as if typed, `getValues` gives Dates for date cells in the spreadsheet's time zone and
 * "" for blanks, ranges past the sheet's size are refused, protected cells refuse writes from
 * users who are not editors, and every service call is counted.
 */
import type { CellValue } from "@baton/core";
import { columnNumber } from "@baton/core";
import {
  displayOf,
  enterText,
  instantOf,
  isDateFormat,
  serialOf,
  type Cell,
  type Stored,
} from "./cells.ts";

export const GENERAL_FORMAT = "0.###############";
export const WHITE = "#ffffff";

export interface Rect {
  row: number;
  column: number;
  rows: number;
  columns: number;
}

const inside = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;
const overlaps = (a: Rect, b: Rect) =>
  a.row < b.row + b.rows &&
  b.row < a.row + a.rows &&
  a.column < b.column + b.columns &&
  b.column < a.column + a.columns;

const isDateValue = (v: unknown): v is Date =>
  Object.prototype.toString.call(v) === "[object Date]";

export class ProtectedError extends Error {
  constructor() {
    super(
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    );
  }
}

/** Where the script runs: a menu or sidebar call, a simple trigger, or a custom function. */
export type RunContext = "full" | "simpleTrigger" | "customFunction";

export interface BookOptions {
  name?: string;
  /** The spreadsheet's time zone (File > Settings). */
  zone?: string;
  owner?: string;
  /** The user running Baton. */
  user?: string;
  /** Everyone else with edit access. */
  collaborators?: string[];
  /** The Date constructor of the realm the script runs in (a `node:vm` context has its own). */
  realmDate?: DateConstructor;
}

export class FakeUser {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class FakeBook {
  readonly sheets: FakeSheet[] = [];
  zone: string;
  readonly owner: string;
  user: string;
  readonly collaborators: string[];
  realmDate: DateConstructor;
  /** Service calls by name (`Range.getValues`, `Sheet.getRange`, …). */
  readonly calls = new Map<string, number>();
  readonly toasts: { message: string; title: string }[] = [];
  lockHeld = false;
  /** Writes made while no Baton document lock was held. */
  writesOutsideLock = 0;
  context: RunContext = "full";
  activeSheet: FakeSheet | null = null;
  activeRange: FakeRange | null = null;
  readonly name: string;

  constructor(opts: BookOptions = {}) {
    this.name = opts.name ?? "Team tracker";
    this.zone = opts.zone ?? "Europe/Berlin";
    this.owner = opts.owner ?? "owner@example.com";
    this.user = opts.user ?? this.owner;
    this.collaborators = opts.collaborators ?? ["rae@example.com", "ines@example.com"];
    this.realmDate = opts.realmDate ?? Date;
  }

  /** A spreadsheet holding the grids as values (strings stay strings; Dates become date cells). */
  static fromGrids(
    grids: Record<string, readonly (readonly CellValue[])[] | undefined>,
    opts: BookOptions = {},
  ): FakeBook {
    const book = new FakeBook(opts);
    for (const [name, grid] of Object.entries(grids)) {
      if (!grid) continue;
      const sheet = book.addSheet(name);
      grid.forEach((row, r) => row.forEach((v, c) => sheet.seed(r + 1, c + 1, v)));
    }
    return book;
  }

  /** Above zero while one service call does the work of many (a RangeList), counted once. */
  muted = 0;

  count(name: string): void {
    if (this.muted > 0) return;
    this.calls.set(name, (this.calls.get(name) ?? 0) + 1);
  }

  /** Every service call so far. */
  totalCalls(): number {
    let n = 0;
    for (const v of this.calls.values()) n += v;
    return n;
  }

  callsOf(name: string): number {
    return this.calls.get(name) ?? 0;
  }

  addSheet(name: string, index = this.sheets.length): FakeSheet {
    if (this.sheets.some((s) => s.name === name))
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    const sheet = new FakeSheet(this, name);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheet(name: string): FakeSheet {
    const s = this.sheets.find((x) => x.name === name);
    if (!s) throw new RangeError(`no sheet ${name}`);
    return s;
  }

  isEditor(email: string): boolean {
    return email === this.owner || this.collaborators.includes(email);
  }

  /** Called before every write a script makes. */
  beforeWrite(method: string, sheet: FakeSheet, rect: Rect | null): void {
    if (this.context === "customFunction")
      throw new Error(`You do not have permission to call ${method}`);
    if (!this.lockHeld) this.writesOutsideLock++;
    if (rect) sheet.assertCanEdit(this.user, rect);
  }

  // The Spreadsheet API Baton uses.
  getSheets(): FakeSheet[] {
    this.count("Spreadsheet.getSheets");
    return [...this.sheets];
  }
  getSheetByName(name: string): FakeSheet | null {
    this.count("Spreadsheet.getSheetByName");
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  getNumSheets(): number {
    this.count("Spreadsheet.getNumSheets");
    return this.sheets.length;
  }
  insertSheet(name: string, index?: number): FakeSheet {
    this.count("Spreadsheet.insertSheet");
    if (this.context === "customFunction")
      throw new Error("You do not have permission to call insertSheet");
    if (!this.lockHeld) this.writesOutsideLock++;
    const sheet = this.addSheet(name, index ?? this.sheets.length);
    this.activeSheet = sheet;
    return sheet;
  }
  getSpreadsheetTimeZone(): string {
    this.count("Spreadsheet.getSpreadsheetTimeZone");
    return this.zone;
  }
  setSpreadsheetTimeZone(zone: string): void {
    this.count("Spreadsheet.setSpreadsheetTimeZone");
    this.zone = zone;
  }
  getName(): string {
    return this.name;
  }
  getId(): string {
    return "fake-spreadsheet-id";
  }
  toast(message: string, title = "", _timeout?: number): void {
    this.count("Spreadsheet.toast");
    this.toasts.push({ message: String(message), title: String(title) });
  }
  getActiveSheet(): FakeSheet {
    return this.activeSheet ?? this.sheets[0]!;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.activeSheet = sheet;
    return sheet;
  }
  getActiveRange(): FakeRange | null {
    return this.activeRange;
  }
  getOwner(): FakeUser {
    return new FakeUser(this.owner);
  }
}

export class FakeProtection {
  description = "";
  editors: Set<string>;
  unprotected: Rect[] = [];
  warningOnly = false;
  domainEdit = true;
  removed = false;

  constructor(
    readonly sheet: FakeSheet,
    readonly type: "SHEET" | "RANGE",
    readonly rect: Rect | null,
  ) {
    // A new protection starts with everyone who may edit the spreadsheet.
    const book = sheet.book;
    this.editors = new Set([book.owner, ...book.collaborators, book.user]);
  }

  covers(row: number, column: number): boolean {
    if (this.removed) return false;
    if (this.type === "RANGE") return inside(this.rect!, row, column);
    return !this.unprotected.some((r) => inside(r, row, column));
  }

  canBeEditedBy(email: string): boolean {
    return this.warningOnly || email === this.sheet.book.owner || this.editors.has(email);
  }

  /** Whether the user running the script may edit what it protects. */
  canEdit(): boolean {
    this.sheet.book.count("Protection.canEdit");
    return this.canBeEditedBy(this.sheet.book.user);
  }

  setDescription(d: string): FakeProtection {
    this.sheet.book.count("Protection.setDescription");
    this.description = d;
    return this;
  }
  getDescription(): string {
    return this.description;
  }
  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.sheet.book.count("Protection.setUnprotectedRanges");
    if (this.type !== "SHEET")
      throw new Error("Unprotected ranges apply to a sheet protection only.");
    this.unprotected = ranges.map((r) => r.rect);
    return this;
  }
  getUnprotectedRanges(): FakeRange[] {
    return this.unprotected.map((r) => new FakeRange(this.sheet, r));
  }
  getEditors(): FakeUser[] {
    this.sheet.book.count("Protection.getEditors");
    return [...this.editors].map((e) => new FakeUser(e));
  }
  addEditor(user: string | FakeUser): FakeProtection {
    this.editors.add(typeof user === "string" ? user : user.getEmail());
    return this;
  }
  /** Leaves the owner and the user running the script, as Sheets does. */
  removeEditors(users: (string | FakeUser)[]): FakeProtection {
    this.sheet.book.count("Protection.removeEditors");
    const book = this.sheet.book;
    for (const u of users) {
      const email = typeof u === "string" ? u : u.getEmail();
      if (email !== book.owner && email !== book.user) this.editors.delete(email);
    }
    return this;
  }
  canDomainEdit(): boolean {
    return this.domainEdit;
  }
  setDomainEdit(v: boolean): FakeProtection {
    this.domainEdit = v;
    return this;
  }
  setWarningOnly(v: boolean): FakeProtection {
    this.warningOnly = v;
    return this;
  }
  isWarningOnly(): boolean {
    return this.warningOnly;
  }
  remove(): void {
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }
  getProtectionType(): string {
    return this.type;
  }
}

export class FakeSheet {
  /** cells[row - 1][column - 1] */
  readonly cells: (Cell | undefined)[][] = [];
  maxRows = 1000;
  maxColumns = 26;
  frozenRows = 0;
  frozenColumns = 0;
  readonly widths = new Map<number, number>();
  protections: FakeProtection[] = [];
  /** Merged ranges; the value sits in the top-left cell. */
  merges: Rect[] = [];

  constructor(
    readonly book: FakeBook,
    public name: string,
  ) {}

  cell(row: number, column: number): Cell | undefined {
    return this.cells[row - 1]?.[column - 1];
  }

  cellFor(row: number, column: number): Cell {
    while (this.cells.length < row) this.cells.push([]);
    const r = this.cells[row - 1]!;
    let c = r[column - 1];
    if (!c) {
      c = { value: null, format: {} };
      r[column - 1] = c;
    }
    return c;
  }

  /** Puts a value in a cell as a precise API would: no parsing of text. */
  seed(row: number, column: number, v: CellValue): void {
    if (row > this.maxRows) this.maxRows = row;
    if (column > this.maxColumns) this.maxColumns = column;
    if (v === null || v === undefined || v === "") return;
    const c = this.cellFor(row, column);
    if (isDateValue(v)) {
      c.value = serialOf(v, this.book.zone);
      c.format.numberFormat = "yyyy-mm-dd";
    } else c.value = v as Stored;
  }

  /** A user typing into a cell. Throws when a protection refuses that user. */
  userEdit(row: number, column: number, text: string, user: string): void {
    if (!this.book.isEditor(user)) throw new Error(`${user} may only view this spreadsheet`);
    if (row > this.maxRows || column > this.maxColumns)
      throw new Error(
        `R${row}C${column} is past the end of ${this.name}: add rows or columns first`,
      );
    this.assertCanEdit(user, { row, column, rows: 1, columns: 1 });
    const c = this.cellFor(row, column);
    writeInput(c, text, this.book.zone);
  }

  assertCanEdit(email: string, rect: Rect): void {
    for (const p of this.protections) {
      if (p.canBeEditedBy(email)) continue;
      for (let r = rect.row; r < rect.row + rect.rows; r++)
        for (let c = rect.column; c < rect.column + rect.columns; c++)
          if (p.covers(r, c)) throw new ProtectedError();
    }
  }

  lastRow(): number {
    for (let r = this.cells.length; r >= 1; r--)
      if (this.cells[r - 1]?.some((c) => c && c.value !== null)) return r;
    return 0;
  }

  lastColumn(): number {
    let w = 0;
    for (const row of this.cells)
      for (let c = row.length; c > w; c--)
        if (row[c - 1]?.value != null) {
          w = c;
          break;
        }
    return w;
  }

  /** Values as a user would read them after reopening: strings, numbers, booleans, ISO dates. */
  display(row: number, column: number): string {
    return displayOf(this.cell(row, column), this.book.zone);
  }

  // The Sheet API Baton uses.
  getName(): string {
    return this.name;
  }
  getParent(): FakeBook {
    return this.book;
  }
  getRange(a: number | string, column?: number, rows = 1, columns = 1): FakeRange {
    this.book.count("Sheet.getRange");
    const rect = typeof a === "string" ? parseA1(a) : { row: a, column: column!, rows, columns };
    if (
      ![rect.row, rect.column, rect.rows, rect.columns].every((n) => Number.isInteger(n) && n >= 1)
    )
      throw new Error("The coordinates or dimensions of the range are invalid.");
    if (rect.row + rect.rows - 1 > this.maxRows || rect.column + rect.columns - 1 > this.maxColumns)
      throw new Error(
        "Exception: The coordinates of the range are outside the dimensions of the sheet.",
      );
    return new FakeRange(this, rect);
  }
  getRangeList(a1s: string[]): FakeRangeList {
    this.book.count("Sheet.getRangeList");
    return new FakeRangeList(a1s.map((a) => new FakeRange(this, parseA1(a))));
  }
  getDataRange(): FakeRange {
    this.book.count("Sheet.getDataRange");
    return new FakeRange(this, {
      row: 1,
      column: 1,
      rows: Math.max(1, this.lastRow()),
      columns: Math.max(1, this.lastColumn()),
    });
  }
  getLastRow(): number {
    this.book.count("Sheet.getLastRow");
    return this.lastRow();
  }
  getLastColumn(): number {
    this.book.count("Sheet.getLastColumn");
    return this.lastColumn();
  }
  getMaxRows(): number {
    this.book.count("Sheet.getMaxRows");
    return this.maxRows;
  }
  getMaxColumns(): number {
    this.book.count("Sheet.getMaxColumns");
    return this.maxColumns;
  }
  insertRowsAfter(after: number, n: number): FakeSheet {
    this.book.count("Sheet.insertRowsAfter");
    if (after !== this.maxRows) throw new Error("the fake only appends rows");
    this.maxRows += n;
    return this;
  }
  insertColumnsAfter(after: number, n: number): FakeSheet {
    this.book.count("Sheet.insertColumnsAfter");
    if (after !== this.maxColumns) throw new Error("the fake only appends columns");
    this.maxColumns += n;
    return this;
  }
  setFrozenRows(n: number): void {
    this.book.count("Sheet.setFrozenRows");
    this.frozenRows = n;
  }
  setFrozenColumns(n: number): void {
    this.book.count("Sheet.setFrozenColumns");
    this.frozenColumns = n;
  }
  getFrozenRows(): number {
    return this.frozenRows;
  }
  setColumnWidths(start: number, n: number, px: number): FakeSheet {
    this.book.count("Sheet.setColumnWidths");
    for (let c = start; c < start + n; c++) this.widths.set(c, px);
    return this;
  }
  setColumnWidth(column: number, px: number): FakeSheet {
    this.book.count("Sheet.setColumnWidth");
    this.widths.set(column, px);
    return this;
  }
  /** The sheet's protection; the existing one when the sheet is already protected. */
  protect(): FakeProtection {
    this.book.count("Sheet.protect");
    this.book.beforeWrite("protect", this, null);
    let p = this.protections.find((x) => x.type === "SHEET");
    if (!p) {
      p = new FakeProtection(this, "SHEET", null);
      this.protections.push(p);
    }
    return p;
  }
  getProtections(type: string): FakeProtection[] {
    this.book.count("Sheet.getProtections");
    return this.protections.filter((p) => p.type === type);
  }
  activate(): FakeSheet {
    this.book.activeSheet = this;
    return this;
  }
  /** Hidden from the tabs; still read and written by scripts. */
  hidden = false;
  hideSheet(): FakeSheet {
    this.book.count("Sheet.hideSheet");
    this.book.beforeWrite("hideSheet", this, null);
    this.hidden = true;
    return this;
  }
  isSheetHidden(): boolean {
    this.book.count("Sheet.isSheetHidden");
    return this.hidden;
  }
}

function writeInput(c: Cell, v: unknown, zone: string): void {
  delete c.formula;
  if (v === null || v === undefined || v === "") {
    c.value = null;
    return;
  }
  if (typeof v === "string") {
    const e = enterText(v, c.format.numberFormat);
    c.value = e.value;
    if (e.formula) c.formula = e.formula;
    if (
      e.impliedFormat &&
      !isDateFormat(c.format.numberFormat) &&
      (!c.format.numberFormat || c.format.numberFormat === GENERAL_FORMAT)
    )
      c.format.numberFormat = e.impliedFormat;
    return;
  }
  if (typeof v === "number" || typeof v === "boolean") {
    c.value = v;
    return;
  }
  if (isDateValue(v)) {
    c.value = serialOf(v, zone);
    if (!isDateFormat(c.format.numberFormat)) c.format.numberFormat = "yyyy-mm-dd hh:mm:ss";
    return;
  }
  throw new Error(`Cannot convert ${String(v)} to a cell value.`);
}

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly rect: Rect,
  ) {}

  private get book(): FakeBook {
    return this.sheet.book;
  }

  private each<T>(fn: (cell: Cell | undefined, row: number, column: number) => T): T[][] {
    const out: T[][] = [];
    for (let r = 0; r < this.rect.rows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.rect.columns; c++)
        row.push(
          fn(
            this.sheet.cell(this.rect.row + r, this.rect.column + c),
            this.rect.row + r,
            this.rect.column + c,
          ),
        );
      out.push(row);
    }
    return out;
  }

  private write(method: string, fn: (cell: Cell, r: number, c: number) => void): void {
    this.book.beforeWrite(method, this.sheet, this.rect);
    for (let r = 0; r < this.rect.rows; r++)
      for (let c = 0; c < this.rect.columns; c++)
        fn(this.sheet.cellFor(this.rect.row + r, this.rect.column + c), r, c);
  }

  private checkShape(method: string, data: unknown[][]): void {
    if (!Array.isArray(data) || data.length !== this.rect.rows)
      throw new Error(
        `The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(data) ? data.length : 0} but the range has ${this.rect.rows}.`,
      );
    for (const row of data)
      if (!Array.isArray(row) || row.length !== this.rect.columns)
        throw new Error(
          `The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.rect.columns}.`,
        );
    void method;
  }

  getSheet(): FakeSheet {
    return this.sheet;
  }
  getRow(): number {
    return this.rect.row;
  }
  getColumn(): number {
    return this.rect.column;
  }
  getNumRows(): number {
    return this.rect.rows;
  }
  getNumColumns(): number {
    return this.rect.columns;
  }
  getLastRow(): number {
    return this.rect.row + this.rect.rows - 1;
  }
  getA1Notation(): string {
    const { row, column, rows, columns } = this.rect;
    const start = letters(column) + row;
    return rows === 1 && columns === 1
      ? start
      : `${start}:${letters(column + columns - 1)}${row + rows - 1}`;
  }

  getValues(): unknown[][] {
    this.book.count("Range.getValues");
    const zone = this.book.zone;
    const D = this.book.realmDate;
    return this.each((cell) => {
      if (!cell || cell.value === null) return "";
      if (typeof cell.value === "number" && isDateFormat(cell.format.numberFormat))
        return new D(instantOf(cell.value, zone));
      return cell.value;
    });
  }
  getValue(): unknown {
    return new FakeRange(this.sheet, { ...this.rect, rows: 1, columns: 1 }).getValues()[0]![0];
  }
  getMergedRanges(): FakeRange[] {
    this.book.count("Range.getMergedRanges");
    return this.sheet.merges
      .filter((m) => overlaps(m, this.rect))
      .map((m) => new FakeRange(this.sheet, m));
  }
  getDisplayValues(): string[][] {
    this.book.count("Range.getDisplayValues");
    return this.each((cell) => displayOf(cell, this.book.zone));
  }
  getFormulas(): string[][] {
    this.book.count("Range.getFormulas");
    return this.each((cell) => cell?.formula ?? "");
  }
  setValues(values: unknown[][]): FakeRange {
    this.book.count("Range.setValues");
    this.checkShape("setValues", values);
    this.write("setValues", (cell, r, c) => writeInput(cell, values[r]![c], this.book.zone));
    return this;
  }
  setValue(value: unknown): FakeRange {
    this.book.count("Range.setValue");
    this.write("setValue", (cell) => writeInput(cell, value, this.book.zone));
    return this;
  }
  getNotes(): string[][] {
    this.book.count("Range.getNotes");
    return this.each((cell) => cell?.note ?? "");
  }
  setNotes(notes: (string | null)[][]): FakeRange {
    this.book.count("Range.setNotes");
    this.checkShape("setNotes", notes);
    this.write("setNotes", (cell, r, c) => {
      const n = notes[r]![c];
      if (n) cell.note = String(n);
      else delete cell.note;
    });
    return this;
  }
  setNote(note: string | null): FakeRange {
    this.book.count("Range.setNote");
    this.write("setNote", (cell) => {
      if (note) cell.note = note;
      else delete cell.note;
    });
    return this;
  }
  getBackgrounds(): string[][] {
    this.book.count("Range.getBackgrounds");
    return this.each((cell) => cell?.format.background ?? WHITE);
  }
  setBackgrounds(colours: (string | null)[][]): FakeRange {
    this.book.count("Range.setBackgrounds");
    this.checkShape("setBackgrounds", colours);
    this.write(
      "setBackgrounds",
      (cell, r, c) => (cell.format.background = normaliseColour(colours[r]![c] ?? null)),
    );
    return this;
  }
  setBackground(colour: string | null): FakeRange {
    this.book.count("Range.setBackground");
    this.write("setBackground", (cell) => (cell.format.background = normaliseColour(colour)));
    return this;
  }
  setFontColor(colour: string): FakeRange {
    this.book.count("Range.setFontColor");
    this.write(
      "setFontColor",
      (cell) => (cell.format.fontColor = normaliseColour(colour) ?? "#000000"),
    );
    return this;
  }
  setFontColors(colours: (string | null)[][]): FakeRange {
    this.book.count("Range.setFontColors");
    this.checkShape("setFontColors", colours);
    this.write(
      "setFontColors",
      (cell, r, c) =>
        (cell.format.fontColor = normaliseColour(colours[r]![c] ?? null) ?? "#000000"),
    );
    return this;
  }
  setFontWeights(weights: (string | null)[][]): FakeRange {
    this.book.count("Range.setFontWeights");
    this.checkShape("setFontWeights", weights);
    this.write(
      "setFontWeights",
      (cell, r, c) => (cell.format.fontWeight = weights[r]![c] ?? "normal"),
    );
    return this;
  }
  setFontStyles(styles: (string | null)[][]): FakeRange {
    this.book.count("Range.setFontStyles");
    this.checkShape("setFontStyles", styles);
    this.write(
      "setFontStyles",
      (cell, r, c) => (cell.format.fontStyle = styles[r]![c] ?? "normal"),
    );
    return this;
  }
  setWraps(wraps: boolean[][]): FakeRange {
    this.book.count("Range.setWraps");
    this.checkShape("setWraps", wraps);
    this.write("setWraps", (cell, r, c) => (cell.format.wrap = wraps[r]![c]!));
    return this;
  }
  setFontWeight(weight: string | null): FakeRange {
    this.book.count("Range.setFontWeight");
    this.write("setFontWeight", (cell) => (cell.format.fontWeight = weight ?? "normal"));
    return this;
  }
  getFontWeights(): string[][] {
    return this.each((cell) => cell?.format.fontWeight ?? "normal");
  }
  setFontStyle(style: string | null): FakeRange {
    this.book.count("Range.setFontStyle");
    this.write("setFontStyle", (cell) => (cell.format.fontStyle = style ?? "normal"));
    return this;
  }
  setWrap(wrap: boolean): FakeRange {
    this.book.count("Range.setWrap");
    this.write("setWrap", (cell) => (cell.format.wrap = wrap));
    return this;
  }
  setNumberFormat(format: string): FakeRange {
    this.book.count("Range.setNumberFormat");
    this.write("setNumberFormat", (cell) => (cell.format.numberFormat = format));
    return this;
  }
  setNumberFormats(formats: string[][]): FakeRange {
    this.book.count("Range.setNumberFormats");
    this.checkShape("setNumberFormats", formats);
    this.write("setNumberFormats", (cell, r, c) => (cell.format.numberFormat = formats[r]![c]!));
    return this;
  }
  getNumberFormats(): string[][] {
    this.book.count("Range.getNumberFormats");
    return this.each((cell) => cell?.format.numberFormat ?? GENERAL_FORMAT);
  }
  setDataValidation(rule: unknown): FakeRange {
    this.book.count("Range.setDataValidation");
    this.write("setDataValidation", (cell) => (cell.validation = rule ?? undefined));
    return this;
  }
  clear(): FakeRange {
    this.book.count("Range.clear");
    this.write("clear", (cell) => {
      cell.value = null;
      delete cell.formula;
      cell.format = {};
    });
    return this;
  }
  /** A protection of this range. */
  protect(): FakeProtection {
    this.book.count("Range.protect");
    this.book.beforeWrite("protect", this.sheet, null);
    const p = new FakeProtection(this.sheet, "RANGE", this.rect);
    this.sheet.protections.push(p);
    return p;
  }
  activate(): FakeRange {
    this.book.count("Range.activate");
    this.book.activeSheet = this.sheet;
    this.book.activeRange = this;
    return this;
  }
}

export class FakeRangeList {
  constructor(readonly ranges: FakeRange[]) {}
  getRanges(): FakeRange[] {
    return [...this.ranges];
  }
  private all(method: string, fn: (r: FakeRange) => void): FakeRangeList {
    const book = this.ranges[0]?.sheet.book;
    if (!book) return this;
    book.count(`RangeList.${method}`);
    // One service call for the whole list: the inner calls are not counted again.
    book.muted++;
    try {
      for (const r of this.ranges) fn(r);
    } finally {
      book.muted--;
    }
    return this;
  }
  setNumberFormat(f: string): FakeRangeList {
    return this.all("setNumberFormat", (r) => r.setNumberFormat(f));
  }
  setBackground(c: string | null): FakeRangeList {
    return this.all("setBackground", (r) => r.setBackground(c));
  }
  setFontColor(c: string): FakeRangeList {
    return this.all("setFontColor", (r) => r.setFontColor(c));
  }
  setFontWeight(w: string | null): FakeRangeList {
    return this.all("setFontWeight", (r) => r.setFontWeight(w));
  }
  setFontStyle(st: string | null): FakeRangeList {
    return this.all("setFontStyle", (r) => r.setFontStyle(st));
  }
  setWrap(w: boolean): FakeRangeList {
    return this.all("setWrap", (r) => r.setWrap(w));
  }
  clear(): FakeRangeList {
    return this.all("clear", (r) => r.clear());
  }
}

export class FakeDataValidationBuilder {
  private values: string[] = [];
  private allowInvalid = true;
  requireValueInList(values: string[], _showDropdown?: boolean): FakeDataValidationBuilder {
    this.values = [...values];
    return this;
  }
  setAllowInvalid(v: boolean): FakeDataValidationBuilder {
    this.allowInvalid = v;
    return this;
  }
  build(): { values: string[]; allowInvalid: boolean } {
    return { values: this.values, allowInvalid: this.allowInvalid };
  }
}

function normaliseColour(c: string | null): string | null {
  return c === null ? null : c.toLowerCase();
}

function letters(column: number): string {
  let n = column;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** "B5", "B2:D9" → a rectangle. */
export function parseA1(a1: string): Rect {
  const m = /^([A-Z]{1,3})(\d+)(?::([A-Z]{1,3})(\d+))?$/i.exec(a1.trim());
  if (!m) throw new Error(`Range not found: ${a1}`);
  const row = Number(m[2]);
  const column = columnNumber(m[1]!);
  const row2 = m[4] ? Number(m[4]) : row;
  const column2 = m[3] ? columnNumber(m[3]) : column;
  return {
    row: Math.min(row, row2),
    column: Math.min(column, column2),
    rows: Math.abs(row2 - row) + 1,
    columns: Math.abs(column2 - column) + 1,
  };
}

export { overlaps };

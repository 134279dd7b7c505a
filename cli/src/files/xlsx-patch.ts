/**
 * Writing a plan into an .xlsx or .xlsm file without loading the workbook model: the file is
 * copied part by part, and only the parts Baton owns for this write are rewritten: the sheets
 * the plan touches (as streams, `xlsx-sheet-patch.ts`), styles.xml (formats are only added),
 * and for a new sheet workbook.xml, its relationships and [Content_Types].xml (one entry more
 * each). Every other part (the team's own sheets, charts, drawings, pivot caches, comments,
 * the VBA project, the macro-enabled content type) is carried over byte for byte, where a
 * write through the xlsx library's model keeps only what it models.
 *
 * Every operation of a write plan is patched: values, clears and formats, new sheets, a
 * sheet's contents replaced, column widths and frozen panes, drop-down lists, sheet
 * protection with locked and unlocked cells, and the seal anchor in the very hidden state
 * sheet.
 */
import { replaceFile } from "./atomic.ts";
import { BATON_SHEET, LAST_ROW, type Rect, type WriteOp } from "@baton/core";
import {
  emptySheetPatch,
  EMPTY_SHEET,
  patchSheet,
  PatchRefused,
  type CellPatch,
  type SheetPatch,
} from "./xlsx-sheet-patch.ts";
import { MINIMAL_STYLES, StylesPatch } from "./xlsx-styles.ts";
import { attr, escapeXml, rootPrefix, unescapeXml } from "./xlsx-xml.ts";
import { resolvePart } from "./xlsx/read.ts";
import { boundOf, ZipFile, type ZipEntry } from "./xlsx/zip.ts";
import { ZipWriter } from "./xlsx/zip-write.ts";
import { withSheetTitles } from "./xlsx-app-props.ts";

export { PatchRefused, type CellPatch, type SheetPatch } from "./xlsx-sheet-patch.ts";

/** Name of the very hidden sheet where the file keeps Baton's own state (the seal anchor). */
/** The very hidden sheet that holds the seal anchor: the core names it. */
export const STATE_SHEET = BATON_SHEET;

/** Everything a plan does to a file, by sheet name. */
export interface FilePatch {
  readonly sheets: Map<string, SheetPatch>;
  /** Sheets the plans add, in order, unless the file has them already. */
  readonly added: Map<string, { readonly state?: "veryHidden" }>;
}

export const emptyPatch = (): FilePatch => ({ sheets: new Map(), added: new Map() });

export const isEmptyPatch = (p: FilePatch) => !p.sheets.size && !p.added.size;

/** A clear over more cells than this is kept as a rectangle, not cell by cell. */
const LISTED_CLEAR = 1 << 16;

const inside = (r: Rect, row: number, column: number) =>
  row >= r.row && row < r.row + r.rows && column >= r.column && column < r.column + r.columns;

/** Adds a plan's operations, in order, to a file patch. */
export function patchOf(ops: readonly WriteOp[], into: FilePatch = emptyPatch()): FilePatch {
  const sheetOf = (name: string) => {
    let s = into.sheets.get(name);
    if (!s) into.sheets.set(name, (s = emptySheetPatch()));
    return s;
  };
  for (const op of ops) {
    if (op.op === "addSheet") {
      if (!into.added.has(op.sheet)) into.added.set(op.sheet, {});
      continue;
    }
    if (op.op === "setAnchor") {
      if (!into.added.has(STATE_SHEET)) into.added.set(STATE_SHEET, { state: "veryHidden" });
      const cells = sheetOf(STATE_SHEET).cells;
      cells.set(
        1,
        new Map([
          [1, { value: "Seal anchor" }],
          [2, { value: op.value }],
        ]),
      );
      continue;
    }
    // Baton's other state lives in the same very hidden sheet as the anchor.
    if (op.sheet === STATE_SHEET && !into.added.has(STATE_SHEET))
      into.added.set(STATE_SHEET, { state: "veryHidden" });
    const sheet = sheetOf(op.sheet);
    const cellAt = (row: number, column: number) => {
      let r = sheet.cells.get(row);
      if (!r) sheet.cells.set(row, (r = new Map()));
      let c = r.get(column);
      if (!c) {
        r.set(column, (c = {}));
        // A cell first named after a large clear starts from the cleared cell.
        if (sheet.clears.some((x) => inside(x, row, column))) Object.assign(c, clearedCell());
      }
      return c;
    };
    switch (op.op) {
      case "freeze":
        sheet.freeze = { rows: op.rows, columns: op.columns };
        break;
      case "columnWidths":
        sheet.widths = op.widths;
        break;
      case "protect":
        sheet.editable = op.editable;
        // A rectangle that stops short of the sheet's end unlocks its cells one by one, blank
        // ones too (the columns stay locked below it); one that runs to the end unlocks columns.
        for (const r of op.editable)
          if (r.row + r.rows - 1 < LAST_ROW)
            for (let row = r.row; row < r.row + r.rows; row++)
              for (let c = r.column; c < r.column + r.columns; c++) cellAt(row, c);
        break;
      case "listValidation":
        sheet.validations.push({ range: op.range, values: op.values });
        break;
      case "values":
        op.values.forEach((values, i) =>
          values.forEach((v, j) => (cellAt(op.row + i, op.column + j).value = v)),
        );
        break;
      case "format":
      case "clear": {
        const { row, column, rows, columns } = op.range;
        if (op.op === "clear" && rows * columns > LISTED_CLEAR) {
          sheet.clears.push(op.range);
          for (const [r, cells] of sheet.cells)
            if (r >= row && r < row + rows)
              for (const [c, cell] of cells)
                if (c >= column && c < column + columns) {
                  delete cell.format;
                  Object.assign(cell, clearedCell());
                }
          break;
        }
        for (let r = row; r < row + rows; r++)
          for (let c = column; c < column + columns; c++) {
            const cell = cellAt(r, c);
            if (op.op === "clear") {
              delete cell.format;
              Object.assign(cell, clearedCell());
            } else cell.format = { ...cell.format, ...op.format };
          }
        break;
      }
    }
  }
  return into;
}

const clearedCell = (): CellPatch => ({ value: null, cleared: true });

// ---------------------------------------------------------------------------------------------
// The file

const text = (zip: ZipFile, entry: ZipEntry) => zip.text(entry, boundOf(entry));

const WORKSHEET_TYPE =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const WORKSHEET_CONTENT =
  "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml";
const STYLES_CONTENT = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** The workbook's parts: where each sheet lives, and the parts a new sheet or styles change. */
interface Book {
  readonly zip: ZipFile;
  /** The workbook part's path, the folder it is in (with its slash), its relationships' path. */
  readonly bookPart: string;
  readonly dir: string;
  readonly relsPart: string;
  book: string;
  rels: string;
  types: string;
  /** Sheet name → its part path. */
  readonly parts: Map<string, string>;
  /** The names of the worksheets (not chart sheets), in the workbook's order. */
  readonly worksheets: string[];
  /** The prefix workbook.xml gives the relationships namespace. */
  readonly prefix: string;
  /** The prefix workbook.xml gives SpreadsheetML's elements ("x:" or ""). */
  readonly main: string;
  stylesPart: string | undefined;
  /** docProps/app.xml (or wherever the package's relationships put it), when the file has one. */
  readonly appPart: string | undefined;
  changed: Set<"book" | "rels" | "types">;
}

const OFFICE_DOCUMENT =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const EXTENDED_PROPERTIES =
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties";

/** A relationship's target as a path in the zip: absolute, or relative to `base`. */
const partPath = (base: string, target: string) =>
  // Targets are URIs: a part named with a space is `Tracker%20data.xml` in the relationships.
  resolvePart(base, decodeURIComponent(target));

/** Relationship id → [type, part path], resolved against `base`. */
function relationshipsOf(rels: string, base: string): Map<string, [string, string]> {
  const out = new Map<string, [string, string]>();
  for (const m of rels.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = attr(m[0], "Id");
    const t = attr(m[0], "Target");
    if (!id || !t || attr(m[0], "TargetMode") === "External") continue;
    out.set(id, [attr(m[0], "Type") ?? "", partPath(base, t)]);
  }
  return out;
}

async function readBook(zip: ZipFile): Promise<Book> {
  const rootFile = zip.entry("_rels/.rels");
  const root = rootFile ? relationshipsOf(await text(zip, rootFile), "") : new Map();
  const targetOf = (type: string) => [...root.values()].find(([t]) => t === type)?.[1];
  // The package's relationships say where the workbook is; xl/workbook.xml is only the usual place.
  const bookPart = targetOf(OFFICE_DOCUMENT) ?? "xl/workbook.xml";
  const dir = bookPart.slice(0, bookPart.lastIndexOf("/") + 1);
  const relsPart = `${dir}_rels/${bookPart.slice(dir.length)}.rels`;
  const bookFile = zip.entry(bookPart);
  const relsFile = zip.entry(relsPart);
  const typesFile = zip.entry("[Content_Types].xml");
  if (!bookFile || !relsFile || !typesFile)
    throw new PatchRefused(
      `the file has no workbook part (${bookPart}), its relationships or content types`,
    );
  const book = await text(zip, bookFile);
  const rels = await text(zip, relsFile);
  const types = await text(zip, typesFile);
  const prefix =
    new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/[./]/g, "\\$&")}"`).exec(book)?.[1] ?? "r";
  const main = rootPrefix(book, "workbook");
  const targets = relationshipsOf(rels, dir);
  let stylesPart: string | undefined;
  for (const [type, part] of targets.values()) if (type === STYLES_TYPE) stylesPart = part;
  const parts = new Map<string, string>();
  const worksheets: string[] = [];
  for (const m of book.matchAll(new RegExp(`<${main}sheet\\b[^>]*>`, "g"))) {
    const name = attr(m[0], "name");
    const id = attr(m[0], `${prefix}:id`);
    const target = id ? targets.get(id) : undefined;
    if (!name || !target) continue;
    parts.set(unescapeXml(name), target[1]);
    if (target[0] === WORKSHEET_TYPE) worksheets.push(unescapeXml(name));
  }
  const app = targetOf(EXTENDED_PROPERTIES);
  return {
    zip,
    bookPart,
    dir,
    relsPart,
    book,
    rels,
    types,
    parts,
    worksheets,
    prefix,
    main,
    stylesPart,
    appPart: app && zip.entry(app) ? app : undefined,
    changed: new Set(),
  };
}

/** The part of a sheet, by its name as the file spells it or in any case (as Excel matches names). */
function partOfSheet(b: Book, name: string): string | undefined {
  const exact = b.parts.get(name);
  if (exact) return exact;
  const lower = name.toLowerCase();
  for (const [n, p] of b.parts) if (n.toLowerCase() === lower) return p;
  return undefined;
}

function nextRelId(rels: string): string {
  const used = new Set([...rels.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
  let n = used.size + 1;
  while (used.has(`rId${n}`)) n++;
  return `rId${n}`;
}

/** Adds a sheet at the end of the workbook; answers its part. */
function addSheet(b: Book, name: string, state: string | undefined): string {
  let n: number;
  const taken = (path: string) =>
    b.zip.entry(path) !== undefined ||
    [...b.parts.values()].some((p) => p.toLowerCase() === path.toLowerCase());
  for (n = 1; taken(`${b.dir}worksheets/sheet${n}.xml`); n++);
  const part = `${b.dir}worksheets/sheet${n}.xml`;
  const m = b.main;
  const sheetId =
    Math.max(
      0,
      ...[...b.book.matchAll(new RegExp(`<${m}sheet\\b[^>]*\\ssheetId="(\\d+)"`, "g"))].map((x) =>
        Number(x[1]),
      ),
    ) + 1;
  const id = nextRelId(b.rels);
  if (
    !b.book.includes(`</${m}sheets>`) ||
    !/<\/Relationships>/.test(b.rels) ||
    !/<\/Types>/.test(b.types)
  )
    throw new PatchRefused("the workbook's parts are not as the file format says");
  const stateAttr = state ? ` state="${state}"` : "";
  b.book = b.book.replace(
    `</${m}sheets>`,
    `<${m}sheet name="${escapeXml(name)}" sheetId="${sheetId}"${stateAttr} ${b.prefix}:id="${id}"/></${m}sheets>`,
  );
  b.rels = b.rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${WORKSHEET_TYPE}" Target="worksheets/sheet${n}.xml"/></Relationships>`,
  );
  b.types = b.types.replace(
    "</Types>",
    `<Override PartName="/${part}" ContentType="${WORKSHEET_CONTENT}"/></Types>`,
  );
  b.parts.set(name, part);
  b.worksheets.push(name);
  b.changed.add("book").add("rels").add("types");
  return part;
}

/** Adds a styles part to a workbook that has none. */
function addStyles(b: Book): string {
  const id = nextRelId(b.rels);
  b.rels = b.rels.replace(
    "</Relationships>",
    `<Relationship Id="${id}" Type="${STYLES_TYPE}" Target="styles.xml"/></Relationships>`,
  );
  b.types = b.types.replace(
    "</Types>",
    `<Override PartName="/${b.dir}styles.xml" ContentType="${STYLES_CONTENT}"/></Types>`,
  );
  b.changed.add("rels").add("types");
  return (b.stylesPart = `${b.dir}styles.xml`);
}

/**
 * Writes `source` (a file or its bytes) with the patch applied to `target` (which may be the
 * same file). Throws `PatchRefused` for a file it cannot patch, before the target is touched,
 * and `RangeError` for a patch that writes to a sheet that is neither in the file nor added.
 */
export async function writePatched(
  source: string | Uint8Array,
  target: string,
  patch: FilePatch,
): Promise<void> {
  const zip = ZipFile.open(source);
  try {
    await writePatchedZip(zip, target, patch);
  } finally {
    zip.close();
  }
}

/** Part paths compare as Office compares them, ignoring case. */
const key = (path: string) => path.toLowerCase();

async function writePatchedZip(zip: ZipFile, target: string, patch: FilePatch): Promise<void> {
  const b = await readBook(zip);
  const sheetsBefore = [...b.worksheets];

  const newParts = new Map<string, string>();
  for (const [name, { state }] of patch.added)
    if (!partOfSheet(b, name)) newParts.set(addSheet(b, name, state), name);
  const patched = new Map<string, { sheet: string; patch: SheetPatch }>();
  for (const [name, sheetPatch] of patch.sheets) {
    const part = partOfSheet(b, name);
    if (!part) throw new RangeError(`plan writes to a sheet that does not exist: ${name}`);
    if (!newParts.has(part) && !zip.entry(part))
      throw new PatchRefused(`sheet "${name}": its part ${part} is missing from the file`);
    patched.set(key(part), { sheet: name, patch: sheetPatch });
  }
  const stylesPart = b.stylesPart ?? addStyles(b);
  const stylesEntry = zip.entry(stylesPart);
  const styles = new StylesPatch(stylesEntry ? await text(zip, stylesEntry) : MINIMAL_STYLES);
  // The document's properties list the sheets' titles; Excel shows them, and keeps them true.
  const appEntry = newParts.size && b.appPart ? zip.entry(b.appPart) : undefined;
  const app = appEntry
    ? withSheetTitles(await text(zip, appEntry), sheetsBefore, b.worksheets)
    : undefined;

  const whole = new Map<string, string>();
  if (b.changed.has("book")) whole.set(key(b.bookPart), b.book);
  if (b.changed.has("rels")) whole.set(key(b.relsPart), b.rels);
  if (b.changed.has("types")) whole.set(key("[Content_Types].xml"), b.types);
  if (app !== undefined && b.appPart) whole.set(key(b.appPart), app);

  await replaceFile(target, async (out) => {
    const writer = new ZipWriter(out);
    const sheet = (part: string, chunks: AsyncIterable<Buffer | string>) => {
      const p = patched.get(key(part))!;
      return patchSheet(chunks, p.patch, styles, p.sheet);
    };
    // Every part in the file's order; styles last, once every sheet has asked for the
    // formats it needs. A part nothing changes is copied as it is stored.
    for (const entry of zip.entries.values()) {
      const k = key(entry.name);
      if (k === key(stylesPart)) continue;
      const replaced = whole.get(k);
      if (replaced !== undefined) await writer.add(entry.name, replaced, entry);
      else if (patched.has(k))
        await writer.add(entry.name, sheet(entry.name, zip.inflate(entry)), entry);
      else await writer.copy(zip, entry);
    }
    for (const [part] of newParts)
      await writer.add(
        part,
        sheet(
          part,
          (async function* () {
            yield EMPTY_SHEET;
          })(),
        ),
      );
    if (stylesEntry && !styles.modified) await writer.copy(zip, stylesEntry);
    else await writer.add(stylesPart, styles.toXml(), stylesEntry);
    await writer.finish();
  });
}

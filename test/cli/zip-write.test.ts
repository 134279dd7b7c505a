/**
 * The patcher's zip: parts nothing changes are copied as their stored bytes (the same
 * compressed bytes, CRC and sizes as in the source), every local header carries its sizes
 * (no data descriptor follows, whatever the source had), and Zip64 records are written right
 * where they are needed (tested by forcing them). exceljs, LibreOffice, a reader that walks
 * the local headers in order and Baton's own reader all open the results.
 */
import { describe, expect, it } from "vitest";
import { createWriteStream, readFileSync } from "node:fs";
import { finished } from "node:stream/promises";
import { join } from "node:path";
import { Readable } from "node:stream";
import { createRequire } from "node:module";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { demoContent, templatePlan, type WriteOp } from "@baton/core";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";
import { emptyPatch, patchOf, writePatched } from "../../cli/src/files/xlsx-patch.ts";
import { ZipFile, type ZipEntry } from "../../cli/src/files/xlsx/zip.ts";
import { ZipWriter } from "../../cli/src/files/xlsx/zip-write.ts";
import { replaceFile } from "../../cli/src/files/atomic.ts";
import { readWorkbook } from "../../cli/src/files/xlsx/read.ts";
import { libreOfficeWritten } from "../../bench/src/writers.ts";
import { tempDir } from "../support/cli.ts";
import { toolIn } from "../support/tools.ts";

const require = createRequire(import.meta.url);
const unzipper = require("unzipper") as {
  Parse(options: { forceStream: true }): NodeJS.ReadWriteStream;
};
const archiver = require("archiver") as (
  format: "zip",
  options: object,
) => {
  append(source: Readable, data: { name: string }): void;
  pipe(to: NodeJS.WritableStream): void;
  finalize(): Promise<void>;
};

const dir = tempDir("baton-zip-write-");

async function demoFile(): Promise<string> {
  const host = XlsxHost.empty();
  await host.apply(templatePlan(demoContent({ today: "2026-11-20", timeZone: "Europe/Berlin" })));
  const file = join(dir, "demo.xlsx");
  await host.save(file);
  return file;
}

/** The same parts zipped as a fast streaming writer zips them: each followed by a data descriptor, deflated at another level than the patcher uses, so a part it deflated again would differ. */
async function withDataDescriptors(file: string): Promise<string> {
  const parts = await JSZip.loadAsync(readFileSync(file));
  const out = file.replace(/\.xlsx$/, "-streamed.xlsx");
  const stream = createWriteStream(out);
  const archive = archiver("zip", { zlib: { level: 1 } });
  archive.pipe(stream);
  for (const f of Object.values(parts.files))
    if (!f.dir) archive.append(Readable.from([await f.async("nodebuffer")]), { name: f.name });
  await archive.finalize();
  await finished(stream);
  return out;
}

async function stored(zip: ZipFile, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of zip.raw(entry)) chunks.push(c);
  return Buffer.concat(chunks);
}

async function inflated(zip: ZipFile, entry: ZipEntry): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of zip.inflate(entry)) chunks.push(c);
  return Buffer.concat(chunks);
}

/** Each local header of the file, walked from the start as a streaming reader does. */
function localHeaders(bytes: Buffer) {
  const out: {
    name: string;
    flags: number;
    version: number;
    crc: number;
    csize: number;
    size: number;
    extra: Buffer;
  }[] = [];
  let p = 0;
  while (bytes.readUInt32LE(p) === 0x04034b50) {
    const nameLength = bytes.readUInt16LE(p + 26);
    const extraLength = bytes.readUInt16LE(p + 28);
    const extra = bytes.subarray(p + 30 + nameLength, p + 30 + nameLength + extraLength);
    let csize = bytes.readUInt32LE(p + 18);
    let size = bytes.readUInt32LE(p + 22);
    if (csize === 0xffffffff && extra.readUInt16LE(0) === 1) {
      size = Number(extra.readBigUInt64LE(4));
      csize = Number(extra.readBigUInt64LE(12));
    }
    out.push({
      name: bytes.toString("utf8", p + 30, p + 30 + nameLength),
      version: bytes.readUInt16LE(p + 4),
      flags: bytes.readUInt16LE(p + 6),
      crc: bytes.readUInt32LE(p + 14),
      csize,
      size,
      extra,
    });
    // With the sizes in the header, the next header follows the data directly.
    p += 30 + nameLength + extraLength + csize;
  }
  return { headers: out, directoryAt: p };
}

/** Every entry through unzipper's streaming parser, which trusts local headers only. */
async function streamedEntries(file: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  const parse = Readable.from([readFileSync(file)]).pipe(unzipper.Parse({ forceStream: true }));
  for await (const entry of parse as AsyncIterable<NodeJS.ReadableStream & { path: string }>) {
    const chunks: Buffer[] = [];
    for await (const c of entry as AsyncIterable<Buffer>) chunks.push(c);
    out.set(entry.path, Buffer.concat(chunks));
  }
  return out;
}

const PLAN: WriteOp[] = [
  { op: "values", sheet: "Initiatives", row: 2, column: 1, values: [["patched"]] },
  { op: "addSheet", sheet: "Added" },
  { op: "values", sheet: "Added", row: 1, column: 1, values: [["new"]] },
];

describe("the patcher's zip", () => {
  it("copies the parts nothing changes as their stored bytes, with sizes in every local header", async (ctx) => {
    const source = await withDataDescriptors(await demoFile());
    const out = join(dir, "patched.xlsx");
    await writePatched(source, out, patchOf(PLAN, emptyPatch()));

    const before = ZipFile.open(source);
    const after = ZipFile.open(out);
    try {
      // exceljs writes data descriptors: the copies must not claim one.
      expect([...before.entries.values()].some((e) => e.flags & 8)).toBe(true);
      const sheetOf = async (zip: ZipFile, name: string) => {
        const book = (await inflated(zip, zip.entry("xl/workbook.xml")!)).toString();
        const tag = new RegExp(`<sheet\\b[^>]*\\sname="${name}"[^>]*>`).exec(book)![0];
        const rid = /\sr:id="([^"]+)"/.exec(tag)![1];
        const rels = (await inflated(zip, zip.entry("xl/_rels/workbook.xml.rels")!)).toString();
        return "xl/" + new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(rels)![1];
      };
      const changed = new Set([
        await sheetOf(before, "Initiatives"),
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "[Content_Types].xml",
        "docProps/app.xml",
        "xl/styles.xml",
      ]);
      let copied = 0;
      for (const e of before.entries.values()) {
        const a = after.entry(e.name)!;
        expect(a, e.name).toBeDefined();
        if (changed.has(e.name)) continue;
        copied++;
        expect(await stored(after, a), e.name).toEqual(await stored(before, e));
        expect([a.crc, a.compressedSize, a.size, a.method]).toEqual([
          e.crc,
          e.compressedSize,
          e.size,
          e.method,
        ]);
      }
      expect(copied).toBeGreaterThan(4);
      // The part the plan changes was written again, and says so in its bytes.
      const initiatives = await sheetOf(after, "Initiatives");
      expect((await inflated(after, after.entry(initiatives)!)).toString()).toContain(">patched<");
    } finally {
      before.close();
      after.close();
    }

    const bytes = readFileSync(out);
    const { headers } = localHeaders(bytes);
    expect(headers.length).toBe(ZipFile.open(out).entries.size);
    for (const h of headers) expect(h.flags & 8, h.name).toBe(0);
    const streamed = await streamedEntries(out);
    const whole = await JSZip.loadAsync(bytes);
    for (const [name, content] of streamed)
      expect(content.equals(await whole.file(name)!.async("nodebuffer")), name).toBe(true);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.getWorksheet("Initiatives")!.getCell("A2").value).toBe("patched");
    expect(wb.getWorksheet("Added")!.getCell("A1").value).toBe("new");

    const saved = join(dir, "patched-lo.xlsx");
    libreOfficeWritten(out, saved, toolIn(ctx, "soffice"));
    const lo = await readWorkbook(saved, () => true);
    expect(lo.grids.Initiatives![1]![0]).toBe("patched");
    expect(lo.grids.Added).toEqual([["new"]]);
  }, 240_000);

  it("writes Zip64 records that every reader takes, when they are forced", async () => {
    const source = await demoFile();
    const out = join(dir, "zip64.zip");
    const zip = ZipFile.open(source);
    try {
      await replaceFile(out, async (stream) => {
        const writer = new ZipWriter(stream, { forceZip64: true });
        for (const e of zip.entries.values()) await writer.copy(zip, e);
        await writer.add("added/ünïcode.xml", "<a>added</a>");
        async function* pieces() {
          for (let i = 0; i < 1000; i++) yield `<row r="${i}">${"x".repeat(i % 50)}</row>`;
        }
        await writer.add("added/streamed.xml", pieces());
        await writer.finish();
      });
    } finally {
      zip.close();
    }
    const bytes = readFileSync(out);
    const { headers, directoryAt } = localHeaders(bytes);
    for (const h of headers) {
      expect(h.version, h.name).toBe(45);
      expect(h.extra.readUInt16LE(0), h.name).toBe(1);
      expect(h.flags & 8).toBe(0);
    }
    // Zip64 end record and locator before the classic end, whose fields all point past it.
    const end = bytes.length - 22;
    expect(bytes.readUInt32LE(end)).toBe(0x06054b50);
    expect(bytes.readUInt16LE(end + 10)).toBe(0xffff);
    expect(bytes.readUInt32LE(end + 16)).toBe(0xffffffff);
    expect(bytes.readUInt32LE(end - 20)).toBe(0x07064b50);
    const record = Number(bytes.readBigUInt64LE(end - 20 + 8));
    expect(bytes.readUInt32LE(record)).toBe(0x06064b50);
    expect(Number(bytes.readBigUInt64LE(record + 48))).toBe(directoryAt);
    expect(Number(bytes.readBigUInt64LE(record + 32))).toBe(headers.length);

    const source64 = ZipFile.open(source);
    const written = ZipFile.open(out);
    const whole = await JSZip.loadAsync(bytes);
    const streamed = await streamedEntries(out);
    try {
      expect(written.entries.size).toBe(source64.entries.size + 2);
      for (const e of source64.entries.values()) {
        const content = await inflated(source64, e);
        expect(await inflated(written, written.entry(e.name)!), e.name).toEqual(content);
        expect((await whole.file(e.name)!.async("nodebuffer")).equals(content), e.name).toBe(true);
        expect(streamed.get(e.name)?.equals(content), e.name).toBe(true);
      }
      expect((await inflated(written, written.entry("added/ünïcode.xml")!)).toString()).toBe(
        "<a>added</a>",
      );
      expect(await whole.file("added/ünïcode.xml")!.async("string")).toBe("<a>added</a>");
      const rows = await whole.file("added/streamed.xml")!.async("string");
      expect(rows.match(/<row /g)).toHaveLength(1000);
      expect((await inflated(written, written.entry("added/streamed.xml")!)).toString()).toBe(rows);
    } finally {
      source64.close();
      written.close();
    }
  });
});

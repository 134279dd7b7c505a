/**
 * Files that are not workbooks, or are workbooks made to hurt: each gets one clear line on
 * stderr and exit 2, the file is left as it was, and no command runs out of memory or prints
 * a stack trace. Every file is generated here.
 */
import { describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { baton, tempDir } from "../support/cli.ts";
import { handWorkbook } from "../support/xlsx-build.ts";

const dir = tempDir("baton-adversarial-");
let n = 0;

/** Runs a reading and a writing command on the bytes; each must refuse with one line matching `why`. */
function refused(bytes: Uint8Array, why: RegExp): void {
  const file = join(dir, `input-${++n}.xlsx`);
  writeFileSync(file, bytes);
  const before = createHash("sha256").update(readFileSync(file)).digest("hex");
  // A command that only reads, and one that writes.
  for (const args of [
    ["validate", file],
    ["close", file, "--period", "2026-W47"],
  ]) {
    const r = baton(args);
    expect(r.code, `${args[0]}: ${r.stderr}`).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(why);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|heap|Invalid string length/);
  }
  expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(before);
}

const sheetWith = (rows: string) =>
  handWorkbook({ sheets: [{ name: "Initiatives", body: `<sheetData>${rows}</sheetData>` }] });

describe("cells outside Excel's grid", () => {
  it("a row numbered 99,999,999 in a small file", async () => {
    refused(
      await sheetWith(
        `<row r="1"><c r="A1"><v>1</v></c></row><row r="99999999"><c r="A99999999"><v>2</v></c></row>`,
      ),
      /not a valid workbook: sheet "Initiatives" has a (row numbered |cell at A)99999999/,
    );
  });

  it("a row numbered 2,000,000,000", async () => {
    refused(
      await sheetWith(`<row r="2000000000"><c><v>2</v></c></row>`),
      /row numbered 2000000000, outside Excel's rows 1 to 1,048,576/,
    );
  });

  it("a cell past column XFD, addressed or counted", async () => {
    refused(
      await sheetWith(`<row r="1"><c r="XFE1"><v>1</v></c></row>`),
      /cell at XFE1, outside Excel's grid/,
    );
    refused(
      await sheetWith(`<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`),
      /past column XFD in row 1/,
    );
  });
});

describe("zip bombs", () => {
  it("a sheet that inflates far beyond its compressed size is refused before it is read", async () => {
    const zip = await JSZip.loadAsync(await sheetWith(`<row r="1"><c r="A1"><v>1</v></c></row>`));
    // 64 MB of blanks between two rows: legal XML, a few dozen KB compressed.
    const blanks = Buffer.alloc(64 * 1024 * 1024, 0x20);
    const xml = Buffer.concat([
      Buffer.from(
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1"><v>1</v></c></row>',
      ),
      blanks,
      Buffer.from("</sheetData></worksheet>"),
    ]);
    zip.file("xl/worksheets/sheet1.xml", xml);
    refused(
      await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
      /a part \(xl\/worksheets\/sheet1\.xml\) inflates beyond \d+ MB/,
    );
  });

  it("a part whose directory entry lies about its size", async () => {
    const bytes = Buffer.from(await sheetWith(`<row r="1"><c r="A1"><v>1</v></c></row>`));
    // Halve the inflated size the central directory records for the sheet.
    const name = Buffer.from("xl/worksheets/sheet1.xml");
    for (
      let at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
      at >= 0;
      at = bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4)
    )
      if (bytes.subarray(at + 46, at + 46 + name.length).equals(name))
        bytes.writeUInt32LE(Math.floor(bytes.readUInt32LE(at + 24) / 2), at + 24);
    refused(bytes, /not a valid workbook: the zip entry xl\/worksheets\/sheet1\.xml is damaged/);
  });
});

describe("files that are not workbooks", () => {
  it("a truncated workbook", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Initiatives").getCell("A1").value = "ID";
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    refused(
      bytes.subarray(0, Math.floor(bytes.length / 2)),
      /not a valid workbook: the file is truncated/,
    );
  });

  it("a zip that holds no workbook", async () => {
    const zip = new JSZip();
    zip.file("notes.txt", "hello");
    refused(
      await zip.generateAsync({ type: "uint8array" }),
      /is a zip file, but holds no workbook part/,
    );
  });

  it("an OpenDocument spreadsheet renamed to .xlsx", async () => {
    const zip = new JSZip();
    zip.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", {
      compression: "STORE",
    });
    zip.file("content.xml", "<office:document-content/>");
    refused(
      await zip.generateAsync({ type: "uint8array" }),
      /is an OpenDocument spreadsheet \(\.ods\), not \.xlsx; open it in LibreOffice or Excel and save it as \.xlsx/,
    );
  });

  it("an encrypted workbook, and an old .xls, both OLE compound files", () => {
    refused(
      compoundFile(["Root Entry", "EncryptionInfo", "EncryptedPackage"]),
      /is an encrypted \(password-protected\) workbook; save a copy without a password/,
    );
    refused(
      compoundFile(["Root Entry", "Workbook", "\u0005SummaryInformation"]),
      /is an old-style \.xls workbook/,
    );
  });

  it("text, and an empty file", () => {
    refused(
      Buffer.from("ID,Initiative\nINI-1,x\n"),
      /is not a valid workbook: it is not a zip file/,
    );
    refused(new Uint8Array(0), /is not a valid workbook: it is not a zip file/);
  });

  it("XML with a document type or entity declarations", async () => {
    const zip = await JSZip.loadAsync(await sheetWith(""));
    zip.file(
      "xl/worksheets/sheet1.xml",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>',
    );
    refused(
      await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" }),
      /declares a document type or entities, which no workbook does/,
    );
  });

  it("an entity the XML does not define", async () => {
    refused(
      await sheetWith(`<row r="1"><c r="A1" t="inlineStr"><is><t>&lol;</t></is></c></row>`),
      /uses an entity it does not declare \(&lol;\)/,
    );
  });

  it("a cell that points past the shared string table", async () => {
    refused(
      await sheetWith(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`),
      /sheet "Initiatives" has a cell in row 1 that refers to shared string 7, which the file does not hold/,
    );
  });
});

/**
 * A minimal OLE compound file (the container of .xls files and of encrypted .xlsx files):
 * its header, and one directory sector naming the streams.
 */
function compoundFile(streams: readonly string[]): Uint8Array {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(0x1000, 56);
  header.writeUInt32LE(0xfffffffe, 60);
  header.writeUInt32LE(0xfffffffe, 68);
  header.writeUInt32LE(0, 76); // FAT in sector 0
  for (let i = 1; i < 109; i++) header.writeUInt32LE(0xffffffff, 76 + i * 4);
  const fat = Buffer.alloc(512, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0);
  fat.writeUInt32LE(0xfffffffe, 4);
  const directory = Buffer.alloc(512);
  streams.forEach((name, i) => {
    const at = i * 128;
    const utf16 = Buffer.from(name + "\0", "utf16le");
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory[at + 66] = i === 0 ? 5 : 2;
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(i === 0 ? 1 : 0xffffffff, at + 76);
  });
  return Buffer.concat([header, fat, directory, deflateRawSync(Buffer.alloc(0))]);
}

/**
 * Writing a zip whose entries are mostly another zip's: an entry that does not change is
 * copied as its stored (compressed) bytes with the CRC and sizes the source's directory gives,
 * so it costs a copy rather than an inflate and a deflate; a part that changes is deflated.
 * Every entry is written with its sizes in the local header (no data descriptor), and with
 * Zip64 fields where a size, an offset or the number of entries needs them (or everywhere,
 * when asked, so that path can be tested without writing 4 GB).
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { crc32, createDeflateRaw, deflateRawSync } from "node:zlib";
import type { ZipEntry, ZipFile } from "./zip.ts";

/** Deflate level for the small parts that change: zlib's default, as Excel's own files are. */
const LEVEL = 6;
/**
 * Deflate level for a streamed part (a sheet). A command waits on deflating the sheet it
 * patched: on the check-ins of a large tracker (83 MB of XML) level 3 takes about a third of
 * level 6's time for 12% more compressed bytes, and the sheet is the one part written per row.
 */
const STREAM_LEVEL = 3;
const MAX32 = 0xffffffff;
const MAX16 = 0xffff;
/** Bit 3: sizes and CRC follow the data. Entries here always carry them in the header. */
const DATA_DESCRIPTOR = 0x0008;
/** Bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

interface Written {
  readonly name: Buffer;
  readonly flags: number;
  readonly method: number;
  readonly time: number;
  readonly date: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly offset: number;
  readonly madeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
}

export interface ZipWriterOptions {
  /** Zip64 records for every entry and the end, whether sizes need them or not. */
  readonly forceZip64?: boolean;
}

/** The time now, as a zip's MS-DOS time and date. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: (Math.max(0, d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

export class ZipWriter {
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly zip64: boolean;
  private readonly now = dosNow();

  constructor(
    private readonly out: Writable,
    options: ZipWriterOptions = {},
  ) {
    this.zip64 = options.forceZip64 ?? false;
  }

  private async write(bytes: Buffer): Promise<void> {
    this.offset += bytes.length;
    if (!this.out.write(bytes)) await once(this.out, "drain");
  }

  /** `entry` of `from`, its stored bytes copied as they are. */
  async copy(from: ZipFile, entry: ZipEntry): Promise<void> {
    const header = this.header({
      name: Buffer.from(entry.name, "utf8"),
      // Sizes go in the header now, so no data descriptor follows; the rest of the flags
      // (UTF-8 names, the deflate options) stay the source's.
      flags: entry.flags & ~DATA_DESCRIPTOR,
      method: entry.method,
      time: entry.time,
      date: entry.date,
      crc: entry.crc,
      compressedSize: entry.compressedSize,
      size: entry.size,
      offset: this.offset,
      madeBy: entry.madeBy,
      internalAttributes: entry.internalAttributes,
      externalAttributes: entry.externalAttributes,
    });
    await this.write(header);
    let copied = 0;
    for await (const chunk of from.raw(entry)) {
      copied += chunk.length;
      await this.write(chunk);
    }
    if (copied !== entry.compressedSize)
      throw new Error(`the zip entry ${entry.name} ends before its stored size`);
  }

  /**
   * A part deflated from `body`. `like` is the entry it replaces, whose time and attributes
   * it keeps; a new part gets the time now.
   */
  async add(
    name: string,
    body: string | Buffer | AsyncIterable<Buffer | string>,
    like?: ZipEntry,
  ): Promise<void> {
    const { data, crc, size } =
      typeof body === "string" || Buffer.isBuffer(body)
        ? deflatedWhole(typeof body === "string" ? Buffer.from(body, "utf8") : body)
        : await deflated(body);
    const nameBytes = Buffer.from(name, "utf8");
    const ascii = nameBytes.length === name.length;
    const entry: Written = {
      name: nameBytes,
      flags: (like ? like.flags & ~DATA_DESCRIPTOR : 0) | (ascii ? 0 : UTF8_NAME),
      method: 8,
      time: like?.time ?? this.now.time,
      date: like?.date ?? this.now.date,
      crc,
      compressedSize: data.reduce((n, c) => n + c.length, 0),
      size,
      offset: this.offset,
      madeBy: like?.madeBy ?? 20,
      internalAttributes: like?.internalAttributes ?? 0,
      externalAttributes: like?.externalAttributes ?? 0,
    };
    await this.write(this.header(entry));
    for (const c of data) await this.write(c);
  }

  /** Whether an entry's sizes need Zip64 fields. */
  private big(e: Written): boolean {
    return this.zip64 || e.size >= MAX32 || e.compressedSize >= MAX32;
  }

  /** The local header of `e`, remembered for the central directory. */
  private header(e: Written): Buffer {
    this.written.push(e);
    const big = this.big(e);
    const extra = big ? Buffer.alloc(20) : Buffer.alloc(0);
    if (big) {
      // In a local header the Zip64 field holds both sizes, always.
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(16, 2);
      extra.writeBigUInt64LE(BigInt(e.size), 4);
      extra.writeBigUInt64LE(BigInt(e.compressedSize), 12);
    }
    const h = Buffer.alloc(30);
    h.writeUInt32LE(0x04034b50, 0);
    h.writeUInt16LE(big ? 45 : 20, 4);
    h.writeUInt16LE(e.flags, 6);
    h.writeUInt16LE(e.method, 8);
    h.writeUInt16LE(e.time, 10);
    h.writeUInt16LE(e.date, 12);
    h.writeUInt32LE(e.crc >>> 0, 14);
    h.writeUInt32LE(big ? MAX32 : e.compressedSize, 18);
    h.writeUInt32LE(big ? MAX32 : e.size, 22);
    h.writeUInt16LE(e.name.length, 26);
    h.writeUInt16LE(extra.length, 28);
    return Buffer.concat([h, e.name, extra]);
  }

  /** The central directory and its end, after every entry. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.written) await this.write(this.central(e));
    const size = this.offset - start;
    const count = this.written.length;
    const zip64End = this.zip64 || count >= MAX16 || size >= MAX32 || start >= MAX32;
    if (zip64End) {
      const at = this.offset;
      const record = Buffer.alloc(56);
      record.writeUInt32LE(0x06064b50, 0);
      record.writeBigUInt64LE(44n, 4);
      record.writeUInt16LE(45, 12);
      record.writeUInt16LE(45, 14);
      record.writeBigUInt64LE(BigInt(count), 24);
      record.writeBigUInt64LE(BigInt(count), 32);
      record.writeBigUInt64LE(BigInt(size), 40);
      record.writeBigUInt64LE(BigInt(start), 48);
      const locator = Buffer.alloc(20);
      locator.writeUInt32LE(0x07064b50, 0);
      locator.writeBigUInt64LE(BigInt(at), 8);
      locator.writeUInt32LE(1, 16);
      await this.write(Buffer.concat([record, locator]));
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(zip64End ? MAX16 : count, 8);
    end.writeUInt16LE(zip64End ? MAX16 : count, 10);
    end.writeUInt32LE(zip64End ? MAX32 : size, 12);
    end.writeUInt32LE(zip64End ? MAX32 : start, 16);
    await this.write(end);
  }

  private central(e: Written): Buffer {
    // Only the fields that do not fit go in the Zip64 field, in this order (all when forced).
    const wide: bigint[] = [];
    const sizeWide = this.zip64 || e.size >= MAX32;
    const compressedWide = this.zip64 || e.compressedSize >= MAX32;
    const offsetWide = this.zip64 || e.offset >= MAX32;
    if (sizeWide) wide.push(BigInt(e.size));
    if (compressedWide) wide.push(BigInt(e.compressedSize));
    if (offsetWide) wide.push(BigInt(e.offset));
    const extra = Buffer.alloc(wide.length ? 4 + 8 * wide.length : 0);
    if (wide.length) {
      extra.writeUInt16LE(0x0001, 0);
      extra.writeUInt16LE(8 * wide.length, 2);
      wide.forEach((v, i) => extra.writeBigUInt64LE(v, 4 + 8 * i));
    }
    const h = Buffer.alloc(46);
    h.writeUInt32LE(0x02014b50, 0);
    h.writeUInt16LE(
      wide.length ? Math.max(45, e.madeBy & 0xff) | (e.madeBy & 0xff00) : e.madeBy,
      4,
    );
    h.writeUInt16LE(wide.length || this.big(e) ? 45 : 20, 6);
    h.writeUInt16LE(e.flags, 8);
    h.writeUInt16LE(e.method, 10);
    h.writeUInt16LE(e.time, 12);
    h.writeUInt16LE(e.date, 14);
    h.writeUInt32LE(e.crc >>> 0, 16);
    h.writeUInt32LE(compressedWide ? MAX32 : e.compressedSize, 20);
    h.writeUInt32LE(sizeWide ? MAX32 : e.size, 24);
    h.writeUInt16LE(e.name.length, 28);
    h.writeUInt16LE(extra.length, 30);
    h.writeUInt16LE(0, 32);
    h.writeUInt16LE(0, 34);
    h.writeUInt16LE(e.internalAttributes, 36);
    h.writeUInt32LE(e.externalAttributes >>> 0, 38);
    h.writeUInt32LE(offsetWide ? MAX32 : e.offset, 42);
    return Buffer.concat([h, e.name, extra]);
  }
}

function deflatedWhole(bytes: Buffer): { data: Buffer[]; crc: number; size: number } {
  return { data: [deflateRawSync(bytes, { level: LEVEL })], crc: crc32(bytes), size: bytes.length };
}

/**
 * A stream deflated, held as its compressed chunks: the sizes and CRC then go in the local
 * header. The compressed part is a fraction of the XML; the XML itself is never held whole.
 */
async function deflated(
  body: AsyncIterable<Buffer | string>,
): Promise<{ data: Buffer[]; crc: number; size: number }> {
  const deflate = createDeflateRaw({ level: STREAM_LEVEL, chunkSize: 1 << 16 });
  const data: Buffer[] = [];
  deflate.on("data", (c: Buffer) => data.push(c));
  const ended = once(deflate, "end");
  // Awaited below; an error before then is thrown by the write that meets it.
  ended.catch(() => {});
  let crc = 0;
  let size = 0;
  try {
    for await (const chunk of body) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
      if (!bytes.length) continue;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (!deflate.write(bytes)) await once(deflate, "drain");
    }
    deflate.end();
    await ended;
  } finally {
    deflate.destroy();
  }
  return { data, crc, size };
}

/**
 * The zip container of an .xlsx file: its central directory, and each part inflated as a
 * stream whose size is bounded before memory grows. Only what a workbook uses is taken:
 * stored and deflated entries, Zip64 sizes and offsets. Anything else (an encrypted entry,
 * another compression method, a directory that does not add up) is an `UnreadableWorkbook`
 * with one sentence saying what the file is.
 */
import { closeSync, openSync, readSync, fstatSync, createReadStream } from "node:fs";
import { createInflateRaw } from "node:zlib";
import { Readable } from "node:stream";

/** Input Baton cannot read as a workbook; the message is one sentence for the user. */
export class UnreadableWorkbook extends Error {
  override name = "UnreadableWorkbook";
}

/**
 * A part may inflate to at most this many bytes, and to at most `MAX_RATIO` times its
 * compressed size (never less than `MIN_BOUND`). Deflate cannot do better than about 1032:1,
 * which is what zip bombs use; spreadsheet XML, even a sheet of identical rows, stays far
 * below 250:1. 1 GiB of sheet XML is several million cells more than Excel's own row limit
 * makes useful and still far less than Node can hold as grids.
 */
export const MAX_PART_BYTES = 1024 * 1024 * 1024;
export const MAX_RATIO = 250;
export const MIN_BOUND = 8 * 1024 * 1024;

export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
  /** What a copy of the entry's compressed bytes needs to be written again as it was. */
  readonly crc: number;
  readonly flags: number;
  readonly time: number;
  readonly date: number;
  readonly madeBy: number;
  readonly internalAttributes: number;
  readonly externalAttributes: number;
}

/** How a byte source is read: positioned reads for the directory, a stream for the parts. */
interface Source {
  readonly length: number;
  read(position: number, length: number): Buffer;
  stream(start: number, end: number): AsyncIterable<Buffer>;
  close(): void;
}

function fileSource(path: string): Source {
  const fd = openSync(path, "r");
  const length = fstatSync(fd).size;
  return {
    length,
    read(position, n) {
      const out = Buffer.alloc(n);
      let got = 0;
      while (got < n) {
        const r = readSync(fd, out, got, n - got, position + got);
        if (r === 0) break;
        got += r;
      }
      return out.subarray(0, got);
    },
    stream: (start, end) =>
      end <= start
        ? Readable.from([])
        : // Through the descriptor opened above, never the path again: a save that renames a
          // new file over this one mid-read must not hand us the new file's bytes at the old
          // file's offsets.
          createReadStream("", {
            fd,
            autoClose: false,
            start,
            end: end - 1,
            highWaterMark: 1 << 17,
          }),
    close: () => closeSync(fd),
  };
}

function bufferSource(bytes: Uint8Array): Source {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    length: buf.length,
    read: (position, n) => buf.subarray(position, Math.min(buf.length, position + n)),
    stream: (start, end) => Readable.from([buf.subarray(start, Math.min(end, buf.length))]),
    close: () => undefined,
  };
}

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What a file that is not a zip is, as far as its first bytes tell. */
function notAZip(head: Buffer, source: Source): string {
  if (head.subarray(0, 8).equals(OLE_MAGIC)) {
    // Encrypted Office files are OLE compound files holding "EncryptionInfo" (in UTF-16).
    const probe = source.read(0, Math.min(source.length, 1 << 20));
    if (probe.includes(Buffer.from("EncryptionInfo", "utf16le")))
      return "is an encrypted (password-protected) workbook; save a copy without a password in Excel (File > Info > Protect Workbook > Encrypt with Password, cleared) and use that";
    return "is an old-style .xls workbook (or another Office binary file), not .xlsx; open it in Excel or LibreOffice and save it as .xlsx";
  }
  return "is not a valid workbook: it is not a zip file, which every .xlsx is";
}

/** The zip's central directory, read from its end; a positioned reader over the same bytes. */
export class ZipFile {
  private constructor(
    private readonly source: Source,
    readonly entries: ReadonlyMap<string, ZipEntry>,
  ) {}

  static open(input: string | Uint8Array): ZipFile {
    const source = typeof input === "string" ? fileSource(input) : bufferSource(input);
    try {
      return new ZipFile(source, readDirectory(source));
    } catch (e) {
      source.close();
      throw e;
    }
  }

  close(): void {
    this.source.close();
  }

  /**
   * The entry's bytes as they are stored (compressed, for a deflated entry), for a copy that
   * need not inflate them.
   */
  raw(entry: ZipEntry): AsyncIterable<Buffer> {
    const header = this.source.read(entry.localOffset, 30);
    if (header.length < 30 || header.readUInt32LE(0) !== 0x04034b50)
      throw new UnreadableWorkbook(
        `is not a valid workbook: the zip entry ${entry.name} is damaged or the file is truncated`,
      );
    const start = entry.localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
    const end = start + entry.compressedSize;
    if (end > this.source.length)
      throw new UnreadableWorkbook(
        `is not a valid workbook: the file is truncated (the zip entry ${entry.name} runs past its end)`,
      );
    return this.source.stream(start, end);
  }

  /** The entry by its name, ignoring case as Office does; undefined when absent. */
  entry(name: string): ZipEntry | undefined {
    return this.entries.get(name.toLowerCase());
  }

  /** A stored entry's raw bytes, for small parts such as `mimetype`. */
  async text(entry: ZipEntry, limit = MIN_BOUND): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const c of this.inflate(entry, limit)) chunks.push(c);
    return Buffer.concat(chunks).toString("utf8");
  }

  /**
   * The part's bytes, inflated chunk by chunk. Stops with "a part inflates beyond N MB" as
   * soon as it passes its bound, and with "truncated" or "damaged" when the data ends early,
   * does not inflate, or inflates to another size than the directory says.
   */
  async *inflate(entry: ZipEntry, limit = boundOf(entry)): AsyncGenerator<Buffer> {
    if (entry.size > limit) throw tooBig(entry, limit);
    const raw = this.raw(entry);
    let total = 0;
    if (entry.method === 0) {
      for await (const chunk of raw) {
        total += chunk.length;
        yield chunk;
      }
    } else {
      const inflater = createInflateRaw({ chunkSize: 1 << 17 });
      const piped = Readable.from(raw).pipe(inflater);
      try {
        for await (const chunk of piped as AsyncIterable<Buffer>) {
          total += chunk.length;
          if (total > limit || total > entry.size) {
            if (total > limit) throw tooBig(entry, limit);
            break;
          }
          yield chunk;
        }
      } catch (e) {
        if (e instanceof UnreadableWorkbook) throw e;
        throw new UnreadableWorkbook(
          `is not a valid workbook: the zip entry ${entry.name} does not inflate (${(e as Error).message}); the file is damaged or truncated`,
        );
      } finally {
        inflater.destroy();
      }
    }
    if (total !== entry.size)
      throw new UnreadableWorkbook(
        `is not a valid workbook: the zip entry ${entry.name} is damaged (it holds ${total} bytes where the zip directory says ${entry.size})`,
      );
  }
}

/** The bound a part's inflated size is held to. */
export function boundOf(entry: Pick<ZipEntry, "compressedSize">): number {
  return Math.min(MAX_PART_BYTES, Math.max(MIN_BOUND, entry.compressedSize * MAX_RATIO));
}

const tooBig = (entry: ZipEntry, limit: number) =>
  new UnreadableWorkbook(
    `is not a valid workbook: a part (${entry.name}) inflates beyond ${Math.round(limit / (1024 * 1024))} MB, ${MAX_RATIO} times its compressed size or ${MAX_PART_BYTES / (1024 * 1024)} MB at most; it looks like a zip bomb`,
  );

function readDirectory(source: Source): Map<string, ZipEntry> {
  const head = source.read(0, 8);
  if (head.length < 4 || head.readUInt32LE(0) !== 0x04034b50) {
    if (head.length >= 4 && head.readUInt32LE(0) === 0x06054b50)
      throw new UnreadableWorkbook("is not a valid workbook: it is an empty zip file");
    throw new UnreadableWorkbook(notAZip(head, source));
  }
  // The end-of-directory record sits in the last 22 bytes plus at most a 64 KiB comment.
  const tailLength = Math.min(source.length, 22 + 0xffff);
  const tail = source.read(source.length - tailLength, tailLength);
  let eocd = -1;
  for (let i = tail.length - 22; i >= 0; i--)
    if (tail.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0)
    throw new UnreadableWorkbook(
      "is not a valid workbook: the file is truncated (the zip has no directory at its end)",
    );
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locatorAt = source.length - tailLength + eocd - 20;
    const locator = locatorAt >= 0 ? source.read(locatorAt, 20) : Buffer.alloc(0);
    if (locator.length === 20 && locator.readUInt32LE(0) === 0x07064b50) {
      const record = source.read(Number(locator.readBigUInt64LE(8)), 56);
      if (record.length === 56 && record.readUInt32LE(0) === 0x06064b50) {
        count = Number(record.readBigUInt64LE(32));
        size = Number(record.readBigUInt64LE(40));
        offset = Number(record.readBigUInt64LE(48));
      }
    }
  }
  if (offset + size > source.length || size > 256 * 1024 * 1024)
    throw new UnreadableWorkbook(
      "is not a valid workbook: the file is truncated or damaged (its zip directory lies outside the file)",
    );
  const dir = source.read(offset, size);
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > dir.length || dir.readUInt32LE(p) !== 0x02014b50)
      throw new UnreadableWorkbook("is not a valid workbook: its zip directory is damaged");
    const madeBy = dir.readUInt16LE(p + 4);
    const flags = dir.readUInt16LE(p + 8);
    const method = dir.readUInt16LE(p + 10);
    const time = dir.readUInt16LE(p + 12);
    const date = dir.readUInt16LE(p + 14);
    const crc = dir.readUInt32LE(p + 16);
    let compressedSize = dir.readUInt32LE(p + 20);
    let uncompressed = dir.readUInt32LE(p + 24);
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    const internalAttributes = dir.readUInt16LE(p + 36);
    const externalAttributes = dir.readUInt32LE(p + 38);
    let localOffset = dir.readUInt32LE(p + 42);
    const name = dir.toString("utf8", p + 46, p + 46 + nameLength);
    const extra = dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength);
    // Zip64: the sizes that overflowed 32 bits follow in the extra field, in this order.
    for (let e = 0; e + 4 <= extra.length;) {
      const id = extra.readUInt16LE(e);
      const len = extra.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let q = e + 4;
        const next = () => {
          const v = q + 8 <= e + 4 + len ? Number(extra.readBigUInt64LE(q)) : undefined;
          q += 8;
          return v;
        };
        if (uncompressed === 0xffffffff) uncompressed = next() ?? uncompressed;
        if (compressedSize === 0xffffffff) compressedSize = next() ?? compressedSize;
        if (localOffset === 0xffffffff) localOffset = next() ?? localOffset;
      }
      e += 4 + len;
    }
    p += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith("/")) continue;
    if (flags & 1)
      throw new UnreadableWorkbook(
        "is an encrypted zip file; Baton reads workbooks without a password (save a copy without one)",
      );
    if (method !== 0 && method !== 8)
      throw new UnreadableWorkbook(
        `is not a valid workbook: its part ${name} is compressed with a method Excel does not use (${method})`,
      );
    entries.set(name.toLowerCase(), {
      name,
      method,
      compressedSize,
      size: uncompressed,
      localOffset,
      crc,
      flags,
      time,
      date,
      madeBy,
      internalAttributes,
      externalAttributes,
    });
  }
  return entries;
}

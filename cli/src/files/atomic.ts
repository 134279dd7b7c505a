/**
 * How the command line writes files: every file Baton writes (a workbook, a CSV, the summary
 * page, a mapping) is written whole to a temporary file beside it and renamed over it, so a
 * reader sees the old file or the new one, and a write cut off leaves the old file whole.
 *
 * - The temporary file is created exclusively (`wx`: it fails on anything already at that
 *   path, a planted symlink included) under a name with 64 random bits, in the target's own
 *   folder (so the rename never crosses file systems), with the original's permission bits
 *   (and its owner and group where this user may keep them). It is removed on every failure
 *   and when the process is interrupted (SIGINT, SIGTERM).
 * - A target that is a symbolic link is written through: the link is resolved and the file it
 *   points at is replaced, so the link stays a link, as text editors do.
 * - A target with other hard links is replaced too: this name gets the new file, the other
 *   names keep the old content (the link is broken; a notice says so). Writing in place would
 *   keep the link but could leave half a workbook behind, which Baton never does.
 * - Error messages name the target, never the temporary file.
 *
 * `withLock` serialises writers: a lock file created exclusively beside the workbook holds
 * the holder's pid, host and start time; a second writer waits a few seconds, then fails
 * naming the holder. A lock whose process is gone (on this host) or that is older than
 * `STALE_AFTER_MS` is stale and taken over.
 */
import {
  closeSync,
  constants,
  createWriteStream,
  fchmodSync,
  fchownSync,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  accessSync,
  writeSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { createHash, randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { basename, dirname, join, resolve } from "node:path";
import type { Writable } from "node:stream";
import { finished } from "node:stream/promises";

/** A file-system failure on a file the user named, worded for them; the CLI prints it as one line. */
export class FileError extends Error {
  override name = "FileError";
}

// ---------------------------------------------------------------------------------------------
// Cleanup on interruption

const cleanups = new Set<() => void>();
let handlersInstalled = false;

function runCleanups(): void {
  for (const c of [...cleanups]) {
    cleanups.delete(c);
    try {
      c();
    } catch {
      // Best effort: the process is ending.
    }
  }
}

/** Registers `cleanup` to run if the process is interrupted or exits first; returns its removal. */
function onInterrupt(cleanup: () => void): () => void {
  if (!handlersInstalled) {
    handlersInstalled = true;
    for (const [signal, code] of [
      ["SIGINT", 130],
      ["SIGTERM", 143],
    ] as const)
      process.on(signal, () => {
        runCleanups();
        process.exit(code);
      });
    process.on("exit", runCleanups);
  }
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

// ---------------------------------------------------------------------------------------------
// Where a write lands

/** A notice for the user (a hard link broken); the command line sends it to stderr. */
let notify: (message: string) => void = () => {};
export function onFileNotice(sink: (message: string) => void): void {
  notify = sink;
}

/** The file a write to `file` replaces: `file` itself, or the file its symlink resolves to. */
export function writeTargetOf(file: string): string {
  try {
    return realpathSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw fileError(file, e);
    // A new file (or a dangling link): resolve the folder, keep the name.
    let folder: string;
    try {
      folder = realpathSync(dirname(resolve(file)));
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === "ENOENT")
        throw new FileError(`cannot write ${file}: the folder ${dirname(file)} does not exist`);
      throw fileError(file, e2);
    }
    const link = lstatOrUndefined(file);
    if (link?.isSymbolicLink())
      throw new FileError(
        `${file} is a symbolic link to a file that does not exist; Baton will not create its target`,
      );
    return join(folder, basename(file));
  }
}

function lstatOrUndefined(file: string): Stats | undefined {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

const REASONS: Record<string, string> = {
  ENOENT: "the folder does not exist",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "the disk is full",
  EDQUOT: "the disk quota is exceeded",
  EISDIR: "it is a folder",
  ELOOP: "too many symbolic links",
  ENAMETOOLONG: "the name is too long",
};

/** An fs error on `file` (or its temporary file) as a sentence that names `file`. */
function fileError(file: string, e: unknown): FileError {
  if (e instanceof FileError) return e;
  const code = (e as NodeJS.ErrnoException)?.code;
  // The system's own message names the temporary file; the user named the target.
  const reason =
    (code && REASONS[code]) ?? (code ? `error ${code}` : String((e as Error)?.message ?? e));
  return new FileError(`cannot write ${file}: ${reason}`);
}

/**
 * Checks, before anything is written, that `file` could be written: its folder exists and is
 * writable, and it is not a folder. Commands check every output first, so a command that
 * cannot write its last output has not changed its first.
 */
export function assertWritable(file: string): void {
  const target = writeTargetOf(file);
  const existing = lstatOrUndefined(target);
  if (existing?.isDirectory()) throw new FileError(`cannot write ${file}: it is a folder`);
  const folder = dirname(target);
  try {
    if (!statSync(folder).isDirectory()) throw Object.assign(new Error(), { code: "ENOTDIR" });
    accessSync(folder, constants.W_OK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT")
      throw new FileError(`cannot write ${file}: the folder ${dirname(file)} does not exist`);
    throw fileError(file, e);
  }
}

// ---------------------------------------------------------------------------------------------
// Replacing a file

// Not derived from the target's name, so a name near the file system's limit can be saved too.
const temporaryName = (target: string) =>
  join(dirname(target), `.baton-${randomBytes(8).toString("hex")}.tmp`);

/** An exclusively created temporary file beside the target, to fill and then commit or abort. */
interface Temporary {
  readonly fd: number;
  /** Flushes, closes and renames the temporary file over the target. */
  commit(): void;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): void;
}

function openTemporary(file: string): Temporary {
  const target = writeTargetOf(file);
  const original = lstatOrUndefined(target);
  if (original?.isDirectory()) throw new FileError(`cannot write ${file}: it is a folder`);
  const temporary = temporaryName(target);
  let fd: number | undefined;
  try {
    fd = openSync(temporary, "wx", original ? original.mode & 0o7777 : 0o666);
  } catch (e) {
    throw fileError(file, e);
  }
  let open = true;
  const close = () => {
    if (open) {
      open = false;
      closeSync(fd);
    }
  };
  const abort = () => {
    forget();
    try {
      close();
    } catch {
      // A stream that failed may have closed it already.
    }
    rmSync(temporary, { force: true });
  };
  const forget = onInterrupt(abort);
  try {
    if (original) keepOwnerAndMode(fd, original);
  } catch (e) {
    abort();
    throw fileError(file, e);
  }
  return {
    fd,
    abort,
    commit() {
      try {
        fsyncSync(fd);
        close();
        renameSync(temporary, target);
      } catch (e) {
        abort();
        throw fileError(file, e);
      }
      forget();
      if (original && original.nlink > 1)
        notify(
          `${file} had ${original.nlink - 1} other hard link${original.nlink > 2 ? "s" : ""}; they keep the previous content (Baton replaces the file whole, never half-writes it)`,
        );
    },
  };
}

/**
 * Replaces `file` with what `write` writes to the stream it is given. The stream is ended
 * (if `write` did not end it), flushed to disk, then renamed over the target. On any failure
 * the temporary file is removed, the target is untouched, and the error names `file`.
 */
export async function replaceFile(
  file: string,
  write: (out: Writable) => Promise<void> | void,
): Promise<void> {
  const temporary = openTemporary(file);
  try {
    const out = createWriteStream("", { fd: temporary.fd, autoClose: false });
    const done = finished(out);
    done.catch(() => {});
    try {
      await write(out);
      if (!out.writableEnded) out.end();
      await done;
    } catch (e) {
      out.destroy();
      throw e;
    }
  } catch (e) {
    temporary.abort();
    throw isFsError(e) ? fileError(file, e) : e;
  }
  settle(temporary);
}

/** Temporary files written while `allOrNone` runs, to rename once every one is written. */
let staged: Temporary[] | undefined;

function settle(temporary: Temporary): void {
  if (staged) staged.push(temporary);
  else temporary.commit();
}

/**
 * Runs `write`, which replaces several files, so that either every file is replaced or none
 * is: each replacement is written to its temporary file, and only when all are written are
 * they renamed over their targets, one after another. On any failure every temporary file is
 * removed and every original is left as it was.
 */
export async function allOrNone<T>(write: () => Promise<T>): Promise<T> {
  if (staged) throw new Error("allOrNone does not nest");
  const mine: Temporary[] = (staged = []);
  let result: T;
  try {
    result = await write();
  } catch (e) {
    for (const t of mine) t.abort();
    throw e;
  } finally {
    staged = undefined;
  }
  // A rename failing here is the file system refusing after every byte was written; the
  // temporary files not yet renamed are removed.
  for (let i = 0; i < mine.length; i++) {
    try {
      mine[i]!.commit();
    } catch (e) {
      for (const t of mine.slice(i + 1)) t.abort();
      throw e;
    }
  }
  return result;
}

/** Replaces `file` with `data`, as `replaceFile` does, synchronously. */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  const temporary = openTemporary(file);
  try {
    writeFileSync(temporary.fd, data);
  } catch (e) {
    temporary.abort();
    throw fileError(file, e);
  }
  settle(temporary);
}

/** `writeFileAtomicSync`, for callers that await. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  writeFileAtomicSync(file, data);
}

const isFsError = (e: unknown) =>
  typeof (e as NodeJS.ErrnoException)?.code === "string" &&
  typeof (e as NodeJS.ErrnoException)?.syscall === "string";

/** The new file gets the original's permission bits, and its owner and group where allowed. */
function keepOwnerAndMode(fd: number, original: Stats): void {
  try {
    fchownSync(fd, original.uid, original.gid);
  } catch {
    // Another user's file, or a group this user is not in: the file becomes this user's, as
    // any editor's save does.
  }
  // After chown, which may clear set-id bits; the umask applied at open is undone too.
  fchmodSync(fd, original.mode & 0o7777);
}

// ---------------------------------------------------------------------------------------------
// The lock

/** A lock older than this is stale even if its process seems alive (a pid reused, another host). */
export const STALE_AFTER_MS = 10 * 60 * 1000;
/** How long a second writer waits for the lock before failing. */
export const WAIT_MS = 5000;
const POLL_MS = 100;

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  readonly token: string;
}

/** The lock file of `file`: beside the file it guards (the target of a symlink). */
export function lockPathOf(file: string): string {
  const target = writeTargetOf(file);
  const name = basename(target);
  // A name near the file system's limit gets a lock named by its hash.
  const stem =
    name.length > 200 ? createHash("sha256").update(name).digest("hex").slice(0, 16) : name;
  return join(dirname(target), `.${stem}.baton-lock`);
}

function readHolder(lock: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(lock, "utf8")) as Partial<Holder>;
    return typeof h.pid === "number" && typeof h.host === "string" && typeof h.started === "string"
      ? (h as Holder)
      : undefined;
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function isStale(lock: string, holder: Holder | undefined, now: number): boolean {
  const since = holder ? Date.parse(holder.started) : (lstatOrUndefined(lock)?.mtimeMs ?? now);
  if (!Number.isFinite(since) || now - since > STALE_AFTER_MS) return true;
  return holder !== undefined && holder.host === hostname() && !alive(holder.pid);
}

/**
 * Moves a stale lock out of the way. The lock is renamed first (atomic), and put back if what
 * was moved turns out to be a fresh lock another writer took in the meantime.
 */
function breakStale(lock: string, stale: Holder | undefined): void {
  const aside = `${lock}.stale-${randomBytes(6).toString("hex")}`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // Gone already: someone else broke it.
  }
  const moved = readHolder(aside);
  if (moved && stale && moved.token !== stale.token) {
    try {
      linkSync(aside, lock);
    } catch {
      // A third writer has the lock now; the one moved keeps working unaware, as rare as it is.
    }
  }
  rmSync(aside, { force: true });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function describeHolder(h: Holder | undefined, lock: string): string {
  if (!h) return `an unreadable lock ${lock}`;
  return `process ${h.pid} on ${h.host}, since ${h.started}`;
}

/**
 * Runs `action` holding the lock of every file in `files` (taken before anything is read, so
 * a read-modify-write is one step for other writers). Waits up to `WAIT_MS` for a lock held by
 * another writer, then fails naming it. The locks are released however `action` ends.
 */
export async function withLock<T>(
  files: readonly string[],
  action: () => Promise<T>,
  waitMs = WAIT_MS,
): Promise<T> {
  const releases: (() => void)[] = [];
  try {
    const seen = new Set<string>();
    for (const file of files) {
      const lock = lockPathOf(file);
      if (seen.has(lock)) continue;
      seen.add(lock);
      releases.push(await acquire(file, lock, waitMs));
    }
    return await action();
  } finally {
    for (const release of releases.reverse()) release();
  }
}

async function acquire(file: string, lock: string, waitMs: number): Promise<() => void> {
  const me: Holder = {
    pid: process.pid,
    host: hostname(),
    started: new Date().toISOString(),
    token: randomBytes(8).toString("hex"),
  };
  const deadline = Date.now() + waitMs;
  for (;;) {
    let fd: number | undefined;
    try {
      fd = openSync(lock, "wx", 0o644);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw fileError(file, e);
    }
    if (fd !== undefined) {
      const release = () => {
        if (readHolder(lock)?.token === me.token) rmSync(lock, { force: true });
      };
      const forget = onInterrupt(release);
      try {
        writeSync(fd, JSON.stringify({ ...me, file }) + "\n");
      } finally {
        closeSync(fd);
      }
      return () => {
        forget();
        release();
      };
    }
    const holder = readHolder(lock);
    if (isStale(lock, holder, Date.now())) {
      breakStale(lock, holder);
      continue;
    }
    if (Date.now() >= deadline)
      throw new FileError(
        `${file} is being changed by another baton command (${describeHolder(holder, lock)}); try again when it has finished. If no baton command is running, delete ${lock}.`,
      );
    await sleep(POLL_MS);
  }
}

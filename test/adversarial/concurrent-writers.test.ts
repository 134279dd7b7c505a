/**
 * Two writers on one workbook: each takes the lock before it reads, so neither loses the
 * other's change; a writer that cannot get the lock in time fails naming who holds it; a stale
 * lock is taken over; a reader during a save reads the old file or the new one, whole.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { copyFileSync, existsSync, readdirSync, watch, writeFileSync } from "node:fs";
import { hostname } from "node:os";
import { join } from "node:path";
import { baton, batonProcess, tempDir } from "../support/cli.ts";

const AS_OF = "2026-11-26";
let pristine: string;
let dir: string;
let demo: string;

beforeAll(() => {
  pristine = join(tempDir("baton-adv-pristine-"), "pristine.xlsx");
  if (baton(["init", pristine, "--demo", "--as-of", AS_OF, "--time-zone", "UTC"]).code !== 0)
    throw new Error("init failed");
});

beforeEach(() => {
  dir = tempDir("baton-adv-lock-");
  demo = join(dir, "demo.xlsx");
  copyFileSync(pristine, demo);
});

const lockOf = (file: string) => join(dir, `.${file}.baton-lock`);

/** Resolves with the first temporary file that appears in `dir` and passes `wanted`, or undefined after `ms`. */
function temporaryAppears(wanted: (name: string) => boolean, ms: number, then: () => void) {
  return new Promise<string | undefined>((resolve) => {
    const timer = setTimeout(() => {
      watcher.close();
      resolve(undefined);
    }, ms);
    const watcher = watch(dir, (_event, name) => {
      if (!name || !name.endsWith(".tmp") || !wanted(name)) return;
      then();
      clearTimeout(timer);
      watcher.close();
      resolve(name);
    });
  });
}

describe("two closes at once", () => {
  it("lose neither: the one that writes second has read what the first wrote", async () => {
    // W46 is paused mid-save; W45 starts then. Without a lock W45 reads the old file, and is
    // paused in turn mid-save until W46 has finished, so it writes last: the lost update.
    const w46 = batonProcess(["close", demo, "--period", "2026-W46"]);
    const first = await temporaryAppears(
      () => true,
      120_000,
      () => w46.child.kill("SIGSTOP"),
    );
    expect(first).toBeDefined();
    const w45 = batonProcess(["close", demo, "--period", "2026-W45"]);
    // With the lock, W45 waits for W46 and gives up after a few seconds instead.
    await Promise.race([
      temporaryAppears(
        (n) => n !== first,
        120_000,
        () => w45.child.kill("SIGSTOP"),
      ),
      w45.done,
    ]);
    w46.child.kill("SIGCONT");
    const r46 = await w46.done;
    w45.child.kill("SIGCONT");
    const r45 = await w45.done;
    expect(r46.code, r46.stderr).toBe(0);
    // W45 gave up waiting, naming the holder (or found the period closed); it never says Closed.
    expect(r45.code).toBe(2);
    expect(r45.stderr).toMatch(/already closed|being changed by another baton command/);
    expect(/through (\S+) match/.exec(baton(["verify", demo]).stdout)?.[1]).toBe("2026-W46");
    expect(readdirSync(dir).filter((f) => f.includes("baton-lock"))).toEqual([]);
  }, 180_000);
});

describe("a workbook locked by another writer", () => {
  it("makes a second writer wait, then fail with one line naming the holder", () => {
    const started = new Date().toISOString();
    // This test's own process is alive on this host: the lock is not stale.
    writeFileSync(
      lockOf("demo.xlsx"),
      JSON.stringify({ pid: process.pid, host: hostname(), started, token: "t" }),
    );
    const r = baton(["status", demo, "--write", "--as-of", AS_OF]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`process ${process.pid} on ${hostname()}`);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(existsSync(lockOf("demo.xlsx"))).toBe(true);
    // A reader is not held up by it.
    expect(baton(["validate", demo]).code).toBe(1);
  });

  it("takes over a lock whose process is gone", () => {
    const gone = baton(["--version"]);
    expect(gone.code).toBe(0);
    writeFileSync(
      lockOf("demo.xlsx"),
      JSON.stringify({
        pid: 2 ** 22 + 17,
        host: hostname(),
        started: new Date().toISOString(),
        token: "t",
      }),
    );
    const r = baton(["status", demo, "--write", "--as-of", AS_OF]);
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lockOf("demo.xlsx"))).toBe(false);
  });

  it("takes over a lock older than the bound, even from another host", () => {
    writeFileSync(
      lockOf("demo.xlsx"),
      JSON.stringify({
        pid: 1,
        host: "elsewhere",
        started: "2020-01-01T00:00:00.000Z",
        token: "t",
      }),
    );
    expect(baton(["close", demo, "--period", "2026-W46"]).code).toBe(0);
  });
});

describe("a reader during saves", () => {
  it("reads the old file or the new one, never a file half-written", async () => {
    const writes = 4;
    let reads = 0;
    const failures: string[] = [];
    const writer = (async () => {
      for (let i = 0; i < writes; i++) {
        const r = await batonProcess(["summary", demo, "--write", "--as-of", AS_OF]).done;
        if (r.code !== 0) failures.push(`writer: ${r.stderr}`);
      }
    })();
    let writing = true;
    void writer.then(() => (writing = false));
    while (writing) {
      // validate exits 1 on the demo's honest errors; 2 would mean it could not read the file.
      const r = await batonProcess(["validate", demo, "--json"]).done;
      reads++;
      if (r.code !== 1) failures.push(`reader ${r.code}: ${r.stderr}`);
    }
    await writer;
    expect(failures).toEqual([]);
    expect(reads).toBeGreaterThan(1);
  }, 180_000);
});

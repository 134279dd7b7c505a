/**
 * `baton notify` end to end: the built command line on the demo workbook with a People sheet,
 * against a real SMTP server on 127.0.0.1 (smtp-server), a local HTTP server standing in for
 * a chat webhook, and .eml files read back with mailparser.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { createHash } from "node:crypto";
import { copyFileSync, readFileSync, readdirSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer } from "node:net";
import { join } from "node:path";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser, type AddressObject } from "mailparser";
import { batonProcess, baton, tempDir } from "../support/cli.ts";
import { XlsxHost } from "../../cli/src/files/xlsx-host.ts";

/** The demo is written as of this Thursday: DEP-1's Needed By is ten days before it. */
const DEMO_DAY = "2026-11-26";
/** Before DEP-1 is due: what people are told first. */
const EARLIER = "2026-11-10";

const PEOPLE = [
  ["Name", "Email", "Team", "Role"],
  ["Tom Becker", "tom@example.com", "Development", "Lead"],
  ["Aisha Khan", "aisha@example.com", "IT Support", "Lead"],
  ["jonas  weber", "jonas@example.com", "Development", "Engineer"],
  ["Sam Okafor", "sam@example.com", "IT Support", "Engineer"],
  ["Lena Fischer", "lena@example.com", "IT Support", "Engineer"],
  ["Ravi Patel", "ravi@example.com", "Development", "Engineer"],
];

let dir: string;
let demo: string;

beforeAll(async () => {
  dir = tempDir("baton-notify-");
  demo = join(dir, "demo.xlsx");
  const init = baton(["init", demo, "--demo", "--as-of", DEMO_DAY, "--time-zone", "UTC"]);
  expect(init.code, init.stderr).toBe(0);
  const host = await XlsxHost.open(demo);
  // The demo lists everyone; these tests want a People sheet that leaves Elif Demir out.
  await host.apply({
    ops: [
      { op: "clear", sheet: "People", range: { row: 1, column: 1, rows: 100, columns: 4 } },
      { op: "values", sheet: "People", row: 1, column: 1, values: PEOPLE },
    ],
  });
  await host.save(demo);
});

/** A fresh copy of the demo, so each test starts with nothing told. */
function copy(): string {
  const file = join(tempDir("baton-notify-"), "plan.xlsx");
  copyFileSync(demo, file);
  return file;
}

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

/** `baton` run without blocking the event loop, so the servers in this process can answer. */
async function run(args: string[], env: Record<string, string> = {}) {
  return batonProcess(args, { env }).done;
}

interface Received {
  readonly from: string;
  readonly to: readonly string[];
  readonly raw: string;
  readonly user?: string;
}

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function smtpServer(options: Partial<SMTPServerOptions> = {}) {
  const received: Received[] = [];
  const server = new SMTPServer({
    // A test server has no certificate a client would trust; STARTTLS is tested by its absence.
    disabledCommands: ["STARTTLS"],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      const parts: Buffer[] = [];
      stream.on("data", (c: Buffer) => parts.push(c));
      stream.on("end", () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(parts).toString("utf8"),
          ...(session.user ? { user: String(session.user) } : {}),
        });
        callback();
      });
    },
    ...options,
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { received, url: `smtp://127.0.0.1:${port}`, port };
}

async function webhook(status: number) {
  const bodies: unknown[] = [];
  const server: HttpServer = createHttpServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      bodies.push({ type: req.headers["content-type"], body: JSON.parse(body) as unknown });
      res
        .writeHead(status, { "content-type": "text/plain" })
        .end(status < 300 ? "ok" : "no_service");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as { port: number }).port;
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return { bodies, url: `http://127.0.0.1:${port}/hook` };
}

const addresses = (a: AddressObject | AddressObject[] | undefined) =>
  (Array.isArray(a) ? a : a ? [a] : []).flatMap((x) => x.value.map((v) => v.address));

describe("baton notify --smtp", () => {
  it("sends each person one digest over SMTP, and a rerun sends nothing", async () => {
    const file = copy();
    const smtp = await smtpServer();
    const first = await run(["notify", file, "--as-of", DEMO_DAY, "--smtp", smtp.url]);
    expect(first.code, first.stderr).toBe(0);
    expect(smtp.received.length).toBeGreaterThan(2);
    const jonas = smtp.received.find((m) => m.to.includes("jonas@example.com"))!;
    expect(jonas.to).toEqual(["jonas@example.com"]);
    const mail = await simpleParser(jonas.raw);
    expect(addresses(mail.to)).toEqual(["jonas@example.com"]);
    expect(mail.subject).toMatch(/^Baton: DEP-1 turned Red/);
    expect(mail.text).toContain("Hello jonas  weber,");
    expect(mail.text).toContain('DEP-1 "Routing API endpoint in staging" turned Red');
    expect(mail.text).toContain("Since: 2026-11-17");
    expect(mail.html).toContain("<table");
    expect(first.stdout).toContain("Recorded in");

    const count = smtp.received.length;
    const again = await run(["notify", file, "--as-of", DEMO_DAY, "--smtp", smtp.url]);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain("Nothing new to tell since 2026-11-26");
    expect(smtp.received.length).toBe(count);
  });

  it("signs in with the credentials in BATON_SMTP_URL, which keeps them out of the process list", async () => {
    const file = copy();
    const smtp = await smtpServer({
      authOptional: false,
      allowInsecureAuth: true,
      onAuth(auth, _session, callback) {
        if (auth.username === "baton" && auth.password === "s3cret:/@")
          return callback(null, { user: auth.username });
        return callback(new Error("Invalid username or password"));
      },
    });
    const url = `smtp://baton:${encodeURIComponent("s3cret:/@")}@127.0.0.1:${smtp.port}`;
    const r = await run(["notify", file, "--as-of", DEMO_DAY], { BATON_SMTP_URL: url });
    expect(r.code, r.stderr).toBe(0);
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(smtp.received.every((m) => m.user === "baton")).toBe(true);
    expect(r.stderr).not.toContain("s3cret");
  });

  it("exits 2 and records nothing when the server refuses a recipient", async () => {
    const file = copy();
    const before = sha(file);
    const refusing = await smtpServer({
      onRcptTo(address, _session, callback) {
        if (address.address === "aisha@example.com")
          return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
        callback();
      },
    });
    const r = await run(["notify", file, "--as-of", DEMO_DAY, "--smtp", refusing.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("did not take the digest for aisha@example.com");
    expect(r.stderr).toContain("550");
    expect(r.stderr).toContain("Nothing was recorded");
    expect(sha(file)).toBe(before);
    // Nothing was recorded: a good server gets every digest.
    const good = await smtpServer();
    expect((await run(["notify", file, "--as-of", DEMO_DAY, "--smtp", good.url])).code).toBe(0);
    expect(good.received.map((m) => m.to[0])).toContain("aisha@example.com");
  });

  it("exits 2 and records nothing when the server never answers", async () => {
    const file = copy();
    const before = sha(file);
    const silent: TcpServer = createTcpServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    closers.push(() => new Promise((resolve) => silent.close(() => resolve())));
    const port = (silent.address() as { port: number }).port;
    const r = await run(
      ["notify", file, "--as-of", DEMO_DAY, "--smtp", `smtp://127.0.0.1:${port}`],
      {
        BATON_SMTP_TIMEOUT: "1",
      },
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ETIMEDOUT|timeout/i);
    expect(sha(file)).toBe(before);
  });
});

describe("when DEP-1 turns Red", () => {
  it("tells its owner, the owner of the initiative waiting on it and that initiative's Sponsor, once", async () => {
    const file = copy();
    const out = join(tempDir("baton-notify-out-"), "mail");
    const earlier = await run(["notify", file, "--as-of", EARLIER, "--out", out, "--json"]);
    expect(earlier.code, earlier.stderr).toBe(0);
    const told = JSON.parse(earlier.stdout) as { events: { kind: string; id: string }[] };
    expect(told.events.filter((e) => e.id === "DEP-1")).toEqual([]);
    const now = await run(["notify", file, "--as-of", DEMO_DAY, "--dry-run", "--json"]);
    const j = JSON.parse(now.stdout) as {
      events: { kind: string; id: string; recipients: { name: string; role: string }[] }[];
      digests: { to: string; items: { id: string }[] }[];
    };
    expect(j.events.find((e) => e.id === "DEP-1")).toEqual({
      kind: "handoff-red",
      id: "DEP-1",
      since: "2026-11-17",
      recipients: [
        { name: "Jonas Weber", role: "owner" },
        { name: "Sam Okafor", role: "waiting" },
        // INI-1, which waits on it, names its Sponsor (template version 2).
        { name: "Priya Nair", role: "sponsor" },
      ],
    });
    const toldAbout = (who: string) => j.digests.find((d) => d.to === who)?.items.map((i) => i.id);
    expect(toldAbout("jonas@example.com")?.[0]).toBe("DEP-1");
    expect(toldAbout("sam@example.com")).toContain("DEP-1");
  });
});

describe("baton notify --out", () => {
  it("writes one RFC 5322 message per person that a mail reader parses", async () => {
    const file = copy();
    const out = join(tempDir("baton-notify-out-"), "mail");
    const r = await run([
      "notify",
      file,
      "--as-of",
      DEMO_DAY,
      "--out",
      out,
      "--from",
      "Baton <baton@example.org>",
    ]);
    expect(r.code, r.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain("aisha@example.com.eml");
    for (const f of files) {
      const raw = readFileSync(join(out, f));
      expect(raw.toString("latin1")).not.toMatch(/[^\r]\n/);
      const mail = await simpleParser(raw);
      expect(addresses(mail.to)).toEqual([f.replace(/\.eml$/, "")]);
      expect(addresses(mail.from)).toEqual(["baton@example.org"]);
      expect(mail.subject).toMatch(/^Baton: /);
      expect(mail.text).toContain("Asked of you:");
      expect(mail.headers.get("mime-version")).toBe("1.0");
    }
  });
});

describe("baton notify --webhook", () => {
  it("posts one chat message", async () => {
    const file = copy();
    const hook = await webhook(200);
    const r = await run(["notify", file, "--as-of", DEMO_DAY, "--webhook", hook.url]);
    expect(r.code, r.stderr).toBe(0);
    expect(hook.bodies).toHaveLength(1);
    const { type, body } = hook.bodies[0] as { type: string; body: { text: string } };
    expect(type).toContain("application/json");
    expect(body.text).toContain("*jonas  weber*");
    expect(body.text).toContain("DEP-1");
  });

  it.each([404, 500])("exits 2 and records nothing on a %i", async (status) => {
    const file = copy();
    const before = sha(file);
    const hook = await webhook(status);
    const r = await run(["notify", file, "--as-of", DEMO_DAY, "--webhook", hook.url]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`answered ${status}`);
    expect(sha(file)).toBe(before);
  });
});

describe("baton notify --dry-run", () => {
  it("shows what would go to whom and records nothing", async () => {
    const file = copy();
    const before = sha(file);
    const r = await run(["notify", file, "--as-of", DEMO_DAY, "--dry-run"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("To: Aisha Khan <aisha@example.com>");
    expect(r.stdout).toContain("Dry run: nothing was sent and nothing recorded.");
    expect(sha(file)).toBe(before);
  });
});

describe("owners People does not list", () => {
  it("are warned about once each on stderr; the others' digests still go, exit 0", async () => {
    const file = copy();
    const smtp = await smtpServer();
    const r = await run(["notify", file, "--as-of", DEMO_DAY, "--smtp", smtp.url]);
    expect(r.code, r.stderr).toBe(0);
    const warnings = r.stderr.split("\n").filter((l) => l.includes("Elif Demir"));
    expect(warnings).toEqual([
      "baton: Elif Demir is not in the People sheet, so nothing was sent to them; add a row with their Name and Email.",
    ]);
    expect(smtp.received.length).toBeGreaterThan(0);
  });
});

describe("the demo as baton init writes it", () => {
  it("lists everyone its story names in People, so every digest has an address", async () => {
    const file = join(tempDir("baton-notify-"), "demo.xlsx");
    const init = baton(["init", file, "--demo", "--as-of", DEMO_DAY, "--time-zone", "UTC"]);
    expect(init.code, init.stderr).toBe(0);
    const out = join(tempDir("baton-notify-"), "out");
    const r = await run(["notify", file, "--as-of", DEMO_DAY, "--out", out]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain("is not in the People sheet");
    const files = readdirSync(out).sort();
    expect(files.length).toBeGreaterThan(5);
    expect(files).toContain("jonas.weber@example.com.eml");
    expect(files.every((f) => f.endsWith("@example.com.eml"))).toBe(true);
  });
});

describe("bad usage", () => {
  it("needs somewhere to send, one at a time, to a URL it can use", async () => {
    const file = copy();
    expect((await run(["notify", file])).code).toBe(2);
    const both = await run(["notify", file, "--out", dir, "--webhook", "http://127.0.0.1:9/x"]);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain("one way at a time");
    const ftp = await run(["notify", file, "--smtp", "ftp://mail.example.com"]);
    expect(ftp.code).toBe(2);
    expect(ftp.stderr).toContain("use smtp://");
  });
});

describe("what was told lives beside the seal anchor", () => {
  it("survives a close, and the sealed history still verifies", async () => {
    const file = copy();
    const out = join(tempDir("baton-notify-out-"), "mail");
    expect((await run(["notify", file, "--as-of", DEMO_DAY, "--out", out])).code).toBe(0);
    const closed = await run(["close", file, "--period", "2026-W47"], {
      XDG_CONFIG_HOME: tempDir("baton-notify-config-"),
    });
    expect(closed.code, closed.stderr).toBe(0);
    const again = await run(["notify", file, "--as-of", DEMO_DAY, "--dry-run"]);
    expect(again.stdout).toContain("Nothing new to tell since 2026-11-26");
    const verified = await run(["verify", file]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});

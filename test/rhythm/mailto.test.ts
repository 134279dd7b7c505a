/**
 * A digest as a ready email for the Excel pane: a mailto link whose subject and body, decoded,
 * are the digest's own words, kept short enough for mail programs to open.
 */
import { describe, expect, it } from "vitest";
import { digestText, mailtoOf, subjectOf, type Digest } from "@baton/core";
import { TUESDAY, hostOf, plan, tell } from "./support.ts";

const context = { place: "plan.xlsx", asOf: TUESDAY };

async function hanasDigest(): Promise<Digest> {
  const r = await tell(hostOf(plan({ "Needed By": "2026-11-20" })), TUESDAY, false);
  return r.notification.digests.find((d) => d.to.name === "Hana Kim")!;
}

function parse(href: string) {
  const m = /^mailto:([^?]*)\?subject=([^&]*)&body=([^&]*)$/.exec(href);
  if (!m) throw new Error(`not a mailto link with a subject and a body: ${href}`);
  return {
    to: decodeURIComponent(m[1]!),
    subject: decodeURIComponent(m[2]!),
    body: decodeURIComponent(m[3]!),
  };
}

describe("a digest as a mailto link", () => {
  it("carries the address, the subject and the digest's text, with CRLF line breaks", async () => {
    const d = await hanasDigest();
    const link = mailtoOf(d, context);
    expect(link.carried).toBe(d.items.length);
    expect(parse(link.href)).toEqual({
      to: "hana@example.com",
      subject: subjectOf(d),
      body: digestText(d, context).replace(/\n/g, "\r\n"),
    });
    expect(link.href).toMatch(/^mailto:hana@example\.com\?subject=/);
  });

  it("encodes what a cell could use to add headers, end the link or break the encoding", async () => {
    const d = await hanasDigest();
    const hostile: Digest = {
      to: { name: "Hana", email: "hana?cc=boss@example.com" },
      items: [{ ...d.items[0]!, changed: "a&body=x#frag %41 + \uD800 done 😀" }],
    };
    const link = mailtoOf(hostile, context);
    expect(link.href.startsWith("mailto:hana%3Fcc%3Dboss@example.com?subject=")).toBe(true);
    expect(link.href).not.toMatch(/[#\s]/);
    const { to, body } = parse(link.href);
    expect(to).toBe("hana?cc=boss@example.com");
    expect(body).toContain("a&body=x#frag %41 + \uFFFD done 😀");
  });

  it("keeps within the limit by carrying the worst items and saying how many more there are", async () => {
    const d = await hanasDigest();
    const many: Digest = { ...d, items: Array.from({ length: 30 }, () => d.items[0]!) };
    const link = mailtoOf(many, context);
    expect(link.href.length).toBeLessThanOrEqual(2000);
    expect(link.carried).toBeGreaterThan(0);
    expect(link.carried).toBeLessThan(30);
    const { body } = parse(link.href);
    expect(body).toContain(`Baton has 30 things for you`);
    expect(body).toContain(`... and ${30 - link.carried} more things, left out`);
    // More room carries more.
    expect(mailtoOf(many, context, 4000).carried).toBeGreaterThan(link.carried);
  });

  it("cuts an item too long on its own at a character, and says so", async () => {
    const d = await hanasDigest();
    const long: Digest = { ...d, items: [{ ...d.items[0]!, changed: "é😀".repeat(2000) }] };
    const link = mailtoOf(long, context, 1500);
    expect(link.cut).toBe(true);
    expect(link.href.length).toBeLessThanOrEqual(1500);
    expect(parse(link.href).body).toMatch(/\[cut short to fit in a mail link\]$/);
  });

  it("shortens a subject that would fill the link on its own", async () => {
    const d = await hanasDigest();
    const huge: Digest = { ...d, items: [{ ...d.items[0]!, short: "DEP-1 ".repeat(500) }] };
    const link = mailtoOf(huge, context, 1500);
    expect(link.href.length).toBeLessThanOrEqual(1500);
    expect(subjectOf(huge).startsWith(link.subject)).toBe(true);
    expect(link.subject.length).toBeLessThan(subjectOf(huge).length);
    expect(link.cut).toBe(true);
  });
});

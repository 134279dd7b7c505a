/**
 * A digest as a ready email: a `mailto:` link (RFC 6068) with the address, the subject and the
 * text as its body, for a host that cannot send mail itself (the Excel pane: the user's own
 * mail program opens the message and they press Send).
 *
 * Mail programs and browsers refuse or cut links past about 2,000 characters, so the link is
 * kept within `MAILTO_LIMIT`: it carries as many items, worst first, as fit, and says how many
 * more there are; an item too long on its own is cut at a character and says so.
 */
import type { Digest } from "./digest.ts";
import { digestText, type DigestContext } from "./render.ts";
import { subjectOf } from "./digest.ts";

/** Characters of the whole link, `mailto:` included. */
export const MAILTO_LIMIT = 2000;

export interface MailLink {
  readonly to: { readonly name: string; readonly email: string };
  readonly subject: string;
  /** The `mailto:` link, every part percent-encoded. */
  readonly href: string;
  /** Items the digest holds, and how many of them the link carries whole. */
  readonly items: number;
  readonly carried: number;
  /** True when the text had to be cut inside an item. */
  readonly cut: boolean;
}

// A lone surrogate (half of an emoji, cut by some other tool) makes encodeURIComponent throw.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const wellFormed = (text: string) => text.replace(LONE_SURROGATE, "\uFFFD");

/** Percent-encodes a header or body value; line breaks become CRLF, as RFC 6068 asks. */
const encode = (text: string) => encodeURIComponent(wellFormed(text).replace(/\r?\n/g, "\r\n"));

// The address is checked by People (no spaces, brackets, commas); encoding it keeps a `?` or
// `&` in it from starting the link's headers. `@` reads better left as it is.
const encodeAddress = (email: string) => encode(email).replace(/%40/g, "@");

const hrefOf = (email: string, subject: string, body: string) =>
  `mailto:${encodeAddress(email)}?subject=${encode(subject)}&body=${encode(body)}`;

const CUT_NOTE = "\n[cut short to fit in a mail link]";

/** The longest prefix of `text`, cut at a character, for which `fits` holds (the whole if it does). */
function longestFitting(text: string, fits: (prefix: string) => boolean): string {
  const chars = Array.from(text);
  let lo = 0;
  let hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(chars.slice(0, mid).join(""))) lo = mid;
    else hi = mid - 1;
  }
  return chars.slice(0, lo).join("");
}

export function mailtoOf(d: Digest, c: DigestContext, limit = MAILTO_LIMIT): MailLink {
  // An ID as long as a paragraph could fill the link with the subject alone: it gives way first.
  const subject = longestFitting(
    subjectOf(d),
    (s) => hrefOf(d.to.email, s, CUT_NOTE).length <= limit,
  );
  const base = { to: d.to, subject, items: d.items.length };
  const bodyWith = (n: number) =>
    digestText({ ...d, items: d.items.slice(0, n) }, c, d.items.length - n);
  const fits = (body: string) => hrefOf(d.to.email, subject, body).length <= limit;
  for (let n = d.items.length; n >= 1; n--) {
    const body = bodyWith(n);
    if (fits(body))
      return { ...base, href: hrefOf(d.to.email, subject, body), carried: n, cut: false };
  }
  // Not even the worst item fits: its text, cut at a character (never inside an emoji).
  const body = longestFitting(bodyWith(1), (b) => fits(b + CUT_NOTE)) + CUT_NOTE;
  return { ...base, href: hrefOf(d.to.email, subject, body), carried: 0, cut: true };
}

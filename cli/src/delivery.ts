/**
 * Where the command line's digests go: .eml files in a folder, an SMTP server, or a chat
 * webhook. Each delivery either sends everything or throws a `DeliveryError` saying what went
 * and what did not; the caller records what was told only when nothing was thrown.
 */
import { hostname } from "node:os";
import { join } from "node:path";
import { mkdirSync } from "node:fs";
import nodemailer from "nodemailer";
import type SMTPTransport from "nodemailer/lib/smtp-transport";
import {
  chatMessage,
  digestHtml,
  digestText,
  subjectOf,
  type Digest,
  type DigestContext,
} from "@baton/core";
import { replaceFile } from "./files/atomic.ts";

export class DeliveryError extends Error {
  override name = "DeliveryError";
}

/** How long a server may keep Baton waiting at each step (connect, greeting, each reply). */
const DEFAULT_TIMEOUT_MS = 30_000;

export function timeoutMs(env: NodeJS.ProcessEnv = process.env): number {
  const s = Number(env.BATON_SMTP_TIMEOUT);
  return Number.isFinite(s) && s > 0 ? s * 1000 : DEFAULT_TIMEOUT_MS;
}

export const defaultFrom = () => `Baton <baton@${hostname() || "localhost"}>`;

/** The message of one digest, as nodemailer composes it. */
function message(d: Digest, c: DigestContext, from: string) {
  return {
    from,
    to: { name: d.to.name, address: d.to.email },
    subject: subjectOf(d),
    text: digestText(d, c),
    html: digestHtml(d, c),
    headers: { "Auto-Submitted": "auto-generated" },
  };
}

/** A file name for a person's message that no address can turn into a path. */
export const emlName = (d: Digest) => `${d.to.email.replace(/[^A-Za-z0-9@._-]/g, "_")}.eml`;

/** One RFC 5322 message per digest (CRLF lines, MIME, UTF-8 headers encoded) in `dir`. */
export async function writeEml(
  digests: readonly Digest[],
  c: DigestContext,
  dir: string,
  from: string,
): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: "windows",
  });
  const written: string[] = [];
  for (const d of digests) {
    const info = await composer.sendMail(message(d, c, from));
    const path = join(dir, emlName(d));
    await replaceFile(path, (out) => {
      out.end(info.message as Buffer);
    });
    written.push(path);
  }
  return written;
}

/** The server an SMTP URL names, without its credentials, for messages. */
export function smtpServer(url: string): string {
  const u = new URL(url);
  return `${u.hostname}:${u.port || (u.protocol === "smtps:" ? 465 : 587)}`;
}

/** Checks an SMTP URL before anything is read; answers the reason it is unusable, or null. */
export function smtpUrlProblem(url: string): string | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return "is not a URL such as smtp://user:password@mail.example.com:587";
  }
  if (u.protocol !== "smtp:" && u.protocol !== "smtps:")
    return `starts with ${u.protocol.replace(/:$/, "")}://; use smtp:// (STARTTLS where the server offers it) or smtps://`;
  if (!u.hostname) return "names no server";
  return null;
}

/**
 * Sends each digest over SMTP: STARTTLS when the server offers it (`smtps://` for TLS from
 * the start). Stops at the first refusal or timeout and says who got theirs and who did not.
 */
export async function sendSmtp(
  digests: readonly Digest[],
  c: DigestContext,
  url: string,
  from: string,
  timeout = timeoutMs(),
): Promise<void> {
  const u = new URL(url);
  const options: SMTPTransport.Options = {
    host: u.hostname,
    port: Number(u.port) || (u.protocol === "smtps:" ? 465 : 587),
    secure: u.protocol === "smtps:",
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
    ...(u.username
      ? {
          auth: {
            user: decodeURIComponent(u.username),
            pass: decodeURIComponent(u.password),
          },
        }
      : {}),
  };
  const transport = nodemailer.createTransport(options);
  const sent: string[] = [];
  try {
    for (const d of digests) {
      try {
        await transport.sendMail(message(d, c, from));
      } catch (e) {
        const err = e as { message?: string; response?: string; code?: string };
        const why = err.response ?? err.message ?? String(e);
        const done = sent.length ? ` Sent before it stopped: ${sent.join(", ")}.` : "";
        throw new DeliveryError(
          `the SMTP server ${smtpServer(url)} did not take the digest for ${d.to.email} (${err.code ?? "error"}: ${why}).${done} Nothing was recorded, so the next run sends every digest again.`,
        );
      }
      sent.push(d.to.email);
    }
  } finally {
    transport.close();
  }
}

/** Posts one chat message for the run (Slack and Teams incoming webhooks take `{"text"}`). */
export async function postWebhook(
  digests: readonly Digest[],
  c: DigestContext,
  url: string,
  timeout = timeoutMs(),
): Promise<void> {
  const where = new URL(url).host;
  let res: Response;
  try {
    res = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: JSON.stringify(chatMessage(digests, c)),
      signal: AbortSignal.timeout(timeout),
    });
  } catch (e) {
    throw new DeliveryError(
      `the webhook at ${where} could not be reached (${(e as Error).message}). Nothing was recorded.`,
    );
  }
  if (!res.ok) {
    const body = (await res.text().catch(() => "")).slice(0, 200);
    throw new DeliveryError(
      `the webhook at ${where} answered ${res.status}${body ? `: ${body}` : ""}. Nothing was recorded, so the next run posts it again.`,
    );
  }
}

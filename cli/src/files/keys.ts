/**
 * The closer's signing key, kept outside the workbook: `--key PATH`, else `baton/key` in the
 * user's config folder ($XDG_CONFIG_HOME, or ~/.config). The file holds the 32-byte Ed25519
 * secret as 64 hex digits. A close with no key at the default place creates one there (mode
 * 0600, its folder 0700) and says so; a `--key` path that does not exist is an error, since a
 * new key at a mistyped path would sign as someone the team does not list.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir, userInfo } from "node:os";
import { dirname, join } from "node:path";
import { publicKeyOf, type ClosingKey } from "@baton/core";
import { InputError } from "./open.ts";

export interface LoadedKey {
  readonly key: ClosingKey;
  readonly path: string;
  readonly publicKey: string;
  /** True when this run created the key. */
  readonly created: boolean;
  /** A name for the Closers entry: the user's login. */
  readonly name: string;
}

export function defaultKeyPath(env: NodeJS.ProcessEnv = process.env): string {
  const config =
    env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith("/")
      ? env.XDG_CONFIG_HOME
      : join(homedir(), ".config");
  return join(config, "baton", "key");
}

function readKey(path: string): ClosingKey {
  const text = readFileSync(path, "utf8").trim();
  if (!/^[0-9a-fA-F]{64}$/.test(text))
    throw new InputError(
      `${path}: not a Baton signing key (64 hex digits of an Ed25519 secret key)`,
    );
  return { secretKey: Uint8Array.from(Buffer.from(text, "hex")) };
}

function loginName(): string {
  try {
    return userInfo().username || "closer";
  } catch {
    return "closer";
  }
}

/** The key to sign a close with; creates the default one when there is none. */
export function loadOrCreateKey(given: string | undefined): LoadedKey {
  const path = given ?? defaultKeyPath();
  let created = false;
  if (!existsSync(path)) {
    if (given !== undefined) throw new InputError(`--key ${given}: no such key file`);
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Exclusive creation: never overwrite a key another run created meanwhile.
    writeFileSync(path, randomBytes(32).toString("hex") + "\n", { mode: 0o600, flag: "wx" });
    created = true;
  }
  const key = readKey(path);
  return { key, path, publicKey: publicKeyOf(key.secretKey), created, name: loginName() };
}

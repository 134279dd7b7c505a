import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** A real tracker kept in test/fixtures/real (its README names each file's source and licence). */
export function fixture(name: string): string {
  const path = fileURLToPath(new URL(`../fixtures/real/${name}`, import.meta.url));
  if (!existsSync(path)) throw new Error(`fixture ${name} is not in test/fixtures/real`);
  return path;
}

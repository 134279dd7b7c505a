#!/usr/bin/env node
// The `baton` command of a clone (`npx baton`): runs the built bundle, cli/dist/baton.js,
// building it first when it is not there yet (after `npm install` in a fresh clone), so the
// first run works without knowing about the build.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const cli = join(dirname(fileURLToPath(import.meta.url)), "..");
const bundle = join(cli, "dist", "baton.js");
if (!existsSync(bundle)) {
  const root = join(cli, "..");
  process.stderr.write("baton: building the command line (once, into cli/dist)\n");
  execFileSync(process.execPath, [join(root, "scripts", "build.mjs"), "cli"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
}
await import(pathToFileURL(bundle).href);

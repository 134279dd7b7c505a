// Tests drive the built command line: build it once before any test runs, so a test never
// runs against a stale bundle.
import { execFileSync } from "node:child_process";

export default function setup(): void {
  execFileSync(process.execPath, ["scripts/build.mjs", "cli"], { stdio: "inherit" });
}

// Tests drive the built command line: build it once before any test runs, so a test never
// runs against a stale bundle. BATON_PREBUILT=1 runs them against the bundle as it is (to see
// a regression test fail against an older build).
import { execFileSync } from "node:child_process";

export default function setup(): void {
  if (process.env.BATON_PREBUILT === "1") return;
  execFileSync(process.execPath, ["scripts/build.mjs", "cli"], { stdio: "inherit" });
}

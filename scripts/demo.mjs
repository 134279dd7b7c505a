// `npm run demo`: writes the demo workbook with the command line and shows what Baton finds
// in it. Exit 1 from a step means "found problems", which is the point of the demo; anything
// above 1 is a real failure.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const file = "baton-demo.xlsx";
const steps = [
  ["init", file, "--demo", "--force"],
  ["validate", file],
  ["status", file],
  ["summary", file, "--write", "--out", "baton-demo-summary.html"],
];

for (const args of steps) {
  console.log(`\n$ baton ${args.join(" ")}`);
  const { status } = spawnSync(process.execPath, ["cli/dist/baton.js", ...args], { stdio: "inherit" });
  if (status === null || status > 1) process.exit(status ?? 2);
}
console.log(`\nThe board summary: open ${resolve("baton-demo-summary.html")} in a browser, or its sheet in ${file}.`);

// `npm run demo`: writes the demo workbook with the command line and shows what Baton finds
// in it. Exit 1 from a step means "found problems", which is the point of the demo; anything
// above 1 is a real failure.
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";

const file = "baton-demo.xlsx";
// The week before this one: the demo's errors are all in the current week, so last week closes.
const lastWeek = (() => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() - 7 + 3 - ((d.getUTCDay() + 6) % 7)); // Thursday of last week
  const jan4 = new Date(Date.UTC(d.getUTCFullYear(), 0, 4));
  const week = 1 + Math.round((d - jan4) / 864e5 / 7 - 3 / 7 + ((jan4.getUTCDay() + 6) % 7) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
})();
const steps = [
  ["init", file, "--demo", "--force"],
  ["validate", file],
  ["status", file],
  ["close", file, "--period", lastWeek],
  ["verify", file],
  ["summary", file, "--write", "--out", "baton-demo-summary.html"],
];

for (const args of steps) {
  console.log(`\n$ baton ${args.join(" ")}`);
  const { status } = spawnSync(process.execPath, ["cli/dist/baton.js", ...args], {
    stdio: "inherit",
  });
  if (status === null || status > 1) process.exit(status ?? 2);
}
console.log(
  `\nThe board summary: open ${resolve("baton-demo-summary.html")} in a browser, or its sheet in ${file}.`,
);

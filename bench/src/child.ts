/**
 * One run of one figure, in a fresh process: `node bench/dist/child.mjs TASK ARGS...`.
 * The harness starts it with `--expose-gc --trace-gc` and reads back the result line.
 */
import { report } from "./protocol.ts";
import { TASKS } from "./tasks.ts";
import { xlsxFile } from "./workbooks.ts";
import { sizeArg } from "./tasks.ts";
import { writerFile, WRITERS, type Writer } from "./writers.ts";

const [name, ...args] = process.argv.slice(2);
if (name === "prepare") {
  report({ file: await xlsxFile(sizeArg(args)) });
} else if (name === "prepare-writer") {
  const writer = args[1] as Writer;
  if (!WRITERS.includes(writer))
    throw new RangeError(`writer must be one of ${WRITERS.join(", ")}`);
  report({ file: await writerFile(await xlsxFile(sizeArg(args)), writer) });
} else {
  const task = name ? TASKS[name] : undefined;
  if (!task) {
    process.stderr.write(
      `unknown task ${name}; one of prepare, ${Object.keys(TASKS).join(", ")}\n`,
    );
    process.exit(2);
  }
  report(await task(args));
}

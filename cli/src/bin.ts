import { run } from "./main.ts";
import { enableProgress } from "./progress.ts";

enableProgress(process.stderr, process.argv.slice(2));

process.exitCode = await run(process.argv.slice(2));

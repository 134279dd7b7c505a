import { run } from "./main.ts";
import { enableProgress } from "./progress.ts";

enableProgress(process.stderr, process.argv.slice(2));

// A reader that stops early (`baton status big.xlsx | head -1`) closes the pipe: that ends the
// command quietly, as it does for any Unix tool, rather than with a stack trace. Exiting runs
// the cleanups of atomic.ts (temporary file, lock).
for (const stream of [process.stdout, process.stderr])
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });

process.exitCode = await run(process.argv.slice(2));

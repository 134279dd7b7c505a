// Builds the bundles: the command line (Node), and, as the hosts land, the Apps Script
// bundle and the Excel task pane. `node scripts/build.mjs [target...]` builds some.
import { build } from "esbuild";
import { chmodSync } from "node:fs";
import { buildInlinedPage } from "./inline-html.mjs";
import { buildGsheets } from "./build-gsheets.mjs";

const externalNpmPackages = {
  name: "external-npm-packages",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith("@baton/") ? undefined : { path: args.path, external: true },
    );
  },
};

const targets = {
  async cli() {
    await build({
      entryPoints: ["cli/src/bin.ts"],
      outfile: "cli/dist/baton.js",
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      // npm packages stay external (installed beside the bin); the workspace's own
      // TypeScript packages (@baton/*) are bundled in.
      plugins: [externalNpmPackages],
      banner: { js: "#!/usr/bin/env node" },
      sourcemap: true,
      logLevel: "warning",
    });
    chmodSync("cli/dist/baton.js", 0o755);
  },
  async bench() {
    // The benchmark: the parent that runs every figure, and the child that runs one.
    await build({
      entryPoints: {
        main: "bench/src/main.ts",
        child: "bench/src/child.ts",
        lean: "bench/src/lean.ts",
        probe: "bench/src/probe.ts",
      },
      outdir: "bench/dist",
      outExtension: { ".js": ".mjs" },
      bundle: true,
      platform: "node",
      format: "esm",
      target: "node20",
      plugins: [externalNpmPackages],
      sourcemap: true,
      logLevel: "warning",
    });
  },
  async core() {
    // The core alone, for a neutral platform: proves it needs no Node built-ins and no DOM.
    await build({
      entryPoints: ["core/src/index.ts"],
      outfile: "core/dist/core.js",
      bundle: true,
      platform: "neutral",
      format: "esm",
      target: "es2020",
      minify: true,
      metafile: false,
      logLevel: "warning",
    });
  },
  async excel() {
    // The Excel add-in: task pane, ribbon commands, custom functions, manifests (see its README section).
    const { buildExcel } = await import("../excel-addin/scripts/build.mjs");
    const { total, css } = await buildExcel();
    console.log(
      `excel-addin/dist: task pane JavaScript ${(total / 1024).toFixed(1)} KB, CSS ${(css / 1024).toFixed(1)} KB`,
    );
  },
  async ui() {
    // The shared sidebar over the demo workbook, with the real core running in the page.
    await buildInlinedPage({
      entry: "ui/preview.ts",
      title: "Baton sidebar preview",
      outfile: "ui/dist/preview.html",
    });
  },
  async gsheets() {
    await buildGsheets();
  },
};

const wanted = process.argv.slice(2);
for (const name of wanted.length ? wanted : Object.keys(targets)) {
  if (!targets[name]) throw new Error(`unknown build target ${name}`);
  await targets[name]();
}

/**
 * Every package declares what it imports, so it installs and builds on its own: a package's
 * sources name only npm packages in its package.json (Node built-ins aside). The command line
 * and the benchmark are bundled with npm packages left external, so what the core imports is
 * imported by their bundles at run time: they declare the core's dependencies too.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative, sep } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./graph.ts";

interface Manifest {
  readonly name: string;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
}

/** Each package's folder, and the folders of its sources (the root holds the tests and scripts). */
const PACKAGES: Record<string, readonly string[]> = {
  core: ["core/src"],
  ui: ["ui"],
  cli: ["cli/src"],
  "excel-addin": ["excel-addin/src", "excel-addin/scripts"],
  gsheets: ["gsheets/src"],
  bench: ["bench/src"],
  ".": ["test", "scripts", "fakes"],
};

/** Bundles that leave npm packages external: they import the core's dependencies themselves. */
const BUNDLED_WITH_EXTERNALS = ["cli", "bench"];

/** Static imports and re-exports, side-effect imports, and `import()` or `require()` of a literal. */
const NPM_SPEC = /^(?:@[a-z0-9][\w.-]*\/)?[a-z0-9][\w.-]*(?:\/[\w.@-]+)*$/i;
const SPECS = [
  /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms,
  /^\s*import\s*["']([^"']+)["']/gm,
  /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  /\brequire\(\s*["']([^"']+)["']\s*\)/g,
];

const manifest = (dir: string): Manifest =>
  JSON.parse(readFileSync(join(ROOT, dir, "package.json"), "utf8")) as Manifest;

const declared = (m: Manifest) =>
  new Set([m.name, ...Object.keys(m.dependencies ?? {}), ...Object.keys(m.devDependencies ?? {})]);

/** The npm package a specifier names: `@noble/hashes/sha2.js` is `@noble/hashes`. */
const packageOf = (spec: string) =>
  spec
    .split("/")
    .slice(0, spec.startsWith("@") ? 2 : 1)
    .join("/");

const isBuiltin = (name: string) => name.startsWith("node:") || builtinModules.includes(name);

/** The TypeScript and JavaScript files under the folders (declaration files too: their imports are types a build needs). */
function sourcesOf(folders: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name.startsWith("dist") || name === "fixtures") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|mts|js|mjs)$/.test(name)) out.push(relative(ROOT, path).split(sep).join("/"));
    }
  };
  for (const f of folders) walk(join(ROOT, f));
  return out;
}

/** The npm packages the files import (statically or by `import()`), each with a file that does. */
function importedBy(files: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of files)
    for (const pattern of SPECS)
      for (const [, spec] of readFileSync(join(ROOT, file), "utf8").matchAll(pattern)) {
        // A relative path, or text that only looks like an import (`"from", "to"` in a list).
        if (!NPM_SPEC.test(spec!)) continue;
        const name = packageOf(spec!);
        if (!isBuiltin(name) && !out.has(name)) out.set(name, file);
      }
  return out;
}

describe("every package declares what it imports", () => {
  it("finds the imports it checks", () => {
    // A reader that found nothing would pass on anything.
    expect([...importedBy(sourcesOf(PACKAGES.cli!)).keys()]).toEqual(
      expect.arrayContaining(["@baton/core", "exceljs"]),
    );
    expect([...importedBy(sourcesOf(PACKAGES["excel-addin"]!)).keys()]).toContain("esbuild");
  });

  it.each(Object.entries(PACKAGES))(
    "%s names every npm package its sources import",
    (dir, folders) => {
      const has = declared(manifest(dir));
      const missing = [...importedBy(sourcesOf(folders))]
        .filter(([name]) => !has.has(name))
        .map(([name, file]) => `${name} (${file})`);
      expect(missing).toEqual([]);
    },
  );

  it.each(BUNDLED_WITH_EXTERNALS)("%s depends on what the core imports", (dir) => {
    const has = declared(manifest(dir));
    const core = Object.keys(manifest("core").dependencies ?? {});
    expect(core.filter((name) => !has.has(name))).toEqual([]);
  });
});

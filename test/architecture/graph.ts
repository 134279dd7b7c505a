/**
 * The import graph of the repository's TypeScript, read from its import and export lines
 * (type-only imports count: they tie modules together for a reader as much as values do).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");

const FROM = /^\s*(?:import|export)\b[^;]*?\bfrom\s*["']([^"']+)["']/gms;
const BARE = /^\s*import\s*["']([^"']+)["']/gm;

/** Every .ts file under a folder of the repository, as paths relative to its root. */
export function sourcesUnder(folder: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === "node_modules" || name === "dist") continue;
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(".ts") && !name.endsWith(".d.ts"))
        out.push(relative(ROOT, path).split(sep).join("/"));
    }
  };
  walk(join(ROOT, folder));
  return out.sort();
}

/** What a file imports: relative imports resolved to repository paths, packages as named. */
export function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specs = [...text.matchAll(FROM), ...text.matchAll(BARE)].map((m) => m[1]!);
  return specs.map((s) =>
    s.startsWith(".")
      ? relative(ROOT, resolve(ROOT, dirname(file), s))
          .split(sep)
          .join("/")
      : s,
  );
}

/** The graph over the given files: file → the files (of the same set) and packages it imports. */
export function graphOf(files: readonly string[]): Map<string, string[]> {
  return new Map(files.map((f) => [f, importsOf(f)]));
}

/** Every cycle's files, each cycle once (Tarjan's strongly connected components). */
export function cyclesOf(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const at = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    at.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!at.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, at.get(w)!));
    }
    if (low.get(v) === at.get(v)) {
      const part: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        on.delete(w);
        part.push(w);
      } while (w !== v);
      if (part.length > 1 || (graph.get(v) ?? []).includes(v)) out.push(part.sort());
    }
  };
  for (const v of graph.keys()) if (!at.has(v)) visit(v);
  return out;
}

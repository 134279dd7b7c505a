/**
 * Each package is type-checked in the environment it really runs in, so a name that does not
 * exist there is a type error, not a crash in a user's spreadsheet: the core has ES2022 and
 * nothing else (Apps Script, the task pane and Node all run it), the pane has the DOM and no
 * Node, the command line Node and no DOM, Apps Script its own globals. `npm run typecheck`
 * builds them as project references, each package only through those it names.
 */
import { readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT } from "./graph.ts";

interface TsConfig {
  readonly extends?: string;
  readonly compilerOptions?: { readonly lib?: string[]; readonly types?: string[] };
  readonly references?: { readonly path: string }[];
}

const read = (path: string): TsConfig =>
  JSON.parse(readFileSync(join(ROOT, path), "utf8")) as TsConfig;

/** The options that decide an environment, with `extends` followed. */
function environment(path: string): { lib: string[]; types: string[] | undefined } {
  const own = read(path);
  const base = own.extends ? environment(join(dirname(path), own.extends)) : undefined;
  return {
    lib: (own.compilerOptions?.lib ?? base?.lib ?? []).map((l) => l.toLowerCase()),
    types: own.compilerOptions?.types ?? base?.types,
  };
}

/** Each project: where it is, what its code may use, and which projects it builds on. */
const PROJECTS: Record<string, { lib: string[]; types: string[]; references: string[] }> = {
  core: { lib: ["es2022"], types: [], references: [] },
  ui: { lib: ["es2022", "dom"], types: [], references: ["core"] },
  cli: { lib: ["es2022"], types: ["node"], references: ["core"] },
  "excel-addin": {
    lib: ["es2022", "dom"],
    types: ["office-js", "custom-functions-runtime"],
    references: ["core", "ui"],
  },
  gsheets: { lib: ["es2022"], types: ["google-apps-script"], references: ["core"] },
  "gsheets/src/sidebar": { lib: ["es2022", "dom"], types: [], references: ["core", "ui"] },
  "gsheets/src/portfolio": {
    lib: ["es2022"],
    types: ["google-apps-script"],
    references: ["gsheets"],
  },
};

describe("each package is checked in its own environment", () => {
  it.each(Object.entries(PROJECTS))("%s", (dir, want) => {
    const config = `${dir}/tsconfig.json`;
    expect(environment(config)).toEqual({ lib: want.lib, types: want.types });
    const refs = (read(config).references ?? []).map((r) => normalize(join(dir, r.path)));
    expect(refs.sort()).toEqual(want.references.sort());
  });

  it("builds every project from the root, with the typecheck script", () => {
    const refs = (read("tsconfig.json").references ?? []).map((r) => normalize(r.path));
    expect(refs).toEqual(expect.arrayContaining(Object.keys(PROJECTS)));
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.typecheck).toBe("tsc -b");
  });
});

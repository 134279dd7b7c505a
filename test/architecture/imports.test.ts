/**
 * The core's folders depend one way, and nothing imports in a circle: a reader can start at
 * the bottom (cells, issues, ports) and never meet a module that needs one above it.
 */
import { describe, expect, it } from "vitest";
import { cyclesOf, graphOf, importsOf, sourcesUnder } from "./graph.ts";

const PACKAGES = ["core/src", "ui", "cli/src", "excel-addin/src", "gsheets/src"];
const files = PACKAGES.flatMap(sourcesUnder);
const graph = graphOf(files);

/** The core folder a file of the core sits in (`core/src/validate`), or null. */
const folder = (f: string) =>
  f.startsWith("core/src/") ? f.split("/").slice(0, 3).join("/") : null;

/** Folder → folders it must not import. */
const NEVER: Record<string, readonly string[]> = {
  "core/src/validate": [
    "core/src/ledger",
    "core/src/actions",
    "core/src/summary",
    "core/src/migrate",
  ],
  "core/src/workbook": [
    "core/src/validate",
    "core/src/ledger",
    "core/src/engine",
    "core/src/actions",
  ],
  "core/src/ports": [
    "core/src/template",
    "core/src/workbook",
    "core/src/validate",
    "core/src/engine",
    "core/src/ledger",
    "core/src/actions",
  ],
  "core/src/issues": ["core/src/validate", "core/src/workbook", "core/src/template"],
  "core/src/engine": ["core/src/ledger", "core/src/summary", "core/src/actions"],
  "core/src/ledger": ["core/src/actions", "core/src/summary", "core/src/migrate"],
  "core/src/summary": ["core/src/actions"],
  "core/src/migrate": ["core/src/actions"],
};

describe("the core's folders depend one way", () => {
  it("finds the imports it checks", () => {
    // The checker reads import lines: if it found none, it would pass on anything.
    expect(importsOf("core/src/validate/validate.ts")).toContain("core/src/workbook/read.ts");
    expect(files.length).toBeGreaterThan(100);
  });

  it.each(Object.entries(NEVER))("%s imports none of the folders above it", (from, above) => {
    const wrong = [...graph].flatMap(([f, deps]) =>
      folder(f) === from
        ? deps.filter((d) => above.includes(folder(d) ?? "")).map((d) => `${f} -> ${d}`)
        : [],
    );
    expect(wrong).toEqual([]);
  });
});

describe("no module imports itself through others", () => {
  it("has no import cycles in the core, the pane, the command line or the hosts", () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    const looped = new Map([
      ["a.ts", ["b.ts"]],
      ["b.ts", ["c.ts"]],
      ["c.ts", ["a.ts"]],
      ["d.ts", ["a.ts"]],
    ]);
    expect(cyclesOf(looped)).toEqual([["a.ts", "b.ts", "c.ts"]]);
  });
});
describe("packages meet through their names", () => {
  it("imports no other package's source by a relative path", () => {
    const pkg = (f: string) => PACKAGES.find((p) => f.startsWith(p + "/"));
    const wrong = [...graph].flatMap(([f, deps]) =>
      deps
        .filter(
          (d) =>
            !d.startsWith("@") &&
            pkg(d) &&
            pkg(d) !== pkg(f) &&
            !(pkg(f) === "core/ui" && pkg(d) === "core/src"),
        )
        .map((d) => `${f} -> ${d}`),
    );
    expect(wrong).toEqual([]);
  });
});

describe("the benchmark stands apart from the tests", () => {
  const shared = [...sourcesUnder("bench/src"), ...sourcesUnder("fakes")];

  it("finds the imports it checks", () => {
    expect(importsOf("bench/src/hosts.ts")).toContain("fakes/hosts.ts");
  });

  it("imports nothing from test/, itself or through the fakes it shares with the tests", () => {
    const wrong = shared.flatMap((f) =>
      importsOf(f)
        .filter((d) => d === "test" || d.startsWith("test/"))
        .map((d) => `${f} -> ${d}`),
    );
    expect(wrong).toEqual([]);
  });
});

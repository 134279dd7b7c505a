/**
 * A clone of the repository alone runs every test: nothing reads a folder beside the
 * repository or a path of one machine, the real trackers are in the repository with their
 * licences, and a missing Chromium or LibreOffice fails a test under CI rather than making it
 * vanish.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { fixture } from "../support/fixtures.ts";
import { findTool, toolIn } from "../support/tools.ts";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SOURCES = ["test", "bench", "scripts", "cli/src", "excel-addin/src", "gsheets/src", "core"];
const THIS_FILE = fileURLToPath(import.meta.url);

function* sourceFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name === "fixtures") continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|js|mjs|cjs|json|html)$/.test(name) && path !== THIS_FILE) yield path;
  }
}

describe("nothing outside the repository is read", () => {
  it("no source or test names ../shared or an absolute path of a machine", () => {
    // A quoted path starting at one of these roots; "#!/usr/bin/env node" is not quoted.
    const machinePath = /["'`]\/(work|tmp|root|home|usr|opt|Users)\//;
    const beside = /\.\.\/(\.\.\/)*shared\//;
    const found: string[] = [];
    for (const top of SOURCES)
      for (const file of sourceFiles(join(ROOT, top)))
        readFileSync(file, "utf8")
          .split("\n")
          .forEach((line, i) => {
            if (machinePath.test(line) || beside.test(line))
              found.push(`${relative(ROOT, file)}:${i + 1}: ${line.trim()}`);
          });
    expect(found).toEqual([]);
  });

  it("the real trackers are in test/fixtures/real, each named in its README with commit and licence", () => {
    const dir = join(ROOT, "test/fixtures/real");
    const readme = readFileSync(join(dir, "README.md"), "utf8");
    const files = readdirSync(dir).filter((f) => f !== "README.md");
    expect(files.sort()).toEqual([
      "04_risikoregister_de_gourmetguide.xlsx",
      "09_project_plan_gantt_packt.xlsx",
      "13_capital_delivery_portfolio_melbournewater.csv",
    ]);
    for (const f of files) {
      const row = readme.split("\n").find((l) => l.startsWith(`| \`${f}\``));
      expect(row, f).toMatch(/\| `[0-9a-f]{40}` +\| (MIT|CC0 1\.0) +\|$/);
      expect(fixture(f)).toBe(join(dir, f));
    }
    // MIT asks for its notice to travel with the files.
    expect(readme.match(/Permission is hereby granted/g)).toHaveLength(2);
  });

  it("the CSV tracker keeps its byte order mark and CRLF line ends as published", () => {
    const bytes = readFileSync(fixture("13_capital_delivery_portfolio_melbournewater.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.includes("\r\n")).toBe(true);
  });
});

describe("a test that needs Chromium or LibreOffice", () => {
  afterEach(() => vi.unstubAllEnvs());
  const emptyPath = () => mkdtempSync(join(tmpdir(), "baton-no-tools-"));

  it("finds the tool on PATH, wherever it is installed", () => {
    const bin = emptyPath();
    const soffice = join(bin, "soffice");
    writeFileSync(soffice, "#!/bin/sh\n");
    chmodSync(soffice, 0o755);
    expect(findTool("soffice", bin)).toBe(soffice);
    expect(findTool("chromium", bin)).toBeUndefined();
  });

  it("fails under CI=true when the tool is missing", () => {
    vi.stubEnv("PATH", emptyPath());
    vi.stubEnv("CI", "true");
    const skip = vi.fn() as unknown as (note?: string) => never;
    expect(() => toolIn({ skip }, "chromium")).toThrow(/Chromium .*not on PATH.*CI=true/);
    expect(skip).not.toHaveBeenCalled();
  });

  it("is skipped, saying what to install, elsewhere", () => {
    vi.stubEnv("PATH", emptyPath());
    vi.stubEnv("CI", "");
    const skip = vi.fn() as unknown as (note?: string) => never;
    toolIn({ skip }, "soffice");
    expect(skip).toHaveBeenCalledWith(expect.stringMatching(/LibreOffice .*not on PATH/));
  });
});

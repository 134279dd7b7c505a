/**
 * The manifests: `npm run validate` checks the unified JSON manifest against its bundled schema
 * with no network, and both manifests against the requirement sets the code uses; the ribbon
 * commands they name are the ones the code associates.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { requirementSets } from "../../excel-addin/scripts/requirements.mjs";
import { validateManifests } from "../../excel-addin/scripts/validate.mjs";
import { RIBBON_COMMANDS } from "../../excel-addin/src/commands/ribbon.ts";

const xmlText = readFileSync("excel-addin/manifest.xml", "utf8");
const json = JSON.parse(readFileSync("excel-addin/manifest.json", "utf8")) as Record<
  string,
  unknown
> & { extensions: { requirements: { capabilities: { name: string; minVersion: string }[] } }[] };
const copy = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;
let used: Record<string, string>;
let uses: ReturnType<typeof requirementSets>["uses"];

beforeAll(() => {
  ({ sets: used, uses } = requirementSets("excel-addin/src"));
}, 120_000);

describe("the requirement sets are the ones the code uses", () => {
  it("finds ExcelApi 1.14 from triggerSource, the newest Excel API the code touches", () => {
    expect(uses.ExcelApi![0]).toMatchObject({
      version: "1.14",
      api: "Excel.WorksheetChangedEventArgs.triggerSource",
    });
    expect(used).toMatchObject({ ExcelApi: "1.14", SharedRuntime: "1.1" });
  });
});

describe("npm run validate accepts the manifests as they are", () => {
  it("finds no problem", async () => {
    expect(await validateManifests("excel-addin", { used })).toEqual([]);
  });
});

describe("npm run validate rejects a broken manifest", () => {
  it("rejects a JSON manifest the schema forbids", async () => {
    const broken = copy(json);
    delete broken.version;
    broken.accentColor = "navy";
    const problems = await validateManifests("excel-addin", { json: broken, used });
    expect(problems.some((p) => p.includes("version"))).toBe(true);
    expect(problems.some((p) => p.includes("accentColor"))).toBe(true);
  });

  it("rejects a JSON manifest whose schema is not bundled (it would need the network)", async () => {
    const broken = { ...copy(json), $schema: "https://example.invalid/schema.json" };
    expect(await validateManifests("excel-addin", { json: broken, used })).toEqual([
      expect.stringContaining("no bundled schema"),
    ]);
  });

  it("rejects an XML manifest asking for less than the code needs, and one asking for more", async () => {
    const less = xmlText.replace(
      '<Set Name="ExcelApi" MinVersion="1.14"/>',
      '<Set Name="ExcelApi" MinVersion="1.7"/>',
    );
    expect(await validateManifests("excel-addin", { xmlText: less, used })).toEqual([
      "manifest.xml: the code uses ExcelApi 1.14; the manifest asks for 1.7",
    ]);
    const more = xmlText.replace(
      '<Set Name="SharedRuntime" MinVersion="1.1"/>',
      '<Set Name="SharedRuntime" MinVersion="1.1"/><Set Name="DialogApi" MinVersion="1.2"/>',
    );
    expect(await validateManifests("excel-addin", { xmlText: more, used })).toEqual([
      "manifest.xml: asks for DialogApi 1.2, which the code does not use",
    ]);
  });

  it("rejects a JSON manifest whose capabilities differ from the code's", async () => {
    const broken = copy(json);
    broken.extensions[0]!.requirements.capabilities =
      broken.extensions[0]!.requirements.capabilities.filter((c) => c.name !== "SharedRuntime");
    expect(await validateManifests("excel-addin", { json: broken, used })).toEqual([
      "manifest.json: the code uses SharedRuntime 1.1; the manifest asks for nothing",
    ]);
  });

  it("rejects an undefined resource and manifests that disagree", async () => {
    const xml = xmlText
      .replace('<Label resid="Validate.Label"/>', '<Label resid="Missing.Label"/>')
      .replace("<Version>0.1.0.0</Version>", "<Version>0.2.0.0</Version>");
    const problems = await validateManifests("excel-addin", { xmlText: xml, used });
    expect(problems).toEqual(
      expect.arrayContaining([
        'manifest.xml: resid "Missing.Label" is not defined in <Resources>',
        "the manifests' versions differ: 0.2.0.0 and 0.1.0",
      ]),
    );
  });
});

describe("the manifests' ribbon commands are the ones the code associates", () => {
  it("names each command handler once, in both manifests", () => {
    const xmlCommands = [...xmlText.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map(
      (m) => m[1],
    );
    expect(xmlCommands.sort()).toEqual(Object.keys(RIBBON_COMMANDS).sort());
  });
});

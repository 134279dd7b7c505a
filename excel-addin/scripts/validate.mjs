// `npm run validate -w @baton/excel-addin`: checks both manifests offline.
//
// - manifest.json (the unified manifest) against the JSON schema its "$schema" names, as bundled
//   in @microsoft/app-manifest: no network.
// - manifest.xml and manifest.json ask for exactly the requirement sets the code uses (found by
//   the TypeScript checker, see requirements.mjs).
// - The two manifests agree (id, version, ribbon commands, namespace), every resource an XML
//   element points at is defined, and every icon exists at the size it is declared.
//
// Microsoft's XML validator (`office-addin-manifest validate manifest.xml`) needs its online
// service; run it too before publishing.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { requirementSets } from "./requirements.mjs";

const require = createRequire(import.meta.url);

/** Width and height of a PNG file, from its header. */
export function pngSize(file) {
  const b = readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47) return null;
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** The bundled schema a unified manifest names, or null if the package has none for it. */
export function bundledSchema(schemaUrl) {
  const m = /\/json-schemas\/teams\/(v[\w.]+)\/MicrosoftTeams\.schema\.json$/.exec(schemaUrl ?? "");
  if (!m) return null;
  const root = dirname(require.resolve("@microsoft/app-manifest/package.json"));
  const file = join(root, "build/json-schemas/teams", m[1], "MicrosoftTeams.schema.json");
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : null;
}

export async function checkJsonSchema(manifest) {
  const schema = bundledSchema(manifest.$schema);
  if (!schema)
    return [
      `manifest.json: no bundled schema for ${manifest.$schema}; name one of @microsoft/app-manifest's versions`,
    ];
  const { AppManifestUtils } = require("@microsoft/app-manifest");
  const errors = await AppManifestUtils.validateAgainstSchema(manifest, schema);
  return errors.map((e) => `manifest.json:${e}`);
}

const attr = (tag, name) => new RegExp(`${name}="([^"]*)"`).exec(tag)?.[1];

/** The parts of manifest.xml the checks need (the manifest is ours: elements are on one line each). */
export function readXml(xml) {
  const sets = Object.fromEntries(
    [...xml.matchAll(/<Set\s[^>]*\/>/g)].map(([t]) => [attr(t, "Name"), attr(t, "MinVersion")]),
  );
  const resids = [...xml.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]);
  const defined = Object.fromEntries(
    [...xml.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)" DefaultValue="([^"]*)"\/>/g)].map(
      (m) => [m[1], m[2]],
    ),
  );
  const functions = [...xml.matchAll(/<FunctionName>([^<]+)<\/FunctionName>/g)].map((m) => m[1]);
  const id = /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];
  const version = /<Version>([^<]+)<\/Version>/.exec(xml)?.[1];
  const images = [...xml.matchAll(/<bt:Image id="[^"]+" DefaultValue="([^"]+)"\/>/g)].map(
    (m) => m[1],
  );
  const icons = [/<IconUrl DefaultValue="([^"]+)"/, /<HighResolutionIconUrl DefaultValue="([^"]+)"/]
    .map((r) => r.exec(xml)?.[1])
    .filter(Boolean);
  return { sets, resids, defined, functions, id, version, images, icons };
}

function compareSets(where, declared, used) {
  const problems = [];
  for (const [name, version] of Object.entries(used))
    if (declared[name] !== version)
      problems.push(
        `${where}: the code uses ${name} ${version}; the manifest asks for ${declared[name] ?? "nothing"}`,
      );
  for (const name of Object.keys(declared))
    if (!used[name])
      problems.push(`${where}: asks for ${name} ${declared[name]}, which the code does not use`);
  return problems;
}

/** Every problem with the manifests in `dir` (excel-addin), as lines for the user. */
export async function validateManifests(
  dir = "excel-addin",
  { xmlText, json, used: usedSets } = {},
) {
  const problems = [];
  const xml = readXml(xmlText ?? readFileSync(join(dir, "manifest.xml"), "utf8"));
  const manifest = json ?? JSON.parse(readFileSync(join(dir, "manifest.json"), "utf8"));
  problems.push(...(await checkJsonSchema(manifest)));

  const used = usedSets ?? requirementSets(join(dir, "src")).sets;
  problems.push(...compareSets("manifest.xml", xml.sets, used));
  const ext = manifest.extensions?.[0] ?? {};
  const capabilities = Object.fromEntries(
    (ext.requirements?.capabilities ?? []).map((c) => [c.name, c.minVersion]),
  );
  problems.push(...compareSets("manifest.json", capabilities, used));

  for (const r of new Set(xml.resids))
    if (!(r in xml.defined))
      problems.push(`manifest.xml: resid "${r}" is not defined in <Resources>`);
  if (xml.id !== manifest.id)
    problems.push(`the manifests' ids differ: ${xml.id} and ${manifest.id}`);
  if (xml.version?.replace(/\.0$/, "") !== manifest.version)
    problems.push(`the manifests' versions differ: ${xml.version} and ${manifest.version}`);
  const jsonFunctions = (ext.runtimes ?? []).flatMap((r) =>
    (r.actions ?? []).filter((a) => a.type === "executeFunction").map((a) => a.id),
  );
  if ([...xml.functions].sort().join() !== [...jsonFunctions].sort().join())
    problems.push(
      `the manifests' ribbon commands differ: ${xml.functions.join(", ")} and ${jsonFunctions.join(", ")}`,
    );
  const namespace = (ext.runtimes ?? []).find((r) => r.customFunctions)?.customFunctions?.namespace
    ?.id;
  if (xml.defined["Functions.Namespace"] !== namespace)
    problems.push(
      `the manifests' custom function namespaces differ: ${xml.defined["Functions.Namespace"]} and ${namespace}`,
    );

  // Icons: the declared size is in the resource id (Icon.32x32) or the file name (icon-32.png).
  const local = (url) => join(dir, new URL(url).pathname.replace(/^\//, ""));
  const jsonIcons = [
    [manifest.icons?.color, 192],
    [manifest.icons?.outline, 32],
  ];
  const urls = [...xml.images, ...xml.icons].map((u) => [
    local(u),
    Number(/(\d+)\.png$/.exec(u)?.[1]),
  ]);
  for (const [file, size] of [...urls, ...jsonIcons.map(([f, s]) => [join(dir, f ?? ""), s])]) {
    if (!existsSync(file)) {
      problems.push(`icon ${file} does not exist`);
      continue;
    }
    const got = pngSize(file);
    if (!got || got.width !== size || got.height !== size)
      problems.push(
        `icon ${file} is ${got ? `${got.width}x${got.height}` : "not a PNG"}, not ${size}x${size}`,
      );
  }
  return problems;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const dir = resolve(dirname(new URL(import.meta.url).pathname), "..");
  const problems = await validateManifests(dir);
  if (problems.length) {
    for (const p of problems) console.error(p);
    process.exit(1);
  }
  const { sets } = requirementSets(join(dir, "src"));
  console.log(
    `manifest.json matches its schema; both manifests ask for ${Object.entries(sets)
      .map(([n, v]) => `${n} ${v}`)
      .join(", ")}, as the code uses.`,
  );
}

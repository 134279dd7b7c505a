// The Office requirement sets the add-in's code uses, found by the TypeScript checker: every
// Office.js property or method the code touches carries "[Api set: NAME VERSION]" in its
// declaration (@types/office-js, @types/custom-functions-runtime). The manifests must ask for
// exactly the highest version of each set, no less (Excel would load Baton where it cannot work)
// and no more (it would hide Baton from clients that can run it).
import ts from "typescript";
import { readdirSync, statSync } from "node:fs";
import { join, resolve } from "node:path";

// Excel's APIs say "[Api set: ExcelApi 1.7]"; the common ones "**Requirement set**: {@link ... | SharedRuntime 1.1}".
const API_SET = /(?:\[Api set: |\*\*Requirement set\*\*: \{@link [^|]*\| )([A-Za-z]+) (\d+\.\d+)/g;

function sources(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith(".ts") ? [resolve(p)] : [];
  });
}

const compare = (a, b) => {
  const [x1, y1] = a.split(".").map(Number);
  const [x2, y2] = b.split(".").map(Number);
  return x1 - x2 || y1 - y2;
};

/**
 * @param {string} srcDir the add-in's sources
 * @returns {{ sets: Record<string, string>, uses: Record<string, { version: string, api: string, at: string }[]> }}
 *   the highest version of each set, and where each set is used.
 */
export function requirementSets(srcDir = "excel-addin/src") {
  const files = sources(srcDir);
  const program = ts.createProgram(files, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    noEmit: true,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  });
  const checker = program.getTypeChecker();
  const sets = {};
  const uses = {};
  const seen = new Set();
  const note = (node, sf) => {
    const symbol = checker.getSymbolAtLocation(node);
    if (!symbol) return;
    const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
    for (const decl of target.declarations ?? []) {
      const file = decl.getSourceFile().fileName;
      if (!/@types\/(office-js|custom-functions-runtime)\//.test(file)) continue;
      const docs = ts
        .getJSDocCommentsAndTags(decl)
        .map((d) => d.getText())
        .join("\n");
      for (const m of docs.matchAll(API_SET)) {
        const [, name, version] = m;
        const api = `${checker.getFullyQualifiedName(target)}`;
        const { line } = sf.getLineAndCharacterOfPosition(node.getStart());
        const at = `${sf.fileName.slice(resolve(".").length + 1)}:${line + 1}`;
        const key = `${name} ${version} ${api}`;
        if (!seen.has(key)) {
          seen.add(key);
          (uses[name] ??= []).push({ version, api, at });
        }
        if (!sets[name] || compare(version, sets[name]) > 0) sets[name] = version;
      }
    }
  };
  for (const sf of program.getSourceFiles()) {
    if (!files.includes(resolve(sf.fileName))) continue;
    const visit = (node) => {
      if (ts.isPropertyAccessExpression(node)) note(node.name, sf);
      ts.forEachChild(node, visit);
    };
    visit(sf);
  }
  for (const list of Object.values(uses)) list.sort((a, b) => compare(b.version, a.version));
  return { sets, uses };
}

if (process.argv[1]?.endsWith("requirements.mjs")) {
  const { sets, uses } = requirementSets();
  for (const [name, version] of Object.entries(sets)) {
    console.log(`${name} ${version}`);
    for (const u of uses[name].slice(0, 3)) console.log(`  ${u.version} ${u.api} (${u.at})`);
  }
}

// `npm run dev-server -w @baton/excel-addin`: builds the add-in, serves it over HTTPS on
// https://localhost:3000 with a certificate from office-addin-dev-certs (trusted on first run),
// and rebuilds when a source file changes. `--local-office-js` serves office.js from the npm
// package instead of Microsoft's CDN.
import { watch } from "node:fs";
import { createServer } from "node:https";
import { resolve } from "node:path";
import devCerts from "office-addin-dev-certs";
import { buildExcel } from "./build.mjs";
import { distHandler } from "./serve.mjs";

const root = resolve(new URL("../..", import.meta.url).pathname);
process.chdir(root);
const port = Number(process.env.npm_package_config_dev_server_port || 3000);
const localOfficeJs = process.argv.includes("--local-office-js");

const rebuild = async () => {
  try {
    const { total } = await buildExcel();
    console.log(`built excel-addin/dist (${(total / 1024).toFixed(1)} KB of JavaScript)`);
  } catch (e) {
    console.error(String(e));
  }
};
await rebuild();

const options = await devCerts.getHttpsServerOptions();
createServer(options, distHandler(resolve("excel-addin/dist"), { localOfficeJs })).listen(
  port,
  "localhost",
  () =>
    console.log(
      `Baton for Excel on https://localhost:${port}/taskpane.html — sideload excel-addin/manifest.xml`,
    ),
);

let timer = null;
for (const dir of ["excel-addin/src", "core/src", "ui"])
  watch(dir, { recursive: true }, () => {
    clearTimeout(timer);
    timer = setTimeout(rebuild, 200);
  });

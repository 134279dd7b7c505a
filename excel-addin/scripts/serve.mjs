// Serves the built add-in (excel-addin/dist). The page loads Office.js from Microsoft's CDN; with
// `localOfficeJs` the same office.js is served from the @microsoft/office-js package instead, so
// the pane can be opened with no network (the headless tests do this).
import { existsSync, readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, extname, join, normalize } from "node:path";

const require = createRequire(import.meta.url);
export const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
export const OFFICE_JS_LOCAL = "/office-js/office.js";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".map": "application/json; charset=utf-8",
};

/** The folder holding the package's office.js and the scripts it loads beside itself. */
export function officeJsDir() {
  return join(dirname(require.resolve("@microsoft/office-js/package.json")), "dist");
}

/** A request handler for node:http or node:https. */
export function distHandler(dist, { localOfficeJs = false } = {}) {
  const officeDir = officeJsDir();
  return (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    let file;
    if (localOfficeJs && path.startsWith("/office-js/"))
      file = normalize(join(officeDir, path.slice("/office-js/".length)));
    else file = normalize(join(dist, path === "/" ? "taskpane.html" : path));
    const base = file.startsWith(officeDir) ? officeDir : dist;
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    let body = readFileSync(file);
    if (localOfficeJs && file.endsWith(".html"))
      body = Buffer.from(body.toString("utf8").split(OFFICE_JS_CDN).join(OFFICE_JS_LOCAL));
    res
      .writeHead(200, {
        "content-type": TYPES[extname(file)] ?? "application/octet-stream",
        "cache-control": "no-store",
      })
      .end(body);
  };
}

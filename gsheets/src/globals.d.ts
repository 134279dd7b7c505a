/** The bundled application, a global of the Apps Script project (see scripts/build-gsheets.mjs). */
declare const Baton: typeof import("./app.ts");

/** The portfolio add-on's bundle, a global of its Apps Script project (see scripts/build-gsheets.mjs). */
declare const BatonPortfolio: typeof import("./app.ts");

/** The check-in form's bundle, a global of its Apps Script project (see scripts/build-gsheets.mjs). */
declare const BatonCheckin: typeof import("./app.ts");

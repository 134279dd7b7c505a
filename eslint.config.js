// One linter for the repository: the recommended JavaScript and TypeScript rules (syntax
// only, no type information, so it stays fast), over every package's sources, tests and scripts.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "**/dist/**",
      "**/dist-portfolio/**",
      "**/dist-checkin/**",
      "**/node_modules/**",
      "bench/.cache/**",
      "coverage/**",
      "test-artifacts/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: "module" },
    rules: {
      // Baton escapes and strips control characters on purpose (terminal output, XML, HTML):
      // a pattern over them is the point, not a slip.
      "no-control-regex": "off",
      // Unused names are errors, except those a signature or a destructuring must name.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  // TypeScript itself checks that every name is defined, with each package's own environment.
  { files: ["**/*.ts"], rules: { "no-undef": "off" } },
  // Apps Script calls the entry file's top-level functions by name, and its types come by
  // reference: nothing imports them, so they look unused and unimported to the linter.
  {
    files: ["gsheets/src/main.ts", "gsheets/src/portfolio/main.ts", "gsheets/src/checkin/main.ts"],
    rules: {
      "@typescript-eslint/no-unused-vars": "off",
      "@typescript-eslint/triple-slash-reference": "off",
    },
  },
  // The build, demo and launcher scripts run in Node.
  { files: ["**/*.js", "**/*.mjs"], languageOptions: { globals: globals.node } },
);

// One look for the whole tree, so that reviews read changes, not styles. `npm run format`
// writes it; `npm run lint` (and so `npm test` and CI) refuses a file that differs.
/** @type {import("prettier").Config} */
const config = {
  printWidth: 110,
  plugins: ["@ianvs/prettier-plugin-sort-imports"],
  // Node's own modules, then packages, then tenken's own (by the @/ alias), then relative paths.
  importOrder: ["<BUILTIN_MODULES>", "<THIRD_PARTY_MODULES>", "", "^@/(.*)$", "", "^[./]"],
  importOrderTypeScriptVersion: "5.9.3",
};

export default config;

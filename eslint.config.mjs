// Next.js's own rules (with React, React hooks and the core web vitals), typescript-eslint's
// recommended rules, and jsx-a11y's recommended accessibility rules, all as errors: `npm run lint`
// allows no warning either. Formatting is Prettier's (prettier.config.mjs), not ESLint's.
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";
import jsxA11y from "eslint-plugin-jsx-a11y";
import { defineConfig, globalIgnores } from "eslint/config";

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  // The plugin is registered by Next.js's config already; this adds the rest of its recommended rules.
  { files: ["**/*.tsx"], rules: jsxA11y.flatConfigs.recommended.rules },
  {
    rules: {
      // Unused names are mistakes, except those that say "deliberately ignored" with a leading _.
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "lib/generated/**",
    "next-env.d.ts",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
]);

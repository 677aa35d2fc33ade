// ESLint 9 flat config: typescript-eslint's recommended rules, tuned for this code base.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["node_modules/**", "data/**", "coverage/**", "dist/**", "**/*.min.js"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: "module",
      globals: { process: "readonly", console: "readonly", Buffer: "readonly", URL: "readonly", setTimeout: "readonly", clearTimeout: "readonly", fetch: "readonly", AbortSignal: "readonly" },
    },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "no-constant-condition": ["error", { checkLoops: false }],
      // A `let` assigned once after a closure that reads it (a server handler set up before the object exists).
      "prefer-const": ["error", { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Scripts served to browsers (dashboard, sandbox; src/browser-script.ts). tsc checks their names against lib
    // DOM, but the project's Node types are in scope too: this keeps Node's globals out of browser code.
    files: ["src/web/**/assets/**/*.ts", "src/channels/**/assets/**/*.ts"],
    rules: { "no-restricted-globals": ["error", "process", "Buffer", "require", "module", "__dirname", "__filename", "global"] },
  },
  {
    files: ["tests/**/*.ts", "bench/**/*.ts"],
    rules: {
      // Test doubles poke at untyped JSON (Bot API payloads) on purpose.
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
);

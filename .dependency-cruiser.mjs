/**
 * The dependency rules of src/, checked by `npm run depcheck` (dependency-cruiser) in CI. Dependencies point
 * inward: the entry layers (channels, web, workers) use the core (conversation, verification, landmarks,
 * queues, store, texts, i18n, proof) through the contracts in ports/; domain/ is pure and needs nothing.
 * Type-only imports count: a cycle of types is still a cycle for the reader.
 */
const ENTRY = "^src/(channels|web|workers)/";
const CORE = "^src/(conversation|verification|landmarks|queues|store|texts|i18n|proof|ports|domain)/";

/** @type {import("dependency-cruiser").IConfiguration} */
export default {
  forbidden: [
    {
      name: "no-circular",
      comment: "No import cycles, type-only ones included: each file can be read after the files it imports.",
      severity: "error",
      from: { path: "^src/" },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      comment: "Every relative import resolves to a file.",
      severity: "error",
      from: { path: "^(src|tests|bench|scripts)/" },
      to: { couldNotResolve: true, dependencyTypesNot: ["core"] },
    },
    {
      name: "domain-is-pure",
      comment: "src/domain holds plain types and rules: it imports nothing else from src/.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: { path: "^src/", pathNot: "^src/domain/" },
    },
    {
      name: "ports-only-domain",
      comment: "The shared contracts (src/ports) depend on the domain alone, so every side can import them.",
      severity: "error",
      from: { path: "^src/ports/" },
      to: { path: "^src/", pathNot: "^src/(ports|domain)/" },
    },
    {
      name: "i18n-only-domain",
      comment: "Language negotiation and formatting sit under everything that speaks: they import only the domain.",
      severity: "error",
      from: { path: "^src/i18n/" },
      to: { path: "^src/", pathNot: "^src/(i18n|domain)/" },
    },
    {
      name: "entry-layers-apart",
      comment: "channels/, web/ and workers/ do not import each other: what they share lives in ports/ or the core.",
      severity: "error",
      from: { path: "^src/(channels|web|workers)/" },
      to: { path: ENTRY, pathNot: "^src/$1/" },
    },
    {
      name: "entry-layers-not-into-conversation",
      comment: "channels/, web/ and workers/ reach the conversation core only through ports/ (the app container wires it).",
      severity: "error",
      from: { path: ENTRY },
      to: { path: "^src/conversation/" },
    },
    {
      name: "conversation-stores-through-ports",
      comment: "The conversation core uses the stores through ports/stores.ts; the app container hands it the Redis repositories.",
      severity: "error",
      from: { path: "^src/conversation/" },
      to: { path: "^src/store/" },
    },
    {
      name: "workers-stores-through-ports",
      comment:
        "The workers use the stores through ports/stores.ts. One exception: store/redis.ts (the connection BullMQ and the " +
        "deadline reconciler's reads of BullMQ's own job keys take).",
      severity: "error",
      from: { path: "^src/workers/" },
      to: { path: "^src/store/", pathNot: "^src/store/redis\\.ts$" },
    },
    {
      name: "core-not-outward",
      comment: "The core never imports an entry layer, the CLI or the app container.",
      severity: "error",
      from: { path: CORE },
      to: { path: "^src/(channels/|web/|workers/|cli/|app\\.ts$|main\\.ts$)" },
    },
    {
      name: "src-not-into-tools",
      comment: "The app does not import tests, benchmarks or developer scripts.",
      severity: "error",
      from: { path: "^src/" },
      to: { path: "^(tests|bench|scripts)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Type-only imports are dependencies too (TypeScript erases them, the reader does not).
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    // Package subpaths (grammy/types, tsx/esm/api) resolve through their "exports" maps, as Node resolves them.
    enhancedResolveOptions: {
      extensions: [".ts", ".mjs", ".js", ".json"],
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "types", "default"],
    },
  },
};

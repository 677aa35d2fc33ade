import path from "node:path";

/** The demo catalog shipped in the repo; its images are illustrations, see demo-catalog/README.md. */
export const DEMO_CATALOG_DIR: string = path.resolve(import.meta.dirname, "demo-catalog");

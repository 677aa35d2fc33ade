/**
 * The browser scripts (src/web/<page>/assets/*.ts) are TypeScript, type-checked and linted with the rest. The
 * production build's tsc emits each one's .js next to it in dist/, and that file is served as it is. A
 * checkout run through tsx has no .js: the .ts is transpiled once, on the first request, with typescript (a
 * development dependency, so imported only then), not at start: most test apps never serve a script.
 */
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

const cache = new Map<string, Promise<string>>();

/** The JavaScript for `<dir>/<name>.ts`: the built `<name>.js` when there is one, else the transpiled source. */
export function browserScript(dir: string, name: string): () => Promise<string> {
  const built = path.join(dir, `${name}.js`);
  const source = path.join(dir, `${name}.ts`);
  return () => {
    let code = cache.get(source);
    if (!code) {
      code = existsSync(built) ? readBuilt(built) : transpile(source);
      // A failed read is retried by the next request rather than cached.
      code.catch(() => cache.delete(source));
      cache.set(source, code);
    }
    return code;
  };
}

/** The build's source maps stay on the server: no map request from the browser, no 404 in its console. */
async function readBuilt(file: string): Promise<string> {
  return (await readFile(file, "utf8")).replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n");
}

async function transpile(file: string): Promise<string> {
  const { default: ts } = await import("typescript");
  const { outputText } = ts.transpileModule(await readFile(file, "utf8"), {
    fileName: file,
    // Imports say ./x.ts in the source; the browser asks for ./x.js, as tsc writes them in the build.
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ES2022, sourceMap: false, rewriteRelativeImportExtensions: true },
  });
  return outputText;
}

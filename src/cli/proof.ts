/**
 * `safe-arrival proof ...`: check a confirmation code offline with the published public key, or print
 * the public keys to publish. Needs no Redis; `verify` without --public-key uses this deployment's keys.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import type { Logger } from "pino";
import type { Config } from "../config.ts";
import { ProofVerifier } from "../proof/proof-keys.ts";
import { resolveProofKeys } from "../proof/signing-key.ts";

export const PROOF_HELP = `Usage:
  safe-arrival proof verify <code-or-link> [--public-key <file>] [--json]
      checks a confirmation code offline: valid (exit 0) or not valid (exit 1). <file> is the document
      published at /.well-known/safe-arrival-proof-keys (or a PEM public key); without it, the keys of
      this deployment's configuration (PROOF_SIGNING_KEY, PROOF_SIGNING_KEY_PREVIOUS) are used.
  safe-arrival proof public-key
      prints the public keys (the document served at /.well-known/safe-arrival-proof-keys)
`;

export interface ProofCliIo {
  out(text: string): void;
  err(text: string): void;
  /** The deployment's configuration, read only when a command needs it. */
  config(): Config;
  log: Logger;
  now?: () => Date;
}

/** The code in a link such as https://example.org/c/<code>, or the code itself. */
function codeOf(input: string): string {
  const match = /\/c\/([A-Za-z0-9_-]+)\/?(?:[?#].*)?$/.exec(input.trim());
  return match ? match[1]! : input.trim();
}

export function runProof(argv: string[], io: ProofCliIo): number {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { "public-key": { type: "string" }, json: { type: "boolean" }, help: { type: "boolean", short: "h" } },
  });
  const [sub, input] = positionals;
  if (values.help || !sub) {
    io.out(PROOF_HELP);
    return values.help ? 0 : 2;
  }
  if (sub === "public-key") {
    io.out(`${JSON.stringify(resolveProofKeys(io.config(), io.log).publicKeys(), null, 2)}\n`);
    return 0;
  }
  if (sub !== "verify" || !input) {
    io.err(PROOF_HELP);
    return 2;
  }
  const file = values["public-key"];
  let verifier: ProofVerifier;
  try {
    verifier = file ? ProofVerifier.fromPublished(readFileSync(file, "utf8")) : resolveProofKeys(io.config(), io.log);
  } catch (err) {
    // A key that cannot be read is a usage problem (exit 2), never "not valid" (exit 1).
    io.err(`cannot read the public key${file ? ` in ${file}` : ""}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 2;
  }
  const result = verifier.check(codeOf(input), io.now?.() ?? new Date());
  if (values.json) io.out(`${JSON.stringify(result)}\n`);
  else if (!result.valid) io.out(`not valid (${result.why.replace("_", " ")})\n`);
  else {
    const c = result.confirmation;
    io.out(
      [
        `valid: signed by key ${result.keyId}`,
        `landmark: ${c.landmarkId}`,
        `time: ${c.at.toISOString()}`,
        `verdict: ${c.status}`,
        `reasons: ${c.reasons.map((r) => `${r.ok ? "+" : "-"}${r.code}`).join(" ")}`,
        `expires: ${c.expiresAt.toISOString()}`,
      ].join("\n") + "\n",
    );
  }
  return result.valid ? 0 : 1;
}

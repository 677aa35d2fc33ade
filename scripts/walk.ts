/**
 * `npx tsx scripts/walk.ts [checkin|deadline]`: how long is the way a newcomer follows through the code?
 *
 * A walk is the ordered list of files that do the work along one path (WALKS below, kept by hand: the call
 * chain goes through injected interfaces, so imports alone cannot find it). The reader opens each of these
 * and, to understand it, each file it imports from src/. The script counts:
 *   - files: the stops plus their direct src/ imports (what the reader opens);
 *   - crossings: import edges from a stop into another top-level src/ folder (channels/ -> conversation/ is
 *     one; channels/telegram/ -> channels/ is none; a file directly in src/ counts as folder "src");
 *   - folders: the distinct top-level folders among those files, and the crossings by folder they lead into.
 * A stop's deps interface (a `deps.ts` it imports: WorkerDeps, ConversationDeps) is read as part of the stop,
 * since every `deps.x.y()` call in it means "look up x in deps.ts, then y where its type is declared": so its
 * imports are counted like the stop's own ("with deps interfaces"). The first line, "direct", counts the
 * stops' own imports only, as the script did at first; both are printed so the figures stay comparable.
 * A third line splits the crossings: into the contract folders (domain/, ports/: types and pure rules that
 * import nothing of ours but the domain, read once and then known) and into the working folders, where each
 * crossing sends the reader into code with dependencies of its own. The first two lines stay as they were, so
 * figures taken before this split compare with those taken after.
 * A stop that no longer exists fails the run, so a move is followed by updating the list, not by a silent
 * shorter walk. Imports are read with TypeScript's own pre-processor (static, type-only, dynamic, re-exports).
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

/** WALK_ROOT measures another checkout (e.g. an older commit's `git archive`) with this script's stops. */
const ROOT = path.resolve(process.env.WALK_ROOT ?? path.join(import.meta.dirname, ".."));

/** The stops, in the order a check-in or a deadline passes them. */
export const WALKS: Record<string, string[]> = {
  // Telegram update -> inbound turn -> verify job -> verification -> notify job -> family message.
  checkin: [
    "src/channels/telegram/telegram-webhook.ts",
    "src/channels/telegram/telegram-channel.ts",
    "src/channels/telegram/telegram-inbox.ts",
    "src/channels/telegram/telegram-inbound.ts",
    "src/conversation/conversation.ts",
    "src/conversation/turn.ts",
    "src/conversation/checkin.ts",
    "src/queues/producers.ts",
    "src/workers/workers.ts",
    "src/workers/verify-processor.ts",
    "src/verification/photo-verifier.ts",
    "src/conversation/trip-lifecycle.ts",
    "src/workers/notify-processor.ts",
    "src/channels/messenger.ts",
    "src/channels/telegram/telegram-sender.ts",
    "src/channels/telegram/telegram-outbox.ts",
  ],
  // /trip sets a deadline -> its timer -> the sweeper takes it -> stage fires -> reminder / family and NGO alerts -> messages.
  deadline: [
    "src/conversation/trips.ts",
    "src/conversation/trip-lifecycle.ts",
    "src/store/deadline-timers.ts",
    "src/workers/workers.ts",
    "src/workers/deadline-sweeper.ts",
    "src/workers/deadline-processor.ts",
    "src/store/deadline-firing.ts",
    "src/workers/alert-processor.ts",
    "src/workers/ngo-processor.ts",
    "src/channels/messenger.ts",
    "src/channels/telegram/telegram-sender.ts",
    "src/channels/telegram/telegram-outbox.ts",
  ],
};

function folderOf(file: string): string {
  const parts = path.relative(path.join(ROOT, "src"), file).split(path.sep);
  return parts.length > 1 ? parts[0]! : "src";
}

/** Direct imports of a file that resolve to files under src/. */
export function srcImports(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, "utf8"), true, true);
  const found = new Set<string>();
  for (const ref of info.importedFiles) {
    if (!ref.fileName.startsWith(".")) continue;
    const target = path.resolve(path.dirname(file), ref.fileName);
    if (target.startsWith(path.join(ROOT, "src") + path.sep) && existsSync(target)) found.add(target);
  }
  return [...found];
}

/** Folders of contracts only: depcheck keeps them free of imports beyond the domain (.dependency-cruiser.mjs). */
const CONTRACT_FOLDERS = new Set(["domain", "ports"]);

/** A deps interface: the object of services a stop is handed, read together with the stop. */
const isDepsInterface = (file: string) => path.basename(file) === "deps.ts";

export function measure(stops: readonly string[], withDeps = false) {
  const missing = stops.filter((s) => !existsSync(path.join(ROOT, s)));
  if (missing.length) throw new Error(`walk stops not found (update WALKS): ${missing.join(", ")}`);
  const files = new Set<string>();
  const crossings: string[] = [];
  const read = new Set<string>();
  const readFile = (abs: string) => {
    if (read.has(abs)) return;
    read.add(abs);
    files.add(abs);
    for (const target of srcImports(abs)) {
      files.add(target);
      if (folderOf(target) !== folderOf(abs)) crossings.push(`${path.relative(ROOT, abs)} -> ${path.relative(ROOT, target)}`);
      if (withDeps && isDepsInterface(target)) readFile(target);
    }
  };
  for (const stop of new Set(stops)) readFile(path.join(ROOT, stop));
  const folders = new Set([...files].map(folderOf));
  // Crossings by the folder they lead into: which rooms the reader is sent to, and how often.
  const into: Record<string, number> = {};
  for (const c of crossings) {
    const to = folderOf(path.join(ROOT, c.split(" -> ")[1]!));
    into[to] = (into[to] ?? 0) + 1;
  }
  const intoContracts = Object.entries(into).filter(([f]) => CONTRACT_FOLDERS.has(f)).reduce((n, [, c]) => n + c, 0);
  const workingFiles = [...files].filter((f) => !CONTRACT_FOLDERS.has(folderOf(f))).length;
  return { stops: new Set(stops).size, files: files.size, crossings, into, folders: [...folders].sort(), intoContracts, workingFiles };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(WALKS);
  for (const name of names) {
    const stops = WALKS[name];
    if (!stops) throw new Error(`unknown walk ${name}; known: ${Object.keys(WALKS).join(", ")}`);
    for (const withDeps of [false, true]) {
      const m = measure(stops, withDeps);
      const how = withDeps ? "with deps interfaces" : "direct";
      console.log(`${name} (${how}): ${m.stops} stops, ${m.files} files opened, ${m.crossings.length} folder crossings, folders: ${m.folders.join(" ")}`);
      console.log(`  crossings into: ${Object.entries(m.into).sort().map(([f, n]) => `${f} ${n}`).join(", ")}`);
      console.log(`  into contracts (domain, ports): ${m.intoContracts}; into working folders: ${m.crossings.length - m.intoContracts}; files opened outside the contracts: ${m.workingFiles}`);
      if (process.env.VERBOSE) for (const c of m.crossings) console.log(`  ${c}`);
    }
  }
}

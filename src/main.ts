/** CLI entry: `safe-arrival <role>`; roles can share a process (`start`) or scale apart. */
import { parseArgs } from "node:util";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { App, ROLES, type Role } from "./app.ts";
import { ConfigError, loadConfig, sandboxEnabled } from "./config.ts";
import { createLogger } from "./log.ts";
import { ensureLocalRedis } from "./local-redis.ts";
import { redisMode } from "./store/redis.ts";
import { importCatalog } from "./landmarks/import.ts";
import { rotateKeys } from "./store/key-rotation.ts";
import { CatalogError } from "./landmarks/catalog-dir.ts";
import { USERS_HELP, UsageError, promptHidden, runUsersCommand } from "./cli/users.ts";

const HELP = `Usage: safe-arrival <command> [options]

Roles (long-running):
  start                 all roles in one process: bot, worker and web (the sandbox chat when no bot token)
  bot                   channel gateways (Telegram long polling or webhook; the WhatsApp socket when WHATSAPP_ENABLED=true)
  worker                queue processors: verification and family notifications
  web                   web app: sandbox chat, Telegram webhook, /healthz and /readyz

Tasks:
  landmarks import <dir>   load a folder of landmark folders (landmark.json + reference photos)
  landmarks list           list the landmarks in the store
  landmarks remove <id>    remove a landmark
  landmarks check [--catalog <dir>] [--json]
                           report weak reference coverage per landmark (no Redis needed; landmarks check --help)
  landmarks hash <photo>...
                           print PDQ hashes, for a catalog's known-pictures.txt (no Redis needed)
  verify --catalog <dir> [--landmark <id>] [--lat <deg> --lon <deg>] [--json] <photo>...
                           verify photos against a catalog folder, without Redis (verify --help)
  keys rotate              move everything sealed with the old key (APP_KEY_PREVIOUS) to APP_KEY
  proof verify <code> [--public-key <file>]
                           check an arrival confirmation code offline (proof --help)
  proof public-key         print the public keys that check confirmation codes
  users add <email> --role admin [--org <id>] [--password <pw>]
                           create a dashboard user (asks for the password when not given); also
                           users list, users disable <email>, users enable <email>, users org <id> <name>

Configuration comes from the environment (see README.md): REDIS_URL, PORT, TELEGRAM_BOT_TOKEN, ...
`;

async function runRoles(roles: readonly Role[], config: ReturnType<typeof loadConfig>): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  let app: App | undefined;
  let starting: Promise<void> = Promise.resolve();
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    // In-flight jobs and requests get SHUTDOWN_TIMEOUT to finish; past it the process exits anyway (code 1).
    const timer = setTimeout(() => {
      log.error({ signal, timeoutMs: config.SHUTDOWN_TIMEOUT }, "shutdown timed out");
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT).unref();
    await starting.catch(() => undefined); // a start-up under way completes first, then everything stops
    const clean = await (app?.stop() ?? Promise.resolve()).then(
      () => true,
      (err: Error) => {
        log.error({ err: err.name }, "shutdown failed");
        return false;
      },
    );
    clearTimeout(timer);
    log.info({ signal, clean }, "stopped");
    process.exit(clean ? 0 : 1);
  };
  // Installed before start-up, so a SIGTERM at any moment (a fast `docker stop`) still stops gracefully.
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));

  if (redisMode(config) === "standalone") await ensureLocalRedis(config, log);
  if (stopping) return;
  const started = new App(config, log, { roles });
  app = started;
  starting = started.seedCatalog().then(() => started.start());
  await starting;
  if (stopping) return;
  log.info({ roles, port: config.PORT, telegram: Boolean(app.telegram), sandbox: sandboxEnabled(config) }, "SafeArrival running");
  if (sandboxEnabled(config) && roles.includes("web")) {
    process.stdout.write(`\nSandbox chat: http://localhost:${config.PORT}/sandbox\n\n`);
  }
}

async function runLandmarks(args: string[], config: ReturnType<typeof loadConfig>): Promise<void> {
  const log = createLogger(config.LOG_LEVEL);
  if (redisMode(config) === "standalone") await ensureLocalRedis(config, log);
  const app = new App(config, log, { roles: [] });
  try {
    const [sub, arg] = args;
    const repo = app.deps.landmarks;
    if (sub === "import" && arg) {
      const result = await importCatalog(arg, repo);
      process.stdout.write(`imported ${result.imported.length} landmarks: ${result.imported.join(", ")}\n`);
    } else if (sub === "list") {
      for (const l of await repo.list()) process.stdout.write(`${l.id}\t${l.names.en ?? ""}\t${l.radiusM} m\t${l.timeZone}\n`);
    } else if (sub === "remove" && arg) {
      process.stdout.write((await repo.remove(arg)) ? `removed ${arg}\n` : `no landmark ${arg}\n`);
    } else {
      process.stdout.write(HELP);
      process.exitCode = 2;
    }
  } finally {
    await app.stop();
  }
}

async function runKeys(args: string[], config: ReturnType<typeof loadConfig>): Promise<void> {
  if (args[0] !== "rotate") {
    process.stdout.write(HELP);
    process.exitCode = 2;
    return;
  }
  const log = createLogger(config.LOG_LEVEL);
  if (redisMode(config) === "standalone") await ensureLocalRedis(config, log);
  if (!config.APP_KEY_PREVIOUS) {
    process.stderr.write("keys rotate moves data from the old key to the new one: set APP_KEY to the new key and APP_KEY_PREVIOUS to the old one\n");
    process.exitCode = 2;
    return;
  }
  const app = new App(config, log, { roles: [] });
  try {
    const report = await rotateKeys(app.deps.persons, app.rotationSteps());
    for (const [what, n] of Object.entries(report)) process.stdout.write(`${what}: ${n}\n`);
    process.stdout.write("done: every process can now run with APP_KEY alone (remove APP_KEY_PREVIOUS)\n");
  } finally {
    await app.stop();
  }
}

async function runUsers(args: string[], config: ReturnType<typeof loadConfig>): Promise<void> {
  const log = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  if (redisMode(config) === "standalone") await ensureLocalRedis(config, log);
  const app = new App(config, log, { roles: [] });
  try {
    await runUsersCommand(app, args, { out: (text) => process.stdout.write(text), ask: promptHidden });
  } catch (err) {
    if (!(err instanceof UsageError) && !(err instanceof TypeError && "code" in err)) throw err;
    process.stderr.write(`${err.message}\n${err.message === USERS_HELP ? "" : `\n${USERS_HELP}`}`);
    process.exitCode = 2;
  } finally {
    await app.stop();
  }
}

async function main(argv: string[]): Promise<void> {
  // verify has its own options and needs no configuration or Redis.
  if (argv[0] === "verify") {
    const { runVerify } = await import("./cli/verify.ts");
    process.exitCode = await runVerify(argv.slice(1));
    return;
  }
  const { positionals, values } = parseArgs({ args: argv, allowPositionals: true, strict: false, options: { help: { type: "boolean", short: "h" } } });
  const [command, ...rest] = positionals;
  if (values.help || !command || command === "help") {
    process.stdout.write(HELP);
    return;
  }
  // Checking a catalog folder's coverage needs no Redis; the configuration only for its default folder.
  if (argv[0] === "landmarks" && argv[1] === "check") {
    const { runLandmarksCheck } = await import("./landmarks/check-cli.ts");
    const { DEMO_CATALOG_DIR } = await import("./landmarks/demo-catalog.ts");
    process.exitCode = await runLandmarksCheck(argv.slice(2), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      defaultCatalog: () => loadConfig().CATALOG_DIR ?? DEMO_CATALOG_DIR,
    });
    return;
  }
  // Hashing pictures for a catalog's known-pictures.txt needs no configuration or Redis either.
  if (argv[0] === "landmarks" && argv[1] === "hash") {
    const { phashPhoto } = await import("./verification/pdq.ts");
    for (const file of argv.slice(2)) process.stdout.write(`${await phashPhoto(await readFile(file))}  # ${path.basename(file)}\n`);
    return;
  }
  // proof verify with --public-key needs no configuration at all: it runs on any machine.
  if (command === "proof") {
    const { runProof } = await import("./cli/proof.ts");
    process.exitCode = runProof(argv.slice(argv.indexOf("proof") + 1), {
      out: (text) => process.stdout.write(text),
      err: (text) => process.stderr.write(text),
      config: () => loadConfig(),
      log: createLogger("warn"),
    });
    return;
  }
  const config = loadConfig();
  if (command === "start") return runRoles(ROLES, config);
  if ((ROLES as readonly string[]).includes(command)) return runRoles([command as Role], config);
  if (command === "landmarks") return runLandmarks(rest, config);
  if (command === "keys") return runKeys(rest, config);
  // Its own option parser: --role and --org take values.
  if (command === "users") return runUsers(argv.slice(argv.indexOf("users") + 1), config);
  process.stderr.write(`unknown command: ${command}\n\n${HELP}`);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof CatalogError) process.stderr.write(`${err.message}\n`);
  else process.stderr.write(`safe-arrival: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

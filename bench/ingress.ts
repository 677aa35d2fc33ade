/**
 * Ingress: Telegram webhook updates per second and latency with autocannon, against the real App
 * (role bot, webhook mode, its own process) answering /help, and against a bare Fastify route returning
 * 200 in the same kind of process (the baseline).
 * Run: npx tsx bench/ingress.ts [seconds]
 */
import { randomBytes } from "node:crypto";
import autocannon, { type Result } from "autocannon";
import { Redis } from "ioredis";
import { loadConfig } from "../src/config.ts";
import { Keys } from "../src/store/keys.ts";
import { startFakeBotApi } from "../tests/support/fake-bot-api.ts";
import { findFreePort } from "../tests/support/redis-server.ts";
import { startAppChild, startBenchRedis } from "./processes.ts";
import { fmt, isMain, ratio, table, type BenchSection } from "./stats.ts";

/** What Telegram's servers would use at most by default (setWebhook max_connections). */
const CONNECTIONS = 40;
const USERS = 1_000;
const SECRET = "bench-webhook-secret-0123456789";

let nextUpdateId = 1;
function helpUpdate(): string {
  const id = nextUpdateId++;
  const user = 600_000_000 + (id % USERS);
  return JSON.stringify({
    update_id: id,
    message: {
      message_id: id,
      from: { id: user, is_bot: false, first_name: `Sender${user % USERS}`, language_code: "en" },
      chat: { id: user, type: "private", first_name: `Sender${user % USERS}` },
      date: Math.floor(Date.now() / 1000),
      text: "/help",
      entities: [{ type: "bot_command", offset: 0, length: 5 }],
    },
  });
}

async function cannon(port: number, seconds: number): Promise<Result> {
  return await autocannon({
    url: `http://127.0.0.1:${port}/telegram/webhook`,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    timeout: 10,
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    requests: [{ setupRequest: (req) => ({ ...req, body: helpUpdate() }) }],
  });
}

interface Target {
  label: string;
  args: (port: number) => string[];
  env: Record<string, string>;
  /** Another process running beside the one under test during the run (the worker that runs the turns). */
  beside?: string[];
}

export async function benchIngress(seconds = 8): Promise<BenchSection> {
  const redis = await startBenchRedis();
  const fake = await startFakeBotApi();
  const defaults = loadConfig({});
  const paced = "TELEGRAM_RATE_GLOBAL" in defaults;
  const appEnv = (port: number, prefix: string): Record<string, string> => ({
    REDIS_URL: redis.url,
    REDIS_PREFIX: prefix,
    APP_KEY: randomBytes(32).toString("base64"),
    TELEGRAM_BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    TELEGRAM_WEBHOOK_URL: `http://127.0.0.1:${port}`,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    PORT: String(port),
    // 1,000 senders at several hundred updates/s would trip the per-sender limit (30/min) and measure its short cut.
    MESSAGE_RATE_PER_MINUTE: "1000000",
  });
  const targets: Target[] = [
    { label: "bare Fastify route returning 200 (baseline)", args: (port) => ["--bare", String(port)], env: {} },
    { label: "app webhook, /help (defaults)", args: () => ["bot"], env: {} },
  ];
  if (paced) targets.push({ label: "app webhook, /help (outbound pacing lifted)", args: () => ["bot"], env: { TELEGRAM_RATE_GLOBAL: "100000", TELEGRAM_RATE_PER_CHAT: "100000" } });
  targets.push({
    label: "app webhook, /help, turns in a worker process beside it (TELEGRAM_TURNS_IN=worker)",
    args: () => ["bot"],
    env: { TELEGRAM_TURNS_IN: "worker" },
    beside: ["worker"],
  });
  const results: Array<{ target: Target; r: Result; rssMb: number; stored: number; handled: number }> = [];
  const admin = new Redis(redis.url);
  try {
    for (const [i, target] of targets.entries()) {
      const port = await findFreePort();
      const prefix = `{in${i}}`;
      const env = { ...appEnv(port, prefix), ...target.env };
      const beside = target.beside ? await startAppChild(target.beside, { ...env, PORT: "0" }) : undefined;
      const child = await startAppChild(target.args(port), env);
      let r: Result | undefined;
      let warm: Result | undefined;
      let backlog = 0;
      try {
        warm = await cannon(port, 2); // warm-up: JIT, connections, the senders' person records
        r = await cannon(port, seconds);
        // Updates stored and not handled yet when the run ends (the inbox stream holds them until handled).
        backlog = target.args(port)[0] === "--bare" ? 0 : await admin.xlen(new Keys(prefix).telegramInbox());
      } finally {
        const rssMb = await child.stop();
        await beside?.stop();
        const stored = r && warm ? r["2xx"] + warm["2xx"] : 0;
        if (r) results.push({ target, r, rssMb, stored, handled: stored - backlog });
      }
    }
  } finally {
    admin.disconnect();
    await fake.close();
    await redis.stop();
  }
  const base = results[0]!.r;
  const rows = results.map(({ target, r, rssMb, stored, handled }, i) => [
    target.label, fmt(r.requests.average), fmt(r.latency.p50, 1), fmt(r.latency.p99, 1), fmt(r.latency.max), String(r["2xx"]), String(r.non2xx), String(r.errors + r.timeouts), fmt(rssMb),
    ratio(base.requests.average, r.requests.average), ratio(r.latency.p99, base.latency.p99),
    i === 0 ? "" : `${handled} of ${stored} (${fmt((100 * handled) / stored)}%)`,
  ]);
  const facts: Record<string, number> = { baseRps: base.requests.average, baseP99: base.latency.p99 };
  const summary: string[][] = [];
  for (const [i, { target, r }] of results.entries()) {
    if (i === 0) continue;
    const tag = i === 1 ? "default" : target.beside ? "split" : "unpaced";
    Object.assign(facts, { [`${tag}.rps`]: r.requests.average, [`${tag}.p99`]: r.latency.p99, [`${tag}.p50`]: r.latency.p50, [`${tag}.failed`]: r.non2xx + r.errors + r.timeouts });
    summary.push([`ingress: ${target.label}`, `${fmt(r.requests.average)} updates/s, p99 ${fmt(r.latency.p99)} ms${r.non2xx + r.errors + r.timeouts ? `, ${r.non2xx + r.errors + r.timeouts} failed` : ""}`, `bare Fastify ${fmt(base.requests.average)} req/s, p99 ${fmt(base.latency.p99)} ms`, `${ratio(base.requests.average, r.requests.average)} slower`]);
  }
  const markdown = [
    table(["target", "req/s", "p50 ms", "p99 ms", "max ms", "2xx", "non-2xx", "errors + timeouts", "server peak RSS MB", "baseline req/s / this", "p99 / baseline p99", "turns run by the end (of updates stored)"], rows),
    "",
    `- autocannon ${CONNECTIONS} connections (Telegram's default webhook max_connections), ${seconds} s after a 2 s warm-up, POST /telegram/webhook with the secret token header and a /help message update; every request has its own update_id (a setupRequest hook), from ${USERS} senders in turn. autocannon runs in the bench process with the fake Bot API; the server under test is a separate Node process (bench/app-process.ts); redis-server a third, all on the same 2 cores.`,
    `- The app (role bot, webhook mode) per update: secret check, the update sealed and stored by one Lua script (its id marked in a seen-ids bitmap, so a redelivery is dropped; the sealed update appended to the inbox stream; its chat's pending-set entry), sent on the inbox's own auto-pipelined connection (the stores of concurrent requests go out in one write), then 200 once Redis answered. Redis runs as in production (AOF, appendfsync everysec). The turns run behind the answer, read from the stream by a consumer group: by default in the same process (rate counter, person touch with sealed fields, the /help reply queued in the outbox and sent to the fake Bot API${paced ? " at the pacer's pace" : ""}), competing for the same CPU; in the last row in a separate worker process (TELEGRAM_TURNS_IN=worker), on the same 2 cores. MESSAGE_RATE_PER_MINUTE is raised to 1,000,000 so that the per-sender limit does not cut turns short.`,
    `- "Turns run by the end": updates stored (warm-up and run) minus those still in the inbox stream when the run ends; the rest are handled after it (the backlog of a burst).`,
    `- The baseline: a Fastify 5 app with one POST route on the same path, JSON body parsed, answering 200.`,
  ].join("\n");
  return { title: "3. Ingress", markdown, summary, facts };
}

if (isMain(import.meta.url)) {
  const s = await benchIngress(Number(process.argv[2] ?? 8));
  console.log(`## ${s.title}\n\n${s.markdown}\n`);
  process.exit(0);
}

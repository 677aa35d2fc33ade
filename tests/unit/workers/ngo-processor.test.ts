/**
 * The NGO worker's processor (src/workers/ngo-processor.ts): an NGO alert event reaches the duty chat and the
 * signed webhook, each once, carrying ids, places and times but no names or numbers; a failed webhook is retried.
 */
import assert from "node:assert/strict";
import { createHmac, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { NgoProcessor, signWebhook } from "../../../src/workers/ngo-processor.ts";
import type { NgoSettings } from "../../../src/workers/deps.ts";
import { jobIds } from "../../../src/ports/jobs.ts";
import { ConversationHarness } from "../../support/conversation-harness.ts";
import { workerDeps } from "../../support/worker-harness.ts";

interface Delivery {
  headers: http.IncomingHttpHeaders;
  body: string;
}

let h: ConversationHarness;
let server: http.Server;
let webhookUrl: string;
const deliveries: Delivery[] = [];
/** What the webhook answers next. */
let status = 200;
const SECRET = "webhook-secret-for-tests";
const DUTY = { channel: "sandbox", chatId: "ngo-duty" } as const;

before(async () => {
  h = await ConversationHarness.start();
  server = http.createServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      deliveries.push({ headers: req.headers, body });
      res.statusCode = status;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await h.stop();
});

const NGO = (): NgoSettings => ({ name: "Refugee Help", dutyChat: DUTY, webhook: { url: webhookUrl, secret: SECRET } });

async function openAlert(kind: "missed" | "duress" = "missed"): Promise<string> {
  const id = randomUUID();
  await h.app.workerDeps.ngoAlerts.open({
    id,
    kind,
    landmarkId: "paris-gare-du-nord",
    deadline: new Date("2026-05-01T10:00:00Z"),
    lastArrival: { landmarkId: "paris-gare-du-nord", at: new Date("2026-04-30T08:00:00Z") },
    language: "ar",
    channel: "telegram",
    createdAt: new Date("2026-05-01T10:05:00Z"),
  });
  return id;
}

test("duty chat: the alert goes out ahead of other traffic, once, and the case records the delivery", async () => {
  const alertId = await openAlert();
  const ngo = new NgoProcessor(workerDeps(h, { ngo: NGO() }));
  const job = { alertId, event: "opened", target: "chat" } as const;
  const sent = await h.during(() => ngo.process(job));
  assert.equal(sent.length, 1);
  assert.deepEqual(sent[0]!.to, DUTY);
  assert.equal(sent[0]!.priority, "high");
  assert.ok(sent[0]!.ids.includes("ngo-alert-missed"), sent[0]!.ids.join());
  assert.match(sent[0]!.text, /Gare du Nord/);
  assert.ok((await h.app.workerDeps.ngoAlerts.timeline(alertId)).some((e) => e.event === "delivered:opened:chat"));
  assert.deepEqual(await h.during(() => ngo.process(job)), [], "a re-run job is not delivered again");
});

test("duty chat: a duress alert and a resolution have their own messages", async () => {
  const ngo = new NgoProcessor(workerDeps(h, { ngo: NGO() }));
  const duress = await openAlert("duress");
  const [urgent] = await h.during(() => ngo.process({ alertId: duress, event: "opened", target: "chat" }));
  assert.ok(urgent!.ids.includes("ngo-alert-duress"));
  const [resolved] = await h.during(() => ngo.process({ alertId: duress, event: "resolved", target: "chat" }));
  assert.ok(resolved!.ids.includes("ngo-alert-resolved"));
});

test("webhook: a signed POST of the alert's facts, with ids and no personal data", async () => {
  const alertId = await openAlert();
  deliveries.length = 0;
  status = 200;
  const job = { alertId, event: "opened", target: "webhook" } as const;
  await new NgoProcessor(workerDeps(h, { ngo: NGO() })).process(job);
  assert.equal(deliveries.length, 1);
  const [{ headers, body }] = deliveries as [Delivery];
  assert.equal(headers["content-type"], "application/json");
  assert.equal(headers["x-safearrival-delivery"], jobIds.ngo(job));
  const timestamp = Number(headers["x-safearrival-timestamp"]);
  assert.ok(Math.abs(timestamp - Date.now() / 1000) < 60);
  // What a receiver computes (docs/journey.md): HMAC-SHA256 of "<timestamp>.<body>" with the shared secret.
  const expected = `sha256=${createHmac("sha256", SECRET).update(`${timestamp}.${body}`).digest("hex")}`;
  assert.equal(headers["x-safearrival-signature"], expected);
  assert.equal(signWebhook(SECRET, timestamp, body), expected);
  assert.deepEqual(JSON.parse(body), {
    id: alertId,
    event: "opened",
    kind: "missed",
    status: "open",
    landmarkId: "paris-gare-du-nord",
    deadline: "2026-05-01T10:00:00.000Z",
    lastArrival: { landmarkId: "paris-gare-du-nord", at: "2026-04-30T08:00:00.000Z" },
    language: "ar",
    channel: "telegram",
    createdAt: "2026-05-01T10:05:00.000Z",
  });
  await new NgoProcessor(workerDeps(h, { ngo: NGO() })).process(job);
  assert.equal(deliveries.length, 1, "delivered once");
});

test("webhook: an error answer is thrown for a retry, and the retry delivers", async () => {
  const alertId = await openAlert();
  deliveries.length = 0;
  const job = { alertId, event: "opened", target: "webhook" } as const;
  const ngo = new NgoProcessor(workerDeps(h, { ngo: NGO() }));
  status = 503;
  await assert.rejects(ngo.process(job), /503/);
  assert.equal(await h.app.workerDeps.sent.was(jobIds.ngo(job)), false);
  assert.ok(!(await h.app.workerDeps.ngoAlerts.timeline(alertId)).some((e) => e.event.startsWith("delivered:")));
  status = 200;
  await ngo.process(job);
  assert.equal(deliveries.length, 2);
  assert.equal(await h.app.workerDeps.sent.was(jobIds.ngo(job)), true);
});

test("nothing is delivered without an NGO, a target configured, or the alert", async () => {
  const alertId = await openAlert();
  deliveries.length = 0;
  assert.deepEqual(await h.during(() => new NgoProcessor(workerDeps(h, { ngo: undefined })).process({ alertId, event: "opened", target: "chat" })), []);
  assert.deepEqual(await h.during(() => new NgoProcessor(workerDeps(h, { ngo: { name: "No duty chat" } })).process({ alertId, event: "opened", target: "chat" })), []);
  await new NgoProcessor(workerDeps(h, { ngo: { name: "No webhook" } })).process({ alertId, event: "opened", target: "webhook" });
  await new NgoProcessor(workerDeps(h, { ngo: NGO() })).process({ alertId: randomUUID(), event: "opened", target: "webhook" });
  assert.equal(deliveries.length, 0);
});

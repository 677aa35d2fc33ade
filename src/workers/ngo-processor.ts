import { createHmac } from "node:crypto";
import { landmarkName } from "../domain/landmark.ts";
import { formatLocalTime } from "../i18n/format.ts";
import { jobIds, type NgoJob } from "../ports/jobs.ts";
import type { WorkerDeps } from "./deps.ts";

const WEBHOOK_TIMEOUT_MS = 10_000;
/** The duty chat reads English unless the deployment translates it; staff languages come with the dashboard. */
const DUTY_LOCALE = "en";

/** Signs `${timestamp}.${body}`: a receiver that checks the timestamp's age also rejects replays. */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
}

/** Delivers NGO alert events to the duty chat and the signed webhook, each with its own retries. */
export class NgoProcessor {
  constructor(private readonly deps: WorkerDeps) {}

  async process(job: NgoJob): Promise<void> {
    const { deps } = this;
    const ngo = deps.ngo;
    const id = jobIds.ngo(job);
    if (!ngo || (await deps.sent.was(id))) return;
    const alert = await deps.ngoAlerts.get(job.alertId);
    if (!alert) return;
    if (job.target === "chat") {
      if (!ngo.dutyChat) return;
      const landmark = (await deps.landmarks.get(alert.landmarkId))?.landmark;
      const zone = landmark?.timeZone ?? "UTC";
      const vars = {
        id: alert.id.slice(0, 8),
        landmark: landmark ? landmarkName(landmark, DUTY_LOCALE) : alert.landmarkId,
        deadline: formatLocalTime(alert.deadline, DUTY_LOCALE, zone),
        time: formatLocalTime(deps.now(), DUTY_LOCALE, zone),
        zone,
        language: alert.language,
        channel: alert.channel,
      };
      const key = job.event === "resolved" ? "ngo-alert-resolved" : alert.kind === "duress" ? "ngo-alert-duress" : "ngo-alert-missed";
      // Ahead of family confirmations and other traffic when the channel's pacing is the bottleneck.
      await deps.messenger.send(ngo.dutyChat, { text: deps.i18n.t(DUTY_LOCALE, key, vars), priority: "high" });
    } else {
      if (!ngo.webhook) return;
      const body = JSON.stringify({
        id: alert.id,
        event: job.event,
        kind: alert.kind,
        status: alert.status,
        landmarkId: alert.landmarkId,
        deadline: alert.deadline.toISOString(),
        lastArrival: alert.lastArrival ? { landmarkId: alert.lastArrival.landmarkId, at: alert.lastArrival.at.toISOString() } : null,
        language: alert.language,
        channel: alert.channel,
        createdAt: alert.createdAt.toISOString(),
      });
      const timestamp = Math.floor(Date.now() / 1000);
      const res = await fetch(ngo.webhook.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-safearrival-timestamp": String(timestamp),
          "x-safearrival-signature": signWebhook(ngo.webhook.secret, timestamp, body),
          "x-safearrival-delivery": id,
        },
        body,
        signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`webhook answered ${res.status}`);
    }
    await deps.ngoAlerts.addEvent(alert.id, { at: deps.now(), event: `delivered:${job.event}:${job.target}` });
    await deps.sent.mark(id);
  }
}

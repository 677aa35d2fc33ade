import { UnrecoverableError } from "bullmq";
import { DEFAULT_LOCALE } from "../domain/locale.ts";
import { landmarkName, type Landmark } from "../domain/landmark.ts";
import type { Person, Trip } from "../domain/person.ts";
import { UnreachableError, type Outbound } from "../ports/messaging.ts";
import { formatLocalTime } from "../i18n/format.ts";
import { jobIds, type AlertJob } from "../ports/jobs.ts";
import { ngoAlertId } from "../store/ngo-alert-repository.ts";
import { SendInProgressError } from "../store/sent-markers.ts";
import { DEFAULT_ORG_ID } from "../store/org-repository.ts";
import type { WorkerDeps } from "./deps.ts";
import { tellUnreachable } from "./notify-processor.ts";

/** Records a caller already holds for an alert, read just before. */
export interface KnownRecords {
  traveller: Person;
  trip: Trip;
  landmark: Landmark;
}

/** Thrown while the alert a correction follows may still be on its way; BullMQ retries later. */
class CorrectionTooEarly extends Error {
  override name = "CorrectionTooEarly";
}

/**
 * Sends one escalation message to one recipient, at most once (a sent marker per job id), and only
 * while it is still true: a "missed" alert is claimed against the trip atomically, so an arrival in
 * the same second either prevents it or is followed by a correction.
 */
export class AlertProcessor {
  constructor(private readonly deps: WorkerDeps) {}

  /** `known`: records the caller already read (the deadline processor's), so they are not read again. */
  async process(job: AlertJob, known?: KnownRecords): Promise<void> {
    const id = jobIds.alert(job);
    const claim = await this.deps.sent.claim(id);
    if (claim === "sent") return;
    if (claim === "busy") throw new SendInProgressError("another attempt is sending this alert");
    try {
      await this.send(job, id, known);
    } catch (err) {
      await this.deps.sent.release(id);
      throw err;
    }
  }

  private async send(job: AlertJob, id: string, known?: KnownRecords): Promise<void> {
    const { deps } = this;
    const traveller = known?.traveller ?? (await deps.persons.get(job.travellerId));
    if (!traveller) return; // forgotten meanwhile
    const trip = known ? known.trip : await deps.trips.get(traveller.id);
    const current = trip?.id === job.tripId ? trip : undefined;
    const landmarkId = current?.landmarkId ?? job.landmarkId;
    const landmark = known?.landmark ?? (landmarkId ? (await deps.landmarks.get(landmarkId))?.landmark : undefined);
    if (!landmark) return;

    switch (job.kind) {
      case "reminder": {
        if (current?.status !== "active") return;
        const locale = traveller.locale ?? DEFAULT_LOCALE;
        const t = (key: string, vars?: Record<string, string>) => deps.i18n.t(locale, key, vars);
        await this.deliver(traveller, {
          text: t("reminder-deadline", {
            landmark: landmarkName(landmark, locale),
            deadline: formatLocalTime(current.deadline, locale, landmark.timeZone),
            zone: landmark.timeZone,
          }),
          buttons: [[{ label: t("reminder-safe"), data: "rem:s" }, { label: t("reminder-more-time"), data: "rem:t" }]],
        });
        break;
      }
      case "missed": {
        if (!current || !(await deps.trips.claimAlert(traveller.id, current.id, job.recipient))) return;
        if (job.recipient === "ngo") await this.openNgoAlert(traveller, current, "missed");
        else {
          const caseId = ngoAlertId(current.id, "missed");
          try {
            await this.toContact(job.recipient, traveller, (locale) => this.missedText(locale, traveller, current, landmark));
          } catch (err) {
            if (err instanceof UnrecoverableError) await deps.ngoAlerts.addEventIfOpen(caseId, { at: deps.now(), event: "failed:family-unreachable" });
            throw err;
          }
          await deps.ngoAlerts.addEventIfOpen(caseId, { at: deps.now(), event: "notified:family" });
        }
        await deps.trips.markAlertSent(traveller.id, job.recipient);
        break;
      }
      case "false_alarm":
      case "reported_safe": {
        const state = await deps.trips.alertState(traveller.id, job.recipient);
        if (state === "claimed") throw new CorrectionTooEarly("the alert this corrects is still on its way");
        if (state !== "sent" || !current) return;
        if (job.recipient === "ngo") {
          const alertId = ngoAlertId(current.id, "missed");
          await deps.ngoAlerts.setStatus(alertId, "resolved", { at: deps.now(), event: job.kind === "false_alarm" ? "arrived" : "reported_safe" });
          await deps.queues.ngo([{ alertId, event: "resolved", target: "chat" }, { alertId, event: "resolved", target: "webhook" }]);
          break;
        }
        await this.toContact(job.recipient, traveller, (locale) =>
          job.kind === "false_alarm"
            ? deps.i18n.t(locale, "family-false-alarm", {
                traveller: traveller.displayName,
                landmark: landmarkName(landmark, locale),
                time: formatLocalTime(current.arrivedAt ?? deps.now(), locale, landmark.timeZone),
                zone: landmark.timeZone,
              })
            : deps.i18n.t(locale, "family-reported-safe", { traveller: traveller.displayName }),
        );
        break;
      }
      case "duress":
      case "duress_cancel": {
        if (job.recipient === "ngo") {
          if (deps.ngo) await this.openNgoAlert(traveller, trip ?? undefined, "duress", landmark.id, job.tripId);
          break;
        }
        await this.toContact(job.recipient, traveller, (locale) =>
          deps.i18n.t(locale, deps.ngo ? "family-duress" : "family-duress-no-ngo", {
            traveller: traveller.displayName,
            landmark: landmarkName(landmark, locale),
            ngo: deps.ngo?.name ?? "",
          }),
        );
        break;
      }
    }
    await deps.sent.mark(id);
    deps.log.info({ jobId: id, kind: job.kind }, "alert sent");
  }

  private missedText(locale: string, traveller: Person, trip: Trip, landmark: { id: string; names: Record<string, string>; timeZone: string }): string {
    const { deps } = this;
    const lines = [
      deps.i18n.t(locale, "family-alert-missed", {
        traveller: traveller.displayName,
        landmark: landmarkName(landmark, locale),
        deadline: formatLocalTime(trip.deadline, locale, landmark.timeZone),
        zone: landmark.timeZone,
      }),
    ];
    const last = traveller.lastArrival;
    if (last) {
      const lastLandmark = last.landmarkId === landmark.id ? landmark : undefined;
      lines.push(
        deps.i18n.t(locale, "family-alert-last-checkin", {
          landmark: lastLandmark ? landmarkName(lastLandmark, locale) : last.landmarkId,
          time: formatLocalTime(last.at, locale, landmark.timeZone),
          zone: landmark.timeZone,
        }),
      );
    }
    return lines.join("\n");
  }

  private async toContact(contactId: string, traveller: Person, render: (locale: string) => string): Promise<void> {
    const { deps } = this;
    if (!(await deps.contacts.isLinked(traveller.id, contactId))) return;
    const contact = await deps.persons.get(contactId);
    if (!contact) return;
    try {
      await this.deliver(contact, { text: render(contact.locale ?? DEFAULT_LOCALE) });
    } catch (err) {
      if (err instanceof UnrecoverableError) await tellUnreachable(deps, traveller, contact);
      throw err;
    }
  }

  private async deliver(to: Person, message: Outbound): Promise<void> {
    try {
      await this.deps.messenger.send(to.address, message);
    } catch (err) {
      if (err instanceof UnreachableError) throw new UnrecoverableError(err.message);
      throw err;
    }
  }

  /** Opens the NGO alert (once per trip and kind) when the traveller consented, and queues its deliveries. */
  private async openNgoAlert(traveller: Person, trip: Trip | undefined, kind: "missed" | "duress", landmarkId?: string, tripId?: string): Promise<void> {
    const { deps } = this;
    if (!deps.ngo) return;
    // A duress alert goes out whatever the NGO consent: the traveller set a duress word knowing its purpose.
    if (kind === "missed" && !traveller.ngoConsent) return;
    const id = ngoAlertId(tripId ?? trip!.id, kind);
    await deps.ngoAlerts.open({
      id,
      kind,
      // Travellers consent to the NGO configured by NGO_NAME: the dashboard's bootstrap organisation.
      orgId: DEFAULT_ORG_ID,
      landmarkId: landmarkId ?? trip!.landmarkId,
      deadline: trip?.deadline ?? deps.now(),
      lastArrival: traveller.lastArrival,
      language: traveller.locale ?? DEFAULT_LOCALE,
      channel: traveller.address.channel,
      createdAt: deps.now(),
    });
    await deps.queues.ngo([{ alertId: id, event: "opened", target: "chat" }, { alertId: id, event: "opened", target: "webhook" }]);
  }
}

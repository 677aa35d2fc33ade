import { UnrecoverableError } from "bullmq";
import { landmarkName } from "../domain/landmark.ts";
import { familyVerdictText } from "../texts/verdict-text.ts";
import { UnreachableError } from "../ports/messaging.ts";
import { directionOf } from "../i18n/direction.ts";
import { formatLocalTime } from "../i18n/format.ts";
import { jobIds, type NotifyJob } from "../ports/jobs.ts";
import { SendInProgressError } from "../ports/stores.ts";
import type { WorkerDeps } from "./deps.ts";
import { localeOf, type Person } from "../domain/person.ts";

/** Marks the contact unreachable and, the first time, tells the traveller whom their news did not reach. */
export async function tellUnreachable(deps: WorkerDeps, traveller: Person, contact: Person): Promise<void> {
  if (!(await deps.contacts.markUnreachable(contact.id))) return;
  deps.log.warn({ contactId: contact.id, channel: contact.address.channel }, "family contact unreachable");
  const text = deps.i18n.t(localeOf(traveller), "contact-blocked", { contact: contact.displayName });
  await deps.messenger.send(traveller.address, { text, direction: directionOf(traveller.locale) }).catch(() => undefined);
}

/** The verdicts a family hears about: an arrival, or a check-in that could not be confirmed and needs attention. */
const FAMILY_TOLD: ReadonlySet<string> = new Set(["verified", "partial", "needs_attention"]);

/** Sends one arrival confirmation to one family contact, in the contact's language, at most once. */
export class NotifyProcessor {
  constructor(private readonly deps: WorkerDeps) {}

  async process(job: NotifyJob): Promise<void> {
    const { deps } = this;
    const checkin = await deps.checkins.get(job.checkinId);
    if (!checkin?.verdict || !FAMILY_TOLD.has(checkin.status)) return;
    // The link may have ended (unlinked, forgotten) since the job was queued: then nothing goes out.
    if (!(await deps.contacts.isLinked(checkin.travellerId, job.contactId))) return;
    const [traveller, contact, stored] = await Promise.all([
      deps.persons.get(checkin.travellerId),
      deps.persons.get(job.contactId),
      deps.landmarks.get(checkin.landmarkId),
    ]);
    if (!traveller || !contact || !stored) return;
    const sendId = jobIds.notify(job);
    if (await deps.sent.was(sendId)) return;
    // Sending again to a chat that refused the last message only repeats the refusal; it clears when they write.
    if (await deps.contacts.isUnreachable(contact.id)) return;

    const locale = localeOf(contact);
    const zone = stored.landmark.timeZone;
    const names = async (id: string) => (await deps.landmarks.get(id))?.landmark.names;
    const otherId = checkin.verdict.reasons.find((r) => typeof r.vars?.landmark === "string")?.vars?.landmark;
    const otherNames = typeof otherId === "string" ? await names(otherId) : undefined;
    const { text, withPhoto } = familyVerdictText(
      deps.i18n,
      locale,
      checkin.verdict,
      {
        traveller: traveller.displayName,
        landmark: landmarkName(stored.landmark, locale),
        time: formatLocalTime(checkin.createdAt, locale, zone),
        zone,
      },
      () => otherNames,
      Boolean(checkin.upgradeOf) && !checkin.duress,
    );
    const photo = withPhoto && checkin.cleanMediaId ? await deps.media.get(checkin.cleanMediaId) : undefined;
    const lines = [text];
    if (withPhoto && !photo) lines.push(deps.i18n.t(locale, "family-photo-unavailable"));
    const signed = deps.confirmations?.sign({ landmarkId: checkin.landmarkId, createdAt: checkin.createdAt, verdict: checkin.verdict });
    if (signed) lines.push(signed.link ? deps.i18n.t(locale, "proof-family-link", { link: signed.link }) : deps.i18n.t(locale, "proof-family-code", { code: signed.code }));
    const claim = await deps.sent.claim(sendId);
    if (claim === "sent") return;
    if (claim === "busy") throw new SendInProgressError("another attempt is sending this confirmation");
    try {
      // Normal priority: behind NGO alerts, but never starved by the travellers' own chatter.
      await deps.messenger.send(contact.address, { text: lines.join("\n"), photo, direction: directionOf(contact.locale) });
    } catch (err) {
      await deps.sent.release(sendId);
      // A blocked bot or a vanished chat will not heal by retrying.
      if (!(err instanceof UnreachableError)) throw err;
      await tellUnreachable(deps, traveller, contact);
      throw new UnrecoverableError(err.message);
    }
    await deps.sent.mark(sendId);
    deps.log.info({ checkinId: checkin.id, contactId: contact.id, photo: Boolean(photo) }, "arrival confirmation sent");
  }
}

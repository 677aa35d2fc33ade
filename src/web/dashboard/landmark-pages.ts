/** Landmarks: list, create and edit, reference photos (fingerprinted, never kept), their quality, and a photo test. */
import path from "node:path";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { landmarkName, type CoverageIssue, type Landmark, type LandmarkCoverage, type ReferenceFingerprint } from "../../domain/landmark.ts";
import { CatalogError, parseLandmarkJson } from "../../landmarks/catalog-dir.ts";
import { reasonLines } from "../../texts/verdict-text.ts";
import { formatNumber } from "../../i18n/format.ts";
import type { StoredLandmark } from "../../store/landmark-repository.ts";
import { PhotoRejectedError, type PhotoLimits } from "../../verification/contracts.ts";
import { decodePhoto } from "../../verification/decode.ts";
import type { Signals } from "../../domain/verdict.ts";
import { DEFAULT_CALIBRATION } from "../../verification/visual/calibration.ts";
import { REPLAY_MAX_DISTANCE, hamming } from "../../verification/pdq.ts";
import { fingerprintReference } from "../../landmarks/import.ts";
import { qualityReports } from "../../landmarks/reference-features.ts";
import { landmarkCoverage } from "../../landmarks/coverage.ts";
import { html, type Html } from "./html.ts";
import { atLeast, type Viewer, type DashboardRouteOptions } from "./viewer.ts";
import { sameToken } from "./request-checks.ts";
import { csrfField, forbidden, layout, notFound, redirectBack, sendPage } from "./layout.ts";

/** As at catalog import (src/landmarks/import.ts): curators' photos may be large, but not absurd. */
const REFERENCE_LIMITS: PhotoLimits = { maxBytes: 50 * 1024 * 1024, maxPixels: 150_000_000, minSide: 200 };
/** Below this on the long side, visual matching has little to work with. */
const LOW_RESOLUTION_PX = 1000;
const NAME_LOCALES = ["en", "fr", "ar"] as const;
const LANDMARK_ID = /^[a-z0-9][a-z0-9-]{1,62}$/;

export interface ReferenceQuality {
  file: string;
  issues: string[];
  duplicateOf?: string;
}

/** What the matcher saw, for curators judging their references (the reasons above say only the outcome). */
function visualLine(v: Viewer, signals: Signals): string {
  const visual = signals.visual;
  if (signals.replay.status === "reference" && signals.replay.of) return v.t("test-visual-copy", { reference: signals.replay.of });
  switch (visual.status) {
    case "match":
      return v.t("test-visual-match", { reference: visual.reference ?? "?", inliers: visual.inliers ?? 0, second: visual.detector === "akaze" ? v.t("test-visual-second") : visual.detector === "xfeat" ? v.t("test-visual-third") : "" });
    case "no_match":
      return v.t("test-visual-no-match", { reference: visual.reference ?? "-", inliers: visual.inliers ?? 0, needed: DEFAULT_CALIBRATION.matchInliers });
    case "other_landmark":
      return v.t("test-visual-other", { landmark: visual.landmarkId });
    case "not_evaluated":
      return v.t("test-visual-not-evaluated");
  }
}

/**
 * Re-judges every reference's quality report (the matcher's: features, sharpness, size, near-duplicates)
 * after the set changed; references imported before reports existed keep none.
 */
function requality(refs: ReferenceFingerprint[]): ReferenceFingerprint[] {
  if (!refs.every((r) => r.quality)) return refs;
  const data = refs.map((r) => ({ featureCount: r.quality!.featureCount, sharpness: r.quality!.sharpness }));
  const reports = qualityReports(refs, data);
  return refs.map((r, i) => ({ ...r, quality: reports[i]! }));
}

/**
 * The quality of each reference, as far as the service can tell without the matcher's own report:
 * its resolution, and whether it is a near-duplicate (PDQ) of another reference, which adds nothing.
 */
export function referenceQuality(refs: readonly ReferenceFingerprint[]): ReferenceQuality[] {
  return refs.map((ref, i) => {
    if (ref.quality) return { file: ref.file, issues: ref.quality.issues, duplicateOf: ref.quality.duplicateOf?.file };
    const q: ReferenceQuality = { file: ref.file, issues: [] };
    if (Math.max(ref.width, ref.height) < LOW_RESOLUTION_PX) q.issues.push("low_resolution");
    const twin = refs.find((other, j) => j < i && hamming(other.phash, ref.phash) <= REPLAY_MAX_DISTANCE);
    if (twin) {
      q.issues.push("near_duplicate");
      q.duplicateOf = twin.file;
    }
    return q;
  });
}

function coverageIssueText(v: Viewer, issue: CoverageIssue): string {
  switch (issue.code) {
    case "no_references":
    case "no_night_view":
      return v.t(`coverage-${issue.code}`);
    case "few_references":
      return v.t("coverage-few_references", { count: issue.count, needed: issue.min });
    case "lone_viewpoint":
      return v.t("coverage-lone_viewpoint", { file: issue.file });
  }
}

/** The coverage report stored with the landmark (computed at import or reference edits, never here). */
function coverageCard(v: Viewer, coverage: LandmarkCoverage | undefined): Html {
  const { t } = v;
  const body = !coverage
    ? html`<p class="muted">${t("coverage-unknown")}</p>`
    : coverage.issues.length === 0
      ? html`<p><span class="badge resolved">${t("coverage-ok")}</span></p>`
      : html`<ul>${coverage.issues.map((issue) => html`<li>${coverageIssueText(v, issue)}</li>`)}</ul>`;
  return html`<div class="card" id="coverage"><h2>${t("coverage-title")}</h2><p class="muted small">${t("coverage-intro")}</p>${body}</div>`;
}

interface Upload {
  fields: Record<string, string>;
  file?: { bytes: Buffer; filename: string; tooLarge: boolean };
}

async function readMultipart(req: FastifyRequest): Promise<Upload> {
  const out: Upload = { fields: {} };
  try {
    await readParts(req, out);
  } catch (err) {
    // @fastify/multipart rethrows the file's size-limit error from the parts iterator once the file is cut.
    if ((err as { code?: string }).code !== "FST_REQ_FILE_TOO_LARGE") throw err;
    out.file = { bytes: Buffer.alloc(0), filename: out.file?.filename ?? "", tooLarge: true };
  }
  return out;
}

/** Why an upload has no usable file, in the staff member's words. */
function uploadProblem(v: Viewer, upload: Upload, maxMb: number): string {
  return upload.file?.tooLarge ? v.t("upload-too-large", { mb: maxMb }) : v.t("upload-missing");
}

/** A refused photo in words (not the code): "too_many_pixels" means nothing to a caseworker. */
function rejection(v: Viewer, code: PhotoRejectedError["code"], maxMb: number): string {
  return v.t(`upload-rejected-${code}`, { mb: maxMb });
}

async function readParts(req: FastifyRequest, out: Upload): Promise<void> {
  for await (const part of req.parts()) {
    if (part.type === "file") {
      try {
        const bytes = await part.toBuffer();
        out.file ??= { bytes, filename: part.filename, tooLarge: false };
      } catch {
        out.file ??= { bytes: Buffer.alloc(0), filename: part.filename, tooLarge: true };
      }
    } else if (typeof part.value === "string") {
      out.fields[part.fieldname] = part.value;
    }
  }
}

function referenceName(original: string, existing: readonly ReferenceFingerprint[]): string {
  const base = path.basename(original || "photo.jpg").replace(/[^A-Za-z0-9._-]/g, "-").replace(/^[.-]+/, "").slice(0, 60) || "photo.jpg";
  const taken = new Set(existing.map((r) => r.file));
  if (!taken.has(base)) return base;
  const ext = path.extname(base);
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, base.length - ext.length)}-${i}${ext}`;
    if (!taken.has(name)) return name;
  }
}

function landmarkForm(v: Viewer, action: string, values: Record<string, string>, isNew: boolean): Html {
  const { t } = v;
  const input = (name: string, label: string, attrs: Html = html``) =>
    html`<label>${label}<input type="text" name="${name}" value="${values[name] ?? ""}" ${attrs}></label>`;
  return html`<form class="stack" method="post" action="${action}">${csrfField(v)}
${isNew ? input("id", t("landmark-id"), html`required pattern="[a-z0-9][a-z0-9\\-]{1,62}" dir="ltr"`) : ""}
${NAME_LOCALES.map((l) => input(`name_${l}`, t("landmark-name", { language: l }), l === "en" ? html`required` : html``))}
<div class="grid2">
${input("lat", t("landmark-lat"), html`inputmode="decimal" required dir="ltr"`)}
${input("lon", t("landmark-lon"), html`inputmode="decimal" required dir="ltr"`)}
${input("radiusM", t("landmark-radius"), html`inputmode="numeric" required dir="ltr"`)}
${input("timeZone", t("landmark-zone"), html`dir="ltr"`)}
</div>
<button class="primary" type="submit">${t(isNew ? "landmark-create" : "landmark-save")}</button>
</form>`;
}

function valuesOf(l: Landmark): Record<string, string> {
  const out: Record<string, string> = { id: l.id, lat: String(l.lat), lon: String(l.lon), radiusM: String(l.radiusM), timeZone: l.timeZone };
  for (const loc of NAME_LOCALES) out[`name_${loc}`] = l.names[loc] ?? "";
  return out;
}

/** Validates the form as the catalog validates landmark.json; returns the landmark or a readable problem. */
function parseForm(body: Record<string, unknown>, id: string, keepNames: Record<string, string>): Landmark | string {
  const text = (k: string) => (typeof body[k] === "string" ? (body[k] as string).trim() : "");
  const num = (k: string) => (text(k) === "" || Number.isNaN(Number(text(k))) ? text(k) || undefined : Number(text(k)));
  const names: Record<string, string> = { ...keepNames };
  for (const l of NAME_LOCALES) {
    if (text(`name_${l}`)) names[l] = text(`name_${l}`);
    else delete names[l];
  }
  const json = { id, names, lat: num("lat"), lon: num("lon"), radiusM: num("radiusM"), ...(text("timeZone") ? { timeZone: text("timeZone") } : {}) };
  try {
    return parseLandmarkJson(JSON.stringify(json), "dashboard");
  } catch (err) {
    if (err instanceof CatalogError) return `${err.field}: ${err.problem}`;
    throw err;
  }
}

export const landmarkRoutes: FastifyPluginAsync<DashboardRouteOptions> = async (fastify, { svc, viewer }) => {
  const { deps } = svc;
  const repo = deps.landmarks;
  // Uploads are cut at MAX_PHOTO_BYTES by the multipart limit (src/web/server.ts).
  const maxMb = Math.round(deps.config.MAX_PHOTO_BYTES / (1024 * 1024));
  const audit = (v: Viewer, action: string, target: string) =>
    svc.audit.append({ at: deps.now(), staffId: v.staff.id, email: v.staff.email, orgId: v.staff.orgId, action, target });

  fastify.get("/landmarks", async (req, reply) => {
    const v = viewer(req);
    const list = await repo.list();
    const stored = await Promise.all(list.map((l) => repo.get(l.id)));
    const body = html`<h1>${v.t("landmarks-title")}</h1>
${atLeast(v.staff, "coordinator") ? html`<p><a class="button primary" href="/landmarks/new">${v.t("landmark-new")}</a></p>` : ""}
<div class="table-wrap"><table><thead><tr><th>${v.t("landmark-name-col")}</th><th>${v.t("landmark-id")}</th><th>${v.t("landmark-radius")}</th><th>${v.t("landmark-zone")}</th><th>${v.t("landmark-references")}</th></tr></thead>
<tbody>${list.map((l, i) => html`<tr><td><a href="/landmarks/${l.id}">${landmarkName(l, v.locale)}</a></td><td class="mono">${l.id}</td><td>${formatNumber(l.radiusM, v.locale)}</td><td>${l.timeZone}</td><td>${formatNumber(stored[i]?.references.length ?? 0, v.locale)}</td></tr>`)}</tbody></table></div>`;
    return sendPage(reply, layout(v, v.t("landmarks-title"), body));
  });

  fastify.get("/landmarks/new", async (req, reply) => {
    const v = viewer(req);
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    return sendPage(reply, layout(v, v.t("landmark-new"), html`<h1>${v.t("landmark-new")}</h1><div class="card">${landmarkForm(v, "/landmarks", { radiusM: "150" }, true)}</div>`));
  });

  fastify.post("/landmarks", async (req, reply) => {
    const v = viewer(req);
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    const body = (req.body ?? {}) as Record<string, string>;
    const id = String(body.id ?? "").trim();
    const fail = (text: string, status = 400) =>
      sendPage(reply, layout(v, v.t("landmark-new"), html`<h1>${v.t("landmark-new")}</h1><div class="card">${landmarkForm(v, "/landmarks", body, true)}</div>`, { flash: { kind: "error", text } }), status);
    if (await repo.get(id)) return fail(v.t("landmark-exists", { id }), 409);
    const parsed = parseForm(body, id, {});
    if (typeof parsed === "string") return fail(parsed);
    await repo.put({ landmark: parsed, references: [], coverage: await landmarkCoverage({ references: [] }) });
    await audit(v, "landmark-create", parsed.id);
    return redirectBack(reply, `/landmarks/${parsed.id}`);
  });

  async function load(req: FastifyRequest, reply: FastifyReply): Promise<{ v: Viewer; stored?: StoredLandmark }> {
    const v = viewer(req);
    const { id } = z.object({ id: z.string().max(80) }).parse(req.params);
    const stored = LANDMARK_ID.test(id) ? await repo.get(id) : undefined;
    if (!stored) await notFound(reply, v);
    return { v, stored };
  }

  function detailPage(v: Viewer, stored: StoredLandmark, extra: { flash?: { kind: "ok" | "error"; text: string }; result?: Html; form?: Record<string, string> } = {}): Html {
    const { t } = v;
    const l = stored.landmark;
    const manage = atLeast(v.staff, "coordinator");
    const quality = referenceQuality(stored.references);
    const covered = new Map((stored.coverage?.references ?? []).map((c) => [c.file, c]));
    const refs = stored.references.map((r, i) => {
      const q = quality[i]!;
      const verdict = q.issues.length
        ? html`<span class="badge missed">${q.issues.map((issue) => t(`quality-${issue}`, { other: q.duplicateOf ?? "" })).join(" · ")}</span>`
        : html`<span class="badge resolved">${t("quality-ok")}</span>`;
      const c = covered.get(r.file);
      const coverage = c ? t(`coverage-ref-${c.light}`, { count: c.confirmedBy.length }) : "";
      return html`<tr><td class="mono">${r.file}</td><td>${formatNumber(r.width, v.locale)} × ${formatNumber(r.height, v.locale)}</td><td>${verdict}</td><td>${coverage}</td>
<td>${manage ? html`<form method="post" action="/landmarks/${l.id}/references/delete">${csrfField(v)}<input type="hidden" name="file" value="${r.file}"><button class="danger" type="submit">${t("reference-remove")}</button></form>` : ""}</td></tr>`;
    });
    return layout(
      v,
      landmarkName(l, v.locale),
      html`<p><a href="/landmarks">← ${t("landmarks-title")}</a></p>
<h1>${landmarkName(l, v.locale)} <small class="muted mono">${l.id}</small></h1>
${extra.result ?? ""}
<h2>${t("landmark-references")}</h2>
<p class="muted small">${t("references-intro")}</p>
${stored.references.length
  ? html`<div class="table-wrap"><table><thead><tr><th>${t("reference-file")}</th><th>${t("reference-size")}</th><th>${t("reference-quality")}</th><th>${t("coverage-column")}</th><th></th></tr></thead><tbody>${refs}</tbody></table></div>`
  : html`<p class="card muted">${t("references-none")}</p>`}
${coverageCard(v, stored.coverage)}
${manage ? html`<div class="card"><h2>${t("reference-upload")}</h2>
<form class="stack" method="post" action="/landmarks/${l.id}/references" enctype="multipart/form-data">${csrfField(v)}
<label>${t("reference-photo")}<input type="file" name="photo" accept="image/jpeg,image/png,image/webp" required></label>
<button class="primary" type="submit">${t("reference-upload")}</button></form></div>` : ""}
<div class="card"><h2>${t("test-title")}</h2>
<p class="muted small">${t("test-intro")}</p>
<form class="stack" method="post" action="/landmarks/${l.id}/test" enctype="multipart/form-data">${csrfField(v)}
<div class="grid2"><label>${t("landmark-lat")}<input type="text" name="lat" inputmode="decimal" dir="ltr"></label>
<label>${t("landmark-lon")}<input type="text" name="lon" inputmode="decimal" dir="ltr"></label></div>
<label>${t("test-photo")}<input type="file" name="photo" accept="image/*" required></label>
<button class="primary" type="submit">${t("test-submit")}</button></form></div>
${manage ? html`<div class="card"><h2>${t("landmark-edit")}</h2>${landmarkForm(v, `/landmarks/${l.id}`, extra.form ?? valuesOf(l), false)}</div>` : ""}`,
      extra.flash ? { flash: extra.flash } : {},
    );
  }

  fastify.get("/landmarks/:id", async (req, reply) => {
    const { v, stored } = await load(req, reply);
    if (!stored) return reply;
    return sendPage(reply, detailPage(v, stored));
  });

  fastify.post("/landmarks/:id", async (req, reply) => {
    const { v, stored } = await load(req, reply);
    if (!stored) return reply;
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    const body = (req.body ?? {}) as Record<string, string>;
    const parsed = parseForm(body, stored.landmark.id, stored.landmark.names);
    if (typeof parsed === "string") return sendPage(reply, detailPage(v, stored, { flash: { kind: "error", text: parsed }, form: body }), 400);
    const edited: StoredLandmark = { landmark: parsed, references: stored.references, ...(stored.coverage ? { coverage: stored.coverage } : {}) };
    await repo.put(edited);
    await audit(v, "landmark-edit", parsed.id);
    return sendPage(reply, detailPage(v, edited, { flash: { kind: "ok", text: v.t("landmark-saved") } }));
  });

  fastify.post("/landmarks/:id/references", async (req, reply) => {
    const { v, stored } = await load(req, reply);
    if (!stored) return reply;
    if (!req.isMultipart()) return sendPage(reply, detailPage(v, stored, { flash: { kind: "error", text: v.t("upload-missing") } }), 400);
    const upload = await readMultipart(req);
    if (!sameToken(v.session.csrf, upload.fields._csrf)) return forbidden(reply, v);
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    if (!upload.file || upload.file.bytes.length === 0) {
      return sendPage(reply, detailPage(v, stored, { flash: { kind: "error", text: uploadProblem(v, upload, maxMb) } }), 400);
    }
    let reference: ReferenceFingerprint;
    try {
      const decoded = await decodePhoto(upload.file.bytes, REFERENCE_LIMITS);
      // What catalog import computes (src/landmarks/import.ts): hash, matcher features, replay thumbnail, quality.
      const { fingerprint, data } = await fingerprintReference(referenceName(upload.file.filename, stored.references), decoded);
      reference = { ...fingerprint, quality: { issues: [], featureCount: data.featureCount, sharpness: data.sharpness } };
    } catch (err) {
      if (err instanceof PhotoRejectedError) return sendPage(reply, detailPage(v, stored, { flash: { kind: "error", text: rejection(v, err.code, maxMb) } }), 400);
      throw err;
    }
    // Re-read: another coordinator may have added a reference meanwhile.
    const current = (await repo.get(stored.landmark.id)) ?? stored;
    const references = requality([...current.references, reference]);
    // Only the new reference's pairs are matched: the report before the upload judged the others.
    const next: StoredLandmark = { landmark: current.landmark, references, coverage: await landmarkCoverage({ references }, { previous: current.coverage }) };
    await repo.put(next);
    await audit(v, "reference-add", `${stored.landmark.id}/${reference.file}`);
    return sendPage(reply, detailPage(v, next, { flash: { kind: "ok", text: v.t("reference-added", { file: reference.file }) } }));
  });

  fastify.post("/landmarks/:id/references/delete", async (req, reply) => {
    const { v, stored } = await load(req, reply);
    if (!stored) return reply;
    if (!atLeast(v.staff, "coordinator")) return forbidden(reply, v);
    const { file } = z.object({ file: z.string().max(100) }).parse(req.body);
    const references = requality(stored.references.filter((r) => r.file !== file));
    // Every remaining pair was judged before (with a previous report): no matching, only the bookkeeping.
    const coverage = stored.coverage ? await landmarkCoverage({ references }, { previous: stored.coverage }) : undefined;
    const next: StoredLandmark = { landmark: stored.landmark, references, ...(coverage ? { coverage } : {}) };
    await repo.put(next);
    await audit(v, "reference-remove", `${stored.landmark.id}/${file}`);
    return redirectBack(reply, `/landmarks/${stored.landmark.id}`);
  });

  fastify.post("/landmarks/:id/test", async (req, reply) => {
    const { v, stored } = await load(req, reply);
    if (!stored) return reply;
    if (!req.isMultipart()) return sendPage(reply, detailPage(v, stored, { flash: { kind: "error", text: v.t("upload-missing") } }), 400);
    const upload = await readMultipart(req);
    if (!sameToken(v.session.csrf, upload.fields._csrf)) return forbidden(reply, v);
    if (!upload.file || upload.file.bytes.length === 0) {
      return sendPage(reply, detailPage(v, stored, { flash: { kind: "error", text: uploadProblem(v, upload, maxMb) } }), 400);
    }
    const now = deps.now();
    const lat = Number(upload.fields.lat);
    const lon = Number(upload.fields.lon);
    const hasLocation = upload.fields.lat?.trim() && upload.fields.lon?.trim() && Number.isFinite(lat) && Number.isFinite(lon) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180;
    let result: Html;
    try {
      const outcome = await deps.verifier.verify({
        photo: { bytes: upload.file.bytes, asFile: true, forwarded: false, receivedAt: now },
        location: hasLocation ? { lat, lon, live: false, forwarded: false, venue: false, receivedAt: now } : undefined,
        landmark: stored.landmark,
        references: stored.references,
      });
      const names = new Map<string, Record<string, string>>([[stored.landmark.id, stored.landmark.names]]);
      const lines = reasonLines(deps.i18n, v.locale, outcome.verdict, (id) => names.get(id));
      result = html`<div class="card" id="test-result"><h2>${v.t("test-result")}</h2>
<p class="verdict ${outcome.verdict.status}">${v.t(`verdict-${outcome.verdict.status}`)}</p>
<ul class="reasons">${lines.map((line) => html`<li>${line}</li>`)}</ul>
<p class="visual">${visualLine(v, outcome.signals)}</p></div>`;
    } catch (err) {
      if (!(err instanceof PhotoRejectedError)) throw err;
      result = html`<div class="card" id="test-result"><h2>${v.t("test-result")}</h2><p class="verdict not_verified">${rejection(v, err.code, maxMb)}</p></div>`;
    }
    await audit(v, "landmark-test", stored.landmark.id);
    return sendPage(reply, detailPage(v, stored, { result }));
  });
};

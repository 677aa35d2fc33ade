/** Request bodies as the Bot API accepts them: query string, JSON, urlencoded or multipart forms. */
import { badRequest } from "./errors.ts";
import type { UploadedFile } from "../fake-bot-api.ts";


/**
 * Minimal multipart/form-data parser. Node's Request#formData() rejects
 * grammY's multipart bodies because grammY writes `filename=` unquoted, so
 * this accepts quoted and unquoted parameters and header names without spaces.
 */
export function parseMultipart(body: Buffer, contentType: string): { fields: Map<string, string>; files: Map<string, UploadedFile> } {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const boundary = m?.[1] ?? m?.[2];
  if (!boundary) throw badRequest("multipart boundary is missing");
  const delim = Buffer.from(`--${boundary.trim()}`);
  const fields = new Map<string, string>();
  const files = new Map<string, UploadedFile>();

  let pos = body.indexOf(delim);
  if (pos < 0) throw badRequest("multipart body has no boundary");
  for (;;) {
    pos += delim.length;
    // "--" right after a delimiter closes the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2;
    const headerEnd = body.indexOf("\r\n\r\n", pos);
    if (headerEnd < 0) throw badRequest("malformed multipart part");
    const headerText = body.subarray(pos, headerEnd).toString("utf8");
    const contentStart = headerEnd + 4;
    const next = body.indexOf(Buffer.concat([Buffer.from("\r\n"), delim]), contentStart);
    if (next < 0) throw badRequest("unterminated multipart part");
    const content = body.subarray(contentStart, next);

    let name: string | undefined;
    let filename: string | undefined;
    let partType: string | undefined;
    for (const line of headerText.split("\r\n")) {
      const colon = line.indexOf(":");
      if (colon < 0) continue;
      const key = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (key === "content-disposition") {
        name = dispositionParam(value, "name");
        filename = dispositionParam(value, "filename");
      } else if (key === "content-type") {
        partType = value;
      }
    }
    if (name !== undefined) {
      if (filename !== undefined) {
        files.set(name, { filename, bytes: Buffer.from(content), ...(partType ? { contentType: partType } : {}) });
      } else {
        fields.set(name, content.toString("utf8"));
      }
    }
    pos = next + 2;
  }
  return { fields, files };
}

function dispositionParam(header: string, param: string): string | undefined {
  const re = new RegExp(`(?:^|;)\\s*${param}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, "i");
  const m = re.exec(header);
  if (!m) return undefined;
  return m[1] !== undefined ? m[1].replace(/\\(.)/g, "$1") : m[2]?.trim();
}

/** Parameters whose string form is always a number when sent as form fields. */
const NUMERIC_PARAMS = new Set([
  "chat_id", "from_chat_id", "message_id", "message_thread_id", "reply_to_message_id", "offset", "limit",
  "timeout", "latitude", "longitude", "horizontal_accuracy", "live_period", "heading", "proximity_alert_radius",
  "cache_time", "max_connections", "user_id", "duration", "width", "height",
]);

/**
 * Telegram accepts every parameter as a string in form bodies and interprets
 * it by the parameter's type; do the same so recorded params look alike
 * whichever encoding grammY chose.
 */
export function coerceFormValue(key: string, value: string): unknown {
  if (value.startsWith("attach://")) return value;
  if (NUMERIC_PARAMS.has(key) && /^-?\d+(\.\d+)?$/.test(value)) return Number(value);
  if (value === "true") return true;
  if (value === "false") return false;
  if ((value.startsWith("{") && value.endsWith("}")) || (value.startsWith("[") && value.endsWith("]"))) {
    try {
      return JSON.parse(value);
    } catch {
      return value;
    }
  }
  return value;
}

export function resolveAttachments(value: unknown, files: Map<string, UploadedFile>, used: Set<string>): unknown {
  if (typeof value === "string" && value.startsWith("attach://")) {
    const id = value.slice("attach://".length);
    const file = files.get(id);
    if (!file) return value;
    used.add(id);
    return file;
  }
  if (Array.isArray(value)) return value.map((v) => resolveAttachments(v, files, used));
  if (value !== null && typeof value === "object" && !Buffer.isBuffer(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveAttachments(v, files, used);
    return out;
  }
  return value;
}

export function isUploadedFile(v: unknown): v is UploadedFile {
  return v !== null && typeof v === "object" && "bytes" in v && Buffer.isBuffer((v as UploadedFile).bytes);
}


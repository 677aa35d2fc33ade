/**
 * Files as the Bot API server keeps them:
 * - file_id / file_unique_id / file_size / file_path per file; getFile answers those four, and 400 "Bad Request:
 *   file is too big" over 20 MB (Client.h MAX_DOWNLOAD_FILE_SIZE), 400 "Bad Request: wrong file_id or the file
 *   is temporarily unavailable" for an unknown id (docs #getfile, #file).
 * - Downloads at /file/bot<token>/<file_path> (docs #getfile); 404 for an unknown path or token.
 * - A photo comes as several PhotoSize entries, smaller first, largest last (docs #photosize, #message.photo);
 *   here only the last is the real file, the smaller ones reuse its bytes under ids of their own.
 * - A photo or document parameter is an uploaded file, a known file_id, or an HTTP URL (docs "Sending files");
 *   anything else is 400 "Bad Request: wrong file identifier/HTTP URL specified".
 * - `--local` mode (README "local mode"; Client::json_store_file): files on disk under
 *   `<dir>/<token, ':' as '~'>/...`, getFile gives that absolute path, no 20 MB limit, no /file/ route.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import type http from "node:http";
import path from "node:path";
import { isUploadedFile } from "./body-parsing.ts";
import { badRequest } from "./errors.ts";
import { sniffImageSize } from "./images.ts";
import type { FakeBotApiOptions, FakeFile, UploadedFile } from "./types.ts";

/** Telegram's download limit for bots on the public Bot API server. */
export const MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024;

export class FileStore {
  private readonly byId = new Map<string, FakeFile>();
  private readonly byPath = new Map<string, FakeFile>();
  private nextFileNo = 1;

  constructor(
    private readonly token: string,
    private readonly local: FakeBotApiOptions["local"],
  ) {}

  add(bytes: Buffer, opts: { size?: number; ext?: string; dir?: string } = {}): { file_id: string; file_unique_id: string; file_size: number } {
    const n = this.nextFileNo++;
    const file: FakeFile = {
      file_id: `AgACAgFake${String(n).padStart(6, "0")}`,
      file_unique_id: `AQADFake${n}`,
      file_size: opts.size ?? bytes.length,
      file_path: `${opts.dir ?? "photos"}/file_${n}.${opts.ext ?? "jpg"}`,
      bytes,
    };
    if (this.local) {
      const botDir = this.token.replace(/:/g, "~");
      mkdirSync(path.join(this.local.dir, botDir, path.dirname(file.file_path)), { recursive: true });
      writeFileSync(path.join(this.local.dir, botDir, file.file_path), bytes);
      file.file_path = path.posix.join(this.local.serverDir ?? this.local.dir, botDir, file.file_path);
    }
    this.byId.set(file.file_id, file);
    this.byPath.set(file.file_path, file);
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size };
  }

  get(fileId: string): FakeFile | undefined {
    return this.byId.get(fileId);
  }

  /** getFile's result. */
  getFile(p: Record<string, any>): Record<string, unknown> {
    const file = this.byId.get(String(p.file_id ?? ""));
    if (!file) throw badRequest("wrong file_id or the file is temporarily unavailable");
    if (file.file_size > MAX_DOWNLOAD_BYTES && !this.local) throw badRequest("file is too big");
    return { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, file_path: file.file_path };
  }

  /** GET/HEAD /file/bot<token>/<path>: the file's bytes, or Telegram's 404 body. */
  serveDownload(req: http.IncomingMessage, res: http.ServerResponse, filePath: string, tokenOk: boolean): void {
    req.resume();
    const file = this.byPath.get(filePath);
    if (!file || !tokenOk || this.local) {
      const text = JSON.stringify({ ok: false, error_code: 404, description: "Not Found" });
      res.writeHead(404, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
      res.end(text);
      return;
    }
    res.writeHead(200, { "content-type": "application/octet-stream", "content-length": file.bytes.length });
    res.end(req.method === "HEAD" ? undefined : file.bytes);
  }

  /** A photo/document parameter: an upload, a known file_id, or a URL (stored as an empty file). */
  param(value: unknown, name: string): { upload?: UploadedFile; file?: FakeFile } {
    if (isUploadedFile(value)) return { upload: value };
    if (typeof value === "string" && value !== "") {
      const known = this.byId.get(value);
      if (known) return { file: known };
      if (/^https?:\/\//.test(value)) return { file: this.byId.get(this.add(Buffer.alloc(0), { size: 0 }).file_id)! };
      throw badRequest("wrong file identifier/HTTP URL specified");
    }
    throw badRequest(`there is no ${name} in the request`);
  }

  photoSizes(bytes: Buffer, width?: number, height?: number): Record<string, any>[] {
    return this.photoSizesFor(this.byId.get(this.add(bytes).file_id)!, width, height);
  }

  /**
   * Telegram lists a photo at several sizes, largest last. Only the last entry
   * is the real file; the smaller ones reuse its bytes under their own ids.
   */
  photoSizesFor(file: FakeFile, width?: number, height?: number): Record<string, any>[] {
    const dims = width !== undefined && height !== undefined ? { width, height } : sniffImageSize(file.bytes) ?? { width: 1280, height: 960 };
    const sizes: Record<string, any>[] = [];
    for (const side of [90, 320, 800]) {
      const longest = Math.max(dims.width, dims.height);
      if (longest <= side) continue;
      const scale = side / longest;
      const thumb = this.add(file.bytes, { size: Math.max(1, Math.round(file.file_size * scale * scale)) });
      sizes.push({ ...thumb, width: Math.round(dims.width * scale), height: Math.round(dims.height * scale) });
    }
    sizes.push({ file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: file.file_size, width: dims.width, height: dims.height });
    return sizes;
  }
}

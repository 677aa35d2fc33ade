import { open } from "node:fs/promises";
import path from "node:path";
import { PhotoRejectedError } from "../../verification/contracts.ts";

/**
 * Files of a self-hosted Bot API server run with `--local` (tdlib/telegram-bot-api README, "local mode"):
 * getFile answers the file's absolute path on the server's disk, `<--dir>/<bot token, ':' as '~'>/photos/...`,
 * and the server has no download route: the bot reads the file from a shared disk or volume.
 */
export class LocalBotApiFiles {
  /**
   * `fileDir`: the server's working directory (--dir) as mounted in this process; paths are re-rooted there
   * from the bot's own directory on. Unset: paths are read exactly as the server gives them (same machine).
   */
  constructor(
    private readonly token: string,
    private readonly fileDir?: string,
  ) {}

  /** Where this process finds the file the server names; refuses anything outside the bot's directory. */
  resolve(serverPath: string): string {
    if (!path.isAbsolute(serverPath)) throw new Error("local Bot API server gave a relative file path");
    const parts = serverPath.split("/");
    // The server names the bot's directory after its token (':' written '~' unless --allow-colon-in-filenames,
    // and a ':T' suffix on the test DC): Client::start_up in telegram-bot-api/Client.cpp.
    const names = [this.token, `${this.token}:T`].flatMap((n) => [n, n.replace(/:/g, "~")]);
    const botDir = parts.findIndex((p) => names.includes(p));
    if (botDir < 0) throw new Error("local Bot API file path is outside the bot's directory");
    const root = this.fileDir ? path.resolve(this.fileDir, parts[botDir]!) : parts.slice(0, botDir + 1).join("/");
    const local = path.resolve(root, ...parts.slice(botDir + 1));
    if (!local.startsWith(root + path.sep)) throw new Error("local Bot API file path leaves the bot's directory");
    return local;
  }

  /** Reads the file, refusing to buffer more than maxBytes. */
  async read(serverPath: string, maxBytes: number): Promise<Buffer> {
    const file = await open(this.resolve(serverPath), "r");
    try {
      const { size } = await file.stat();
      if (size > maxBytes) throw new PhotoRejectedError("too_large");
      const bytes = Buffer.alloc(size);
      const { bytesRead } = await file.read(bytes, 0, size, 0);
      return bytes.subarray(0, bytesRead);
    } finally {
      await file.close();
    }
  }
}

/** `safe-arrival users ...`: dashboard accounts from the command line; the first admin is made here. */
import { parseArgs } from "node:util";
import { createInterface } from "node:readline";
import type { App } from "../app.ts";
import { DashboardKeys } from "../store/dashboard-keys.ts";
import { DEFAULT_ORG_ID, OrgRepository } from "../store/org-repository.ts";
import { SessionRepository } from "../store/session-repository.ts";
import { EMAIL, StaffExistsError, StaffRepository, isStaffRole, normaliseEmail, STAFF_ROLES } from "../store/staff-repository.ts";
import { AuditRepository } from "../store/audit-repository.ts";
import { ensureDefaultOrg, staffSecrets } from "../web/dashboard/context.ts";
import { PASSWORD_PROBLEM_TEXT, hashPassword, passwordProblem } from "../web/dashboard/password.ts";

export const USERS_HELP = `Usage:
  safe-arrival users add <email> --role caseworker|coordinator|admin [--org <id>] [--password <pw> | --password-stdin]
      creates a dashboard user; --password-stdin reads the password from the first line of standard input
      (for scripts: printf '%s\n' "$PW" | safe-arrival users add ...); with neither it asks on the
      terminal (never a default password)
  safe-arrival users list [--org <id>]
  safe-arrival users disable <email>     signs the user out everywhere and blocks signing in
  safe-arrival users enable <email>
  safe-arrival users org <id> <name>     creates or renames an organisation ("default" is the NGO_NAME one)
`;

export class UsageError extends Error {
  override name = "UsageError";
}

/** Reads a line from the terminal without echoing it. */
export function promptHidden(question: string): Promise<string> {
  const input = process.stdin;
  if (!input.isTTY) throw new UsageError("no --password given and no terminal to ask on");
  return new Promise((resolve) => {
    const rl = createInterface({ input, output: process.stderr, terminal: true });
    const out = rl as unknown as { _writeToOutput?: (s: string) => void; output: NodeJS.WritableStream };
    let asking = true;
    out._writeToOutput = (s: string) => {
      if (asking) process.stderr.write(s);
    };
    rl.question(question, (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
    asking = false;
  });
}

export interface UsersCliIo {
  out(text: string): void;
  ask(question: string): Promise<string>;
  /** All of standard input (for --password-stdin); process.stdin when not given. */
  stdin?(): Promise<string>;
}

/** Reads standard input to its end: a pipe or a redirected file, never a prompt. */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString("utf8");
}

export async function runUsersCommand(app: App, args: string[], io: UsersCliIo): Promise<void> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: { role: { type: "string" }, org: { type: "string" }, password: { type: "string" }, "password-stdin": { type: "boolean" } },
  });
  const [sub, ...rest] = positionals;
  const keys = new DashboardKeys(app.config.REDIS_PREFIX);
  const orgs = new OrgRepository(app.redis, keys);
  const staff = new StaffRepository(app.redis, keys, staffSecrets(app));
  const now = app.deps.now();
  await ensureDefaultOrg(orgs, app.config.NGO_NAME, now);

  if (sub === "add" && rest.length === 1) {
    const email = normaliseEmail(rest[0]!);
    if (!EMAIL.test(email)) throw new UsageError(`not an email address: ${rest[0]}`);
    if (!isStaffRole(values.role)) throw new UsageError(`--role must be one of ${STAFF_ROLES.join(", ")}`);
    const orgId = values.org ?? DEFAULT_ORG_ID;
    if (!(await orgs.get(orgId))) {
      const known = (await orgs.list()).map((o) => o.id).join(", ");
      throw new UsageError(`no organisation "${orgId}" (known: ${known}); create it with: safe-arrival users org ${orgId} "<name>"`);
    }
    let password = values.password;
    if (values["password-stdin"]) {
      if (password !== undefined) throw new UsageError("give either --password or --password-stdin, not both");
      // The first line; its line ending is not part of the password.
      password = (await (io.stdin ?? readStdin)()).split(/\r?\n/)[0] ?? "";
      if (password === "") throw new UsageError("--password-stdin: no password on standard input");
    } else if (password === undefined) {
      password = await io.ask(`Password for ${email}: `);
      const again = await io.ask("Same password again: ");
      if (again !== password) throw new UsageError("the two passwords differ");
    }
    const problem = passwordProblem(password, email);
    if (problem) throw new UsageError(`weak password: ${PASSWORD_PROBLEM_TEXT[problem]}`);
    try {
      const user = await staff.create({ email, orgId, role: values.role, passwordHash: await hashPassword(password) }, now);
      await new AuditRepository(app.redis, keys).append({ at: now, staffId: "cli", email: "cli", orgId, action: "add-staff", target: user.email });
      io.out(`added ${user.email} (${user.role}, organisation ${user.orgId})\n`);
    } catch (err) {
      if (err instanceof StaffExistsError) throw new UsageError(err.message);
      throw err;
    }
  } else if (sub === "list") {
    for (const s of await staff.list(values.org)) io.out(`${s.email}\t${s.role}\t${s.orgId}\t${s.disabled ? "disabled" : "active"}${s.totpSecret ? "\ttotp" : ""}\n`);
  } else if ((sub === "disable" || sub === "enable") && rest.length === 1) {
    const user = await staff.findByEmail(rest[0]!);
    if (!user) throw new UsageError(`no user ${rest[0]}`);
    await staff.setDisabled(user.id, sub === "disable");
    if (sub === "disable") await new SessionRepository(app.redis, keys, app.config.DASHBOARD_SESSION_IDLE, app.config.DASHBOARD_SESSION_MAX_AGE).revokeAll(user.id);
    io.out(`${sub}d ${user.email}\n`);
  } else if (sub === "org" && rest.length === 2) {
    const org = await orgs.put(rest[0]!, rest[1]!, now);
    io.out(`organisation ${org.id}: ${org.name}\n`);
  } else {
    throw new UsageError(USERS_HELP);
  }
}

/**
 * `npm run user:create -- --email a@b.gov.uk --name "A Person" --role editor --partner torfaen`
 * The password is typed at a hidden prompt, or read from standard input when
 * it is not a terminal; it is never taken from the command line.
 */
import { parseArgs } from "node:util";
import { createUser } from "../app/auth/users.server";
import { isMessageKey, translator } from "../app/i18n/translate";
import { closeDb } from "../app/platform/db.server";
import { ValidationError } from "../app/platform/errors";
import { migrateDatabase } from "../app/platform/migrate.server";
import { ROLES } from "../db/enums";

const USAGE = `Usage: npm run user:create -- --email EMAIL --name NAME --role ${ROLES.join("|")} --partner SLUG
The password is asked for at a prompt, or read from standard input.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

function promptHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding("utf8");
    let value = "";
    const onData = (key: string) => {
      for (const char of key) {
        if (char === "\r" || char === "\n") {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off("data", onData);
          process.stdout.write("\n");
          resolve(value);
          return;
        }
        if (char === "\u0003") process.exit(130);
        if (char === "\u007f") value = value.slice(0, -1);
        else value += char;
      }
    };
    stdin.on("data", onData);
  });
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) return readStdin();
  const first = await promptHidden("Password (at least 12 characters): ");
  const second = await promptHidden("Password again: ");
  if (first !== second) throw new Error("The passwords do not match.");
  return first;
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      name: { type: "string" },
      role: { type: "string" },
      partner: { type: "string" },
      help: { type: "boolean" },
    },
  });
  if (values.help || !values.email || !values.name || !values.role || !values.partner) {
    console.log(USAGE);
    process.exitCode = values.help ? 0 : 2;
    return;
  }
  migrateDatabase();
  const password = await readPassword();
  const user = await createUser({
    email: values.email,
    name: values.name,
    role: values.role as "reader",
    partnerSlug: values.partner,
    password,
  });
  console.log(`Created ${user.role} ${user.email}.`);
}

main()
  .catch((error) => {
    if (error instanceof ValidationError) {
      const t = translator("en");
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        const flag = field === "partnerSlug" ? "partner" : field;
        for (const message of messages) console.error(`--${flag}: ${isMessageKey(message) ? t(message) : message}`);
      }
    } else {
      console.error(error instanceof Error ? error.message : error);
    }
    process.exitCode = 1;
  })
  .finally(closeDb);

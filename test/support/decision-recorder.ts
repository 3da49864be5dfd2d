/**
 * Another process recording decisions: with DATA_DIR set to a test's data
 * folder, it waits for "go" on its standard input, then records `count`
 * decisions for the meeting through the real command, as the person given
 * (JSON), and prints their references, one a line. Run with `node --import tsx`.
 */
import type { SessionUser } from "../../app/auth/principals";
import { recordDecision } from "../../app/decisions/decision-commands.server";

const [meetingId, actorJson, count] = process.argv.slice(2);
if (!meetingId || !actorJson || !count) throw new Error("usage: decision-recorder.ts <meeting id> <actor> <count>");
const actor = JSON.parse(actorJson) as SessionUser;

process.stdout.write("ready\n");
process.stdin.once("data", () => {
  const references: string[] = [];
  for (let index = 0; index < Number(count); index++) {
    const decision = recordDecision({
      actor,
      meetingId: Number(meetingId),
      fields: {
        title: `Decision ${process.pid}-${index}`,
        text: "Agreed.",
        decisionMaker: "The Board",
        status: "agreed",
      },
    });
    references.push(decision.reference);
  }
  process.stdout.write(`${references.join("\n")}\n`);
  process.exit(0);
});

import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { isOverdue } from "~/actions/actions.server";
import { importActions, readActionFiles } from "~/content/import-actions.server";
import { getDb, writeTransaction } from "~/platform/db.server";
import { actions, actionUpdates, meetings, users } from "../../db/schema";
import { givenBoard, givenMeeting } from "../support/board-rows";
import { givenPartner, givenUser } from "../support/factories";

describe("the demo actions", () => {
  it("are read from content/boards and imported once, due dates relative to the import", async () => {
    const files = readActionFiles(path.resolve("content"));
    expect(files.map((file) => path.basename(path.dirname(file.file)))).toEqual([
      "operational-board",
      "srs-strategic-board",
    ]);
    givenPartner("monmouthshire", "Monmouthshire County Council");
    givenPartner("blaenau-gwent", "Blaenau Gwent County Borough Council");
    givenPartner("torfaen", "Torfaen County Borough Council");
    const board = givenBoard({ slug: "operational-board" });
    const meeting = givenMeeting(board.id, { startsAt: new Date(Date.now() - 60 * 86_400_000), status: "held" });
    getDb()
      .update(meetings)
      .set({ importKey: "operational-board/01-service-performance" })
      .where(eq(meetings.id, meeting.id))
      .run();
    const operational = files.filter((file) => file.file.includes("operational-board"));
    const now = new Date();
    // Before the demo accounts exist, the actions wait.
    expect(writeTransaction((tx) => importActions(tx, operational, now))).toEqual({ created: 0, waiting: 3 });
    for (const slug of ["monmouthshire", "blaenau-gwent", "torfaen"]) {
      const person = await givenUser("editor", slug);
      getDb()
        .update(users)
        .set({ email: `editor.${slug}@demo.srs-hub.test` })
        .where(eq(users.id, person.id))
        .run();
    }
    expect(writeTransaction((tx) => importActions(tx, operational, now))).toEqual({ created: 3, waiting: 0 });
    expect(writeTransaction((tx) => importActions(tx, operational, now))).toEqual({ created: 0, waiting: 0 });
    const imported = getDb().select().from(actions).where(eq(actions.meetingId, meeting.id)).all();
    expect(imported.map((action) => [action.status, isOverdue(action)])).toEqual([
      ["open", true],
      ["open", false],
      ["dropped", false],
    ]);
    const notes = getDb().select().from(actionUpdates).all();
    expect(notes.map((note) => note.status)).toEqual(["dropped"]);
  });
});

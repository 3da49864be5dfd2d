import { describe, expect, it } from "vitest";
import type { BoardSeat, SessionUser } from "~/auth/principals";
import { canOnAction } from "~/boards/action-policy.server";
import { canCreateBoards, canOnBoard } from "~/boards/board-policy.server";
import { canOnDecision } from "~/boards/decision-policy.server";
import { canOnAgendaItem, canOnMeeting } from "~/boards/meeting-policy.server";
import { canOnPaper } from "~/boards/paper-policy.server";

const BOARD = 3;
const OTHER_BOARD = 4;

const user = (id: string, role: SessionUser["role"], boardSeats: BoardSeat[] = []): SessionUser => ({
  id,
  email: `${id}@example.test`,
  name: id,
  role,
  partnerId: 2,
  boardSeats,
});

const admin = user("admin", "admin");
const reader = user("reader", "reader");
const member = user("member", "reader", [{ boardId: BOARD, role: "member" }]);
const chair = user("chair", "editor", [{ boardId: BOARD, role: "chair" }]);
const secretary = user("secretary", "reader", [{ boardId: BOARD, role: "secretary" }]);
const otherSecretary = user("other", "editor", [{ boardId: OTHER_BOARD, role: "secretary" }]);

const open = { boardId: BOARD, confidential: false };
const confidential = { boardId: BOARD, confidential: true };

describe("board seats as principals", () => {
  it("let every member of staff see a board and an open record, and only the board's members and admins a confidential one", () => {
    for (const person of [admin, reader, member, chair, secretary, otherSecretary]) {
      expect(canOnBoard(person, "read", { id: BOARD })).toBe(true);
      expect(canOnMeeting(person, "read", { boardId: BOARD })).toBe(true);
      expect(canOnPaper(person, "read", open)).toBe(true);
    }
    const seesConfidential = (person: SessionUser) => [
      canOnPaper(person, "read", confidential),
      canOnAgendaItem(person, "read", confidential),
      canOnDecision(person, "readContent", confidential),
      canOnAction(person, "read", { ...confidential, ownerId: null }),
    ];
    for (const person of [admin, member, chair, secretary])
      expect(seesConfidential(person)).toEqual([true, true, true, true]);
    for (const person of [reader, otherSecretary])
      expect(seesConfidential(person)).toEqual([false, false, false, false]);
  });

  it("keep a confidential decision in everyone's register", () => {
    expect(canOnDecision(reader, "read", confidential)).toBe(true);
    expect(canOnDecision(reader, "readContent", confidential)).toBe(false);
  });

  it("let the board's secretary and admins run its business, and nobody else", () => {
    const runs = (person: SessionUser) => [
      canOnMeeting(person, "manage", { boardId: BOARD }),
      canOnPaper(person, "manage", open),
      canOnDecision(person, "manage", open),
      canOnAction(person, "manage", { ...open, ownerId: null }),
    ];
    for (const person of [admin, secretary]) expect(runs(person)).toEqual([true, true, true, true]);
    for (const person of [reader, member, chair, otherSecretary])
      expect(runs(person)).toEqual([false, false, false, false]);
  });

  it("let an action's owner update it but not reassign it", () => {
    const action = { ...open, ownerId: "reader" };
    expect(canOnAction(reader, "update", action)).toBe(true);
    expect(canOnAction(reader, "manage", action)).toBe(false);
    expect(canOnAction(member, "update", action)).toBe(false);
  });

  it("leave adding boards and seating members to admins", () => {
    expect(canCreateBoards(admin)).toBe(true);
    for (const person of [reader, member, chair, secretary]) {
      expect(canCreateBoards(person)).toBe(false);
      expect(canOnBoard(person, "manage", { id: BOARD })).toBe(false);
    }
  });
});

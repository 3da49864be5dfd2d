import { describe, expect, it } from "vitest";
import { NotFoundError } from "~/platform/errors";
import { orRespond } from "~/platform/http.server";

/** What orRespond throws for a failing piece of work: the 404's status and data. */
function answerTo(work: () => never): { status: number; data: unknown } {
  try {
    orRespond(work);
  } catch (thrown) {
    const answer = thrown as { init?: { status?: number }; data?: unknown };
    return { status: answer.init?.status ?? 0, data: answer.data };
  }
  throw new Error("orRespond did not throw");
}

describe("a 404", () => {
  it("says the same of a record that does not exist and of one the person may not see", () => {
    const missing = answerTo(() => {
      throw new NotFoundError("paper");
    });
    const hidden = answerTo(() => {
      throw new NotFoundError("No such paper");
    });
    expect(missing.status).toBe(404);
    expect(hidden).toEqual(missing);
  });
});

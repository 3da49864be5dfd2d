import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS } from "~/auth/account-limits";
import { en } from "~/i18n/en";
import { MESSAGE_PARAMS } from "~/i18n/message-params";
import { isMessageKey, type MessageKey, translateLoose, translator } from "~/i18n/translate";
import { KIND_SECTIONS } from "~/posts/post-kinds";
import { LIMITS } from "~/posts/post-limits";
import { SEARCHABLE_TYPES } from "~/search/search-query";
import { POST_KINDS, POST_STATUSES, ROLES } from "../../db/enums";

describe("translator", () => {
  const t = translator("en");

  it("fills placeholders and leaves unknown ones alone", () => {
    expect(t("nav.signedInAs", { name: "Ceri" })).toBe("Signed in as Ceri");
    expect(t("pagination.page", { page: 2 })).toBe("Page 2 of {pageCount}");
  });

  it("chooses a whole sentence by the plural rules of the language, and formats the number", () => {
    expect(t("posts.count", { count: 0 })).toBe("0 posts");
    expect(t("posts.count", { count: 1 })).toBe("1 post");
    expect(t("posts.count", { count: 2 })).toBe("2 posts");
    expect(t("posts.count", { count: 12_345 })).toBe("12,345 posts");
    expect(t("search.countFor", { count: 1, q: "teams" })).toBe("1 result for ‘teams’");
  });

  it("translates message keys carried as data, with the limits validation uses", () => {
    expect(translateLoose(t, "errors.title.required")).toBe("Enter a title");
    expect(translateLoose(t, "errors.title.tooLong")).toBe(`Title must be ${LIMITS.title} characters or fewer`);
    expect(translateLoose(t, "errors.body.tooLong")).toBe(
      `The full account must be ${LIMITS.bodyBytes / 1024} KB or smaller`,
    );
    expect(translateLoose(t, "errors.tags.tooMany")).toBe(`Use ${LIMITS.tags} tags or fewer`);
    expect(translateLoose(t, "errors.password.tooShort")).toBe(
      `Password must be at least ${ACCOUNT_LIMITS.passwordMin} characters`,
    );
    expect(translateLoose(t, "plain words")).toBe("plain words");
  });

  it("gives every message that mentions a limit its number, and no message a number of its own", () => {
    for (const [key, message] of Object.entries(en)) {
      const sentences = typeof message === "string" ? [message] : Object.values(message);
      const placeholders = new Set(
        sentences.flatMap((text) => [...text.matchAll(/\{(max|min|maxKb)\}/g)].map((m) => m[1])),
      );
      const params = MESSAGE_PARAMS[key as MessageKey] ?? {};
      expect({ key, placeholders: [...placeholders].sort() }).toEqual({
        key,
        placeholders: Object.keys(params).sort(),
      });
      if (key.startsWith("errors."))
        for (const text of sentences) expect({ key, text }).not.toEqual({ key, text: expect.stringMatching(/\d/) });
    }
  });

  it("has words for every kind, status, role, section and searchable type", () => {
    const keys = [
      ...POST_KINDS.flatMap((kind) => [
        `kinds.${kind}`,
        `kindsPlural.${kind}`,
        `kindHints.${kind}`,
        `home.latest.${kind}`,
        `home.seeAll.${kind}`,
        `form.sectionsHeading.${kind}`,
      ]),
      ...POST_STATUSES.flatMap((status) => [`statuses.${status}`, `statusHints.${status}`]),
      ...ROLES.map((role) => `roles.${role}`),
      ...SEARCHABLE_TYPES.map((type) => `types.${type}`),
      ...Object.values(KIND_SECTIONS)
        .flat()
        .map((section) => `sections.${section}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it("has no empty sentences, and every plural message has its 'other' form", () => {
    for (const [key, message] of Object.entries(en)) {
      const sentences = typeof message === "string" ? [message] : Object.values(message);
      expect({ key, empty: sentences.some((text) => text.trim() === "") }).toEqual({ key, empty: false });
      if (typeof message !== "string") expect(Object.keys(message)).toContain("other");
    }
  });
});

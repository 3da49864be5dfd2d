import { describe, expect, it } from "vitest";
import { en } from "~/i18n/en";
import { isMessageKey, translateLoose, translator } from "~/i18n/translate";
import { KIND_SECTIONS } from "~/posts/post-kinds";
import { POST_KINDS, POST_STATUSES, ROLES } from "../../db/enums";

describe("translator", () => {
  const t = translator("en");

  it("fills placeholders and leaves unknown ones alone", () => {
    expect(t("nav.signedInAs", { name: "Ceri" })).toBe("Signed in as Ceri");
    expect(t("pagination.page", { page: 2 })).toBe("Page 2 of {pageCount}");
  });

  it("translates message keys carried as data and passes other text through", () => {
    expect(translateLoose(t, "errors.title.required")).toBe("Enter a title");
    expect(translateLoose(t, "plain words")).toBe("plain words");
  });

  it("has words for every kind, status, role and section", () => {
    const keys = [
      ...POST_KINDS.flatMap((kind) => [`kinds.${kind}`, `kindsPlural.${kind}`, `kindHints.${kind}`]),
      ...POST_STATUSES.flatMap((status) => [`statuses.${status}`, `statusHints.${status}`]),
      ...ROLES.map((role) => `roles.${role}`),
      ...Object.values(KIND_SECTIONS)
        .flat()
        .map((section) => `sections.${section}`),
    ];
    expect(keys.filter((key) => !isMessageKey(key))).toEqual([]);
  });

  it("has no empty strings", () => {
    expect(Object.entries(en).filter(([, text]) => text.trim() === "")).toEqual([]);
  });
});

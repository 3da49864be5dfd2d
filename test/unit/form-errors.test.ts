import { describe, expect, it } from "vitest";
import { orderedErrors } from "~/components/error-summary";
import { FORM_ERRORS_FLAG, formTitle, hasFormErrors, routeTitle } from "~/i18n/meta";

const matches = (rootData: Record<string, unknown>) => [
  { id: "root", data: { locale: "en", ...rootData } },
  { id: "routes/login", data: null },
];

describe("formTitle", () => {
  it("starts 'Error: ' while the form shows errors", () => {
    const args = { matches: matches({ [FORM_ERRORS_FLAG]: true }) };
    expect(formTitle(args, (t) => t("login.title"))).toEqual([{ title: "Error: Sign in – SRS Knowledge Hub" }]);
  });

  it("is the plain title otherwise", () => {
    expect(formTitle({ matches: matches({}) }, (t) => t("login.title"))).toEqual([
      { title: "Sign in – SRS Knowledge Hub" },
    ]);
  });

  it("is the error page's title when the route failed, errors or not", () => {
    const args = { matches: matches({ [FORM_ERRORS_FLAG]: true }), error: new Error("boom") };
    expect(formTitle(args, (t) => t("login.title"))).toEqual(routeTitle(args, () => null));
    expect(formTitle(args, (t) => t("login.title"))[0]?.title).not.toMatch(/^Error: /);
  });
});

describe("hasFormErrors", () => {
  it("is true only for an answer with at least one field message", () => {
    expect(hasFormErrors({ errors: { email: ["errors.email.invalid"] } })).toBe(true);
    expect(hasFormErrors({ errors: { email: [], password: ["errors.password.required"] } })).toBe(true);
    expect(hasFormErrors({ errors: {}, sentTo: "someone@example.test" })).toBe(false);
    expect(hasFormErrors({ errors: { email: [] } })).toBe(false);
    expect(hasFormErrors({ sent: { name: "x" } })).toBe(false);
    expect(hasFormErrors(null)).toBe(false);
    expect(hasFormErrors("errors")).toBe(false);
  });
});

describe("orderedErrors", () => {
  it("lists the fields in the order they appear on the page, whatever order the errors came in", () => {
    const errors = { partner: ["p"], confirmPassword: undefined, email: ["e"], name: ["n"] };
    expect(orderedErrors(errors, ["name", "email", "role", "partner"])).toEqual([
      ["name", ["n"]],
      ["email", ["e"]],
      ["partner", ["p"]],
    ]);
  });

  it("puts fields the order does not name last, in the order given", () => {
    const errors = { intent: ["i"], other: ["o"], role: ["r"] };
    expect(orderedErrors(errors, ["role", "partner"]).map(([field]) => field)).toEqual(["role", "intent", "other"]);
    expect(orderedErrors(errors).map(([field]) => field)).toEqual(["intent", "other", "role"]);
  });
});

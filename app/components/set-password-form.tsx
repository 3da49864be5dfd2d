import { Form } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { ErrorSummary } from "./error-summary";
import { TextInput } from "./form-fields";

/** Choosing a password through a link: an invitation accepted, or a reset. */
export function SetPasswordForm({
  title,
  lead,
  email,
  errors,
}: {
  title: string;
  lead: string;
  email: string;
  errors: Record<string, string[] | undefined>;
}) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} fieldOrder={["password", "confirmPassword"]} />
        <h1 className="govuk-heading-l">{title}</h1>
        <p className="govuk-body">{lead}</p>
        <Form method="post" noValidate>
          {/* Lets password managers file the new password under the right account. */}
          <input type="hidden" name="username" value={email} autoComplete="username" />
          <NewPasswordFields errors={errors} />
          <button type="submit" className="govuk-button" data-module="govuk-button">
            {t("setPassword.submit")}
          </button>
        </Form>
      </div>
    </div>
  );
}

/** A new password and its confirmation: the fields every form that sets a password shares. */
export function NewPasswordFields({ errors }: { errors: Record<string, string[] | undefined> }) {
  const { t } = useI18n();
  return (
    <>
      <TextInput
        name="password"
        type="password"
        label={t("password.new")}
        hint={t("password.newHint")}
        autoComplete="new-password"
        width="20"
        errors={errors.password}
      />
      <TextInput
        name="confirmPassword"
        type="password"
        label={t("password.confirm")}
        autoComplete="new-password"
        width="20"
        errors={errors.confirmPassword}
      />
    </>
  );
}

/** What a link that cannot be used shows instead of the form. */
export function UnusableLink({ purpose }: { purpose: "invitation" | "password-reset" }) {
  const { t } = useI18n();
  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        <h1 className="govuk-heading-l">{t("setPassword.unusableTitle")}</h1>
        <p className="govuk-body">{t("setPassword.unusableText")}</p>
        <p className="govuk-body">
          {purpose === "password-reset" ? (
            <a className="govuk-link" href="/account/reset">
              {t("setPassword.unusableReset")}
            </a>
          ) : (
            t("setPassword.unusableInvite")
          )}
        </p>
      </div>
    </div>
  );
}

import { Form } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

/** A post's review as its page shows it (dates arrive serialised from the loader). */
export interface ReviewDueData {
  slug: string;
  status: "overdue" | "soon" | "current";
  reviewBy: string | Date;
  reviewedAt: string | Date | null;
  canConfirm: boolean;
}

/**
 * Under a post's details: a warning once it is past its review-by date (for
 * everyone: readers should know it may be out of date), and for those who
 * may confirm it, the "Still accurate" button from 30 days before.
 */
export function ReviewDue({ review }: { review: ReviewDueData | null }) {
  const { t, date } = useI18n();
  if (!review) return null;
  if (review.status === "overdue") {
    return (
      <div className="app-review-due">
        <div className="govuk-warning-text govuk-!-margin-bottom-2">
          <span className="govuk-warning-text__icon" aria-hidden="true">
            !
          </span>
          <strong className="govuk-warning-text__text">
            <span className="govuk-visually-hidden">{t("review.warning")}</span>
            {t("review.overdue", { date: date(review.reviewBy) })}
          </strong>
        </div>
        {review.canConfirm ? <ConfirmReviewForm slug={review.slug} withHint /> : null}
      </div>
    );
  }
  if (review.status === "soon" && review.canConfirm) {
    return (
      <div className="app-review-due">
        <p className="govuk-body">{t("review.soon", { date: date(review.reviewBy) })}</p>
        <ConfirmReviewForm slug={review.slug} withHint />
      </div>
    );
  }
  return review.reviewedAt ? (
    <p className="govuk-body-s app-review-due">{t("review.checked", { date: date(review.reviewedAt) })}</p>
  ) : null;
}

/**
 * The one-step confirmation. From the workspace it returns to the same tab
 * (and partner); `title` names the post to screen readers where many such
 * buttons share a page.
 */
export function ConfirmReviewForm({
  slug,
  title,
  workspace,
  withHint = false,
}: {
  slug: string;
  title?: string;
  workspace?: { tab: string; partner?: string };
  withHint?: boolean;
}) {
  const { t } = useI18n();
  const hintId = `review-hint-${slug}`;
  return (
    <Form method="post" action={`/posts/${slug}/review`} className="app-review-confirm">
      {withHint ? (
        <p className="govuk-hint govuk-!-font-size-16" id={hintId}>
          {t("review.confirmHint")}
        </p>
      ) : null}
      {workspace ? (
        <>
          <input type="hidden" name="from" value="workspace" />
          <input type="hidden" name="tab" value={workspace.tab} />
          {workspace.partner ? <input type="hidden" name="partner" value={workspace.partner} /> : null}
        </>
      ) : null}
      <button
        type="submit"
        className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
        data-prevent-double-click="true"
        aria-describedby={withHint ? hintId : undefined}
      >
        {t("review.confirm")}
        {title ? <span className="govuk-visually-hidden">: {title}</span> : null}
      </button>
    </Form>
  );
}

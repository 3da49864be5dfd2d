import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";

export interface ActivityItemData {
  id: number;
  verb: "published" | "updated" | "applied";
  occurredAt: string | Date;
  imported: boolean;
  post: { slug: string; title: string; partnerName: string };
  appliedBy: string | null;
}

/** The partner's last published, updated and applied posts, newest first. */
export function PartnerActivity({ items }: { items: ActivityItemData[] }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="recent-activity">
      <h2 className="govuk-heading-m" id="recent-activity">
        {t("partnerPage.activity")}
      </h2>
      {items.length === 0 ? <p className="govuk-body">{t("partnerPage.noActivity")}</p> : null}
      <ul className="govuk-list govuk-list--spaced app-activity">
        {items.map((item) => (
          <li key={item.id}>
            <span className="govuk-body-s govuk-!-font-weight-bold govuk-!-margin-bottom-0 app-block">
              {item.verb === "applied"
                ? t("activity.applied", { partner: item.appliedBy ?? "" })
                : item.imported
                  ? t("activity.imported")
                  : t(`activity.${item.verb}`)}
            </span>
            <Link className="govuk-link" to={`/posts/${item.post.slug}`}>
              {item.post.title}
            </Link>
            <span className="govuk-body-s govuk-hint app-block govuk-!-margin-bottom-0">
              {item.post.partnerName} · {date(item.occurredAt)}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

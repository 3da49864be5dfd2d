import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind, PostStatus } from "~/posts/post-kinds";
import { KindTag, StatusTag } from "./post-tags";

export interface PostFactsData {
  kind: PostKind;
  status: PostStatus;
  partner: { slug: string; name: string };
  contact: { name: string; jobTitle: string | null; partnerName: string; email: string | null } | null;
  publishedAt: string | Date | null;
  updatedAt: string | Date;
  eventDate: string | null;
}

/**
 * A post's facts, straight under its title (on a phone too): whose it is,
 * who to ask, and when. The contact's address is a mailto link: every
 * account is a member of the partners' staff, who already share addresses.
 */
export function PostFacts({ post }: { post: PostFactsData }) {
  const { t, date } = useI18n();
  const rows: { key: string; label: string; value: ReactNode }[] = [
    {
      key: "kind",
      label: t("posts.kind"),
      value: (
        <>
          <KindTag kind={post.kind} /> <StatusTag status={post.status} />
        </>
      ),
    },
    {
      key: "partner",
      label: t("posts.partner"),
      value: (
        <Link className="govuk-link" to={`/partners/${post.partner.slug}`}>
          {post.partner.name}
        </Link>
      ),
    },
  ];
  if (post.contact) {
    const { name, jobTitle, partnerName, email } = post.contact;
    rows.push({
      key: "contact",
      label: t("postPage.contact"),
      value: (
        <>
          {email ? (
            <a className="govuk-link" href={`mailto:${email}`}>
              {name}
            </a>
          ) : (
            name
          )}
          {[jobTitle, partnerName].filter(Boolean).map((part) => `, ${part}`)}
        </>
      ),
    });
  }
  if (post.eventDate) rows.push({ key: "event", label: t("postPage.eventDate"), value: date(post.eventDate) });
  if (post.publishedAt) rows.push({ key: "published", label: t("statuses.published"), value: date(post.publishedAt) });
  rows.push({ key: "updated", label: t("posts.lastUpdated"), value: date(post.updatedAt) });
  return (
    <dl className="govuk-summary-list govuk-summary-list--no-border app-post-facts">
      {rows.map((row) => (
        <div className="govuk-summary-list__row" key={row.key}>
          <dt className="govuk-summary-list__key">{row.label}</dt>
          <dd className="govuk-summary-list__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}

import { Form, Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/en";
import { useI18n } from "~/i18n/use-t";
import type { LinkRelation } from "../../db/enums";

/** One link as the page gets it (see ShownLink in app/links/links.server.ts). */
export interface LinkedRecordData {
  id: number;
  relation: LinkRelation;
  other: { type: string; title: string; url: string; kind: string | null; archived: boolean };
  note: string;
  linkedBy: string | null;
  linkedAt: string;
  canUnlink: boolean;
}

export interface LinkedRecordsData {
  side: "subject" | "object";
  groups: { relation: LinkRelation; links: LinkedRecordData[] }[];
}

/** The heading of a group: what the others are to this record ("Lessons learned from it"), or to this post's kind. */
function groupHeading(
  t: (key: MessageKey) => string,
  side: "subject" | "object",
  relation: LinkRelation,
  ownKind?: string | null,
): string {
  if (side === "subject") return t(`links.subject.${relation}` as MessageKey);
  const key = `links.object.${relation}.${ownKind ?? ""}`;
  return t((key in OBJECT_HEADINGS ? key : "links.object.other") as MessageKey);
}

const OBJECT_HEADINGS = Object.fromEntries(
  [
    "links.object.drives.aspiration",
    "links.object.drives.strategy",
    "links.object.informs.lesson",
    "links.object.informs.case-study",
    "links.object.learned-from.lesson",
    "links.object.learned-from.case-study",
    "links.object.delivers.case-study",
  ].map((key) => [key, true]),
);

/**
 * The records linked to this one, grouped by relation, on either end's page:
 * a roadmap item's posts, a post's roadmap items. Each shows its note, an
 * "Archived" tag when so, who linked it and when, and an Unlink button for
 * those who may (a plain POST form: unlinking is undone by linking again).
 */
export function LinkedRecords({
  links,
  ownKind,
  linkHref,
  headingId = "linked-records",
  size = "l",
  wording,
}: {
  links: LinkedRecordsData;
  /** This record's own kind (a post's), for the wording from its side. */
  ownKind?: string | null;
  /** Where "Link a post" (or "Link to a roadmap item") leads, for those who may link; null hides it. */
  linkHref: string | null;
  headingId?: string;
  /** The section's heading size, to sit with the page's other sections ("m": its groups "s"). */
  size?: "l" | "m";
  /** The section's own words where the record is not a roadmap item or a post (a decision's affected items). */
  wording?: { heading: string; none: string; link: string };
}) {
  const { t, date } = useI18n();
  const { side, groups } = links;
  return (
    <section className="app-linked-records" aria-labelledby={headingId}>
      <h2 className={`govuk-heading-${size}`} id={headingId}>
        {wording?.heading ?? t(side === "subject" ? "links.heading.subject" : "links.heading.object")}
      </h2>
      {groups.length === 0 ? (
        <p className="govuk-body">
          {wording?.none ?? t(side === "subject" ? "links.none.subject" : "links.none.object")}
        </p>
      ) : (
        groups.map((group) => (
          <div key={group.relation} className="app-linked-records__group">
            <h3 className={size === "l" ? "govuk-heading-m" : "govuk-heading-s"}>
              {groupHeading(t, side, group.relation, ownKind)}
            </h3>
            <ul className="govuk-list app-linked-records__list">
              {group.links.map((link) => (
                <li key={link.id} className="app-linked-record">
                  <p className="govuk-body govuk-!-margin-bottom-1">
                    <Link className="govuk-link govuk-!-font-weight-bold" to={link.other.url}>
                      {link.other.title}
                    </Link>
                    {link.other.archived ? (
                      <strong className="govuk-tag govuk-tag--grey app-linked-record__tag">
                        {t("links.archived")}
                      </strong>
                    ) : null}
                  </p>
                  {link.note ? (
                    <p className="govuk-body app-preserve-lines govuk-!-margin-bottom-1">{link.note}</p>
                  ) : null}
                  <p className="govuk-body-s govuk-hint govuk-!-margin-bottom-1">
                    {link.linkedBy
                      ? t("links.linkedBy", { name: link.linkedBy, date: date(link.linkedAt) })
                      : t("links.linkedOn", { date: date(link.linkedAt) })}
                  </p>
                  {link.canUnlink ? (
                    <Form method="post" action={`/links/${link.id}/remove`} className="app-linked-record__unlink">
                      <input type="hidden" name="from" value={side} />
                      <button
                        type="submit"
                        className="govuk-button govuk-button--secondary app-button--small govuk-!-margin-bottom-0"
                        data-module="govuk-button"
                        data-prevent-double-click="true"
                      >
                        {t("links.unlink")}
                        <span className="govuk-visually-hidden"> {link.other.title}</span>
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
      {linkHref ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={linkHref}>
            {wording?.link ?? t(side === "subject" ? "links.linkPost" : "links.linkItem")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

import { Form, Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind } from "~/posts/post-kinds";
import { Select } from "./form-fields";
import { PostCard, type PostCardData } from "./post-card";

interface Section {
  kind: PostKind;
  total: number;
  newest: PostCardData[];
}

/** The partner's current strategy, first on its page. */
export function PinnedStrategy({ partnerName, strategy }: { partnerName: string; strategy: PostCardData | null }) {
  const { t } = useI18n();
  return (
    <section className="app-pinned" aria-labelledby="current-strategy">
      <h2 className="govuk-heading-l" id="current-strategy">
        {t("partnerPage.strategy")}
      </h2>
      {strategy ? (
        <PostCard post={strategy} headingLevel={3} />
      ) : (
        <p className="govuk-body">{t("partnerPage.noStrategy", { partner: partnerName })}</p>
      )}
    </section>
  );
}

/** One kind's newest posts, with a way to all of them in the finder. */
export function PartnerKindSection({
  partner,
  section,
}: {
  partner: { slug: string; name: string };
  section: Section;
}) {
  const { t, number } = useI18n();
  // The current strategy is pinned above: a list of one would only repeat it.
  if (section.kind === "strategy" && section.total <= 1) return null;
  const id = `kind-${section.kind}`;
  return (
    <section aria-labelledby={id} className="govuk-!-margin-bottom-8">
      <h2 className="govuk-heading-l" id={id}>
        {t(`kindsPlural.${section.kind}`)} <span className="govuk-caption-m app-inline">({number(section.total)})</span>
      </h2>
      {section.newest.length === 0 ? <p className="govuk-body">{t("partnerPage.noneOfKind")}</p> : null}
      {section.newest.map((post) => (
        <PostCard key={post.slug} post={post} headingLevel={3} />
      ))}
      {section.total > 0 ? (
        <p className="govuk-body">
          <Link
            className="govuk-link"
            to={`/search?partner=${encodeURIComponent(partner.slug)}&kind=${encodeURIComponent(section.kind)}`}
          >
            {t("partnerPage.seeAll", { kinds: t(`kindsPlural.${section.kind}`).toLowerCase(), partner: partner.name })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

/** The partner at a glance: how much it has published, who leads its digital work, how far its lessons travel. */
export function PartnerFacts({
  sections,
  applied,
  digitalLead,
}: {
  sections: Section[];
  applied: { appliedByOthers: number; appliedFromOthers: number };
  digitalLead: { name: string; jobTitle: string | null; email: string } | null;
}) {
  const { t, number } = useI18n();
  return (
    <section aria-labelledby="at-a-glance" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-m" id="at-a-glance">
        {t("partnerPage.atAGlance")}
      </h2>
      <h3 className="govuk-heading-s govuk-!-margin-bottom-1">{t("partnerPage.digitalLead")}</h3>
      <p className="govuk-body" data-testid="digital-lead">
        {digitalLead ? (
          <>
            <a className="govuk-link" href={`mailto:${digitalLead.email}`}>
              {digitalLead.name}
            </a>
            {digitalLead.jobTitle ? `, ${digitalLead.jobTitle}` : null}
          </>
        ) : (
          t("partnerPage.noDigitalLead")
        )}
      </p>
      <ul className="govuk-list">
        {sections.map((section) => (
          <li key={section.kind}>
            <span className="app-stat">{number(section.total)}</span> {t(`kindsPlural.${section.kind}`).toLowerCase()}
          </li>
        ))}
      </ul>
      <ul className="govuk-list">
        <li>{t("partnerPage.appliedByOthers", { count: applied.appliedByOthers })}</li>
        <li>{t("partnerPage.appliedFromOthers", { count: applied.appliedFromOthers })}</li>
      </ul>
    </section>
  );
}

/** Administrators name the digital lead from the partner's active members. */
export function DigitalLeadForm({
  current,
  people,
  errors,
}: {
  current: string;
  people: { id: string; name: string; jobTitle: string | null }[];
  errors?: string[];
}) {
  const { t } = useI18n();
  return (
    <Form method="post" noValidate className="govuk-!-margin-bottom-6">
      <Select
        name="digitalLead"
        label={t("partnerPage.chooseDigitalLead")}
        defaultValue={current}
        errors={errors}
        options={[
          { value: "", label: t("partnerPage.nobody") },
          ...people.map((person) => ({
            value: person.id,
            label: person.jobTitle ? `${person.name}, ${person.jobTitle}` : person.name,
          })),
        ]}
      />
      <button type="submit" className="govuk-button govuk-button--secondary" data-module="govuk-button">
        {t("partnerPage.saveDigitalLead")}
      </button>
    </Form>
  );
}

/** The roadmap items the partner's aspirations drive, each with the aspirations behind it. */
export function PartnerRoadmapItems({
  items,
}: {
  items: { slug: string; title: string; drivenBy: { slug: string; title: string }[] }[];
}) {
  const { t } = useI18n();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="on-the-roadmap" className="govuk-!-margin-bottom-6">
      <h2 className="govuk-heading-l" id="on-the-roadmap">
        {t("partnerPage.roadmap.heading")}
      </h2>
      <p className="govuk-body">{t("partnerPage.roadmap.intro")}</p>
      <ul className="govuk-list">
        {items.map((item) => (
          <li key={item.slug} className="app-roadmap-links__item">
            <Link className="govuk-link govuk-!-font-weight-bold" to={`/roadmap/${item.slug}`}>
              {item.title}
            </Link>
            {item.drivenBy.map((post) => (
              <span key={post.slug} className="app-link-picker__meta">
                {t("partnerPage.roadmap.drivenBy", { title: post.title })}
              </span>
            ))}
          </li>
        ))}
      </ul>
    </section>
  );
}

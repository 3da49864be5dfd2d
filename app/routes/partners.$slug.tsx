import { type ActionFunctionArgs, data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/session.server";
import { latestSummaries } from "~/boards/meeting-summaries.server";
import { ErrorSummary } from "~/components/error-summary";
import { SummaryList } from "~/components/meeting-summary";
import { PartnerActivity } from "~/components/partner-activity";
import {
  DigitalLeadForm,
  PartnerFacts,
  PartnerKindSection,
  PartnerRoadmapItems,
  PinnedStrategy,
} from "~/components/partner-home";
import { SafeHtml } from "~/components/safe-html";
import { inLocale } from "~/i18n/bilingual";
import { resolveLocale } from "~/i18n/locale.server";
import { routeTitle } from "~/i18n/meta";
import { useI18n } from "~/i18n/use-t";
import { recentActivity } from "~/partners/partner-activity.server";
import {
  appliedCounts,
  currentStrategy,
  digitalLeadOf,
  partnerSections,
  roadmapItemsDrivenBy,
} from "~/partners/partner-home.server";
import { activeMembersOf, setDigitalLead } from "~/partners/partner-people.server";
import { canOnPartner } from "~/partners/partner-policy.server";
import { getPartnerForReading, presentPartnerPage } from "~/partners/partners.server";
import { orRespond, readForm, runFormCommand } from "~/platform/http.server";
import { redirectWithNotice } from "~/platform/notice.server";
import { presentPostSummary } from "~/posts/post-presenter.server";

export const meta: MetaFunction<typeof loader> = (args) => routeTitle(args, () => args.data?.partner.name ?? null);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const partner = orRespond(() => getPartnerForReading(params.slug ?? ""));
  const locale = resolveLocale(request);
  const sections = partnerSections(partner.id);
  const strategy = currentStrategy(sections);
  const mayNameLead = canOnPartner(user, "nameDigitalLead", partner);
  return {
    partner: presentPartnerPage(partner, locale),
    strategy: strategy ? presentPostSummary(strategy, locale) : null,
    sections: sections.map((section) => ({
      kind: section.kind,
      total: section.total,
      newest: section.newest.map((post) => presentPostSummary(post, locale)),
    })),
    applied: appliedCounts(user, partner.id),
    roadmapItems: roadmapItemsDrivenBy(partner.id).map((item) => ({
      slug: item.slug,
      title: inLocale(item.title, item.titleCy, locale).text,
      drivenBy: item.drivenBy.map((post) => ({
        slug: post.slug,
        title: inLocale(post.title, post.titleCy, locale).text,
      })),
    })),
    digitalLead: digitalLeadOf(partner.digitalLeadId),
    activity: recentActivity(user, partner.id).map((item) => ({
      ...item,
      post: { ...item.post, title: inLocale(item.post.title, item.post.titleCy, locale).text, titleCy: undefined },
    })),
    // Only administrators name a digital lead, from the partner's active members.
    // Every partner's staff read the boards' latest summaries here, as this reader may see them.
    boardSummaries: latestSummaries(user, 3, locale),
    leadChoice: mayNameLead ? { current: partner.digitalLeadId ?? "", people: activeMembersOf(partner.id) } : null,
  };
}

/** An administrator names the partner's digital lead. */
export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const form = await readForm(request);
  const result = runFormCommand(() => setDigitalLead(user, slug, form.get("digitalLead")));
  if (!result.ok) return data({ errors: result.errors }, { status: 400 });
  return redirectWithNotice(`/partners/${slug}`, { key: "notices.partner.digitalLeadSaved" });
}

export default function PartnerPage() {
  const { partner, strategy, sections, applied, digitalLead, activity, leadChoice, roadmapItems, boardSummaries } =
    useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useI18n();
  const errors: Record<string, string[] | undefined> = actionData?.errors ?? {};
  return (
    <>
      <ErrorSummary errors={errors} />
      <span className="govuk-caption-l">{t(`partnerTypes.${partner.type}`)}</span>
      <h1 className="govuk-heading-xl">{partner.name}</h1>
      <div className="govuk-grid-row">
        <div className="govuk-grid-column-two-thirds">
          <PinnedStrategy partnerName={partner.name} strategy={strategy} />
          <SafeHtml className="app-prose govuk-!-margin-bottom-6" html={partner.descriptionHtml} />
          {partner.website ? (
            <p className="govuk-body">
              <a className="govuk-link" href={partner.website} rel="noopener noreferrer">
                {t("partners.website")}: {partner.website.replace(/^https?:\/\//, "")}
              </a>
            </p>
          ) : null}
          {sections.map((section) => (
            <PartnerKindSection key={section.kind} partner={partner} section={section} />
          ))}
          <PartnerRoadmapItems items={roadmapItems} />
          <SummaryList summaries={boardSummaries} />
        </div>
        <aside className="govuk-grid-column-one-third">
          <PartnerFacts sections={sections} applied={applied} digitalLead={digitalLead} />
          {leadChoice ? <DigitalLeadForm {...leadChoice} errors={errors.digitalLead} /> : null}
          <PartnerActivity items={activity} />
        </aside>
      </div>
    </>
  );
}

export { ErrorPage as ErrorBoundary } from "~/components/error-page";

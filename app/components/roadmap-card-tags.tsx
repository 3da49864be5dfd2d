import { useI18n } from "~/i18n/use-t";
import type { RagValue } from "~/roadmap/roadmap-query";
import type { RoadmapStatus } from "../../db/enums";

const STATUS_COLOURS: Record<RoadmapStatus, string> = {
  proposed: "govuk-tag--grey",
  planned: "govuk-tag--light-blue",
  "in-progress": "govuk-tag--blue",
  delivered: "govuk-tag--green",
  paused: "govuk-tag--yellow",
  cancelled: "govuk-tag--red",
};

const RAG_COLOURS: Record<Exclude<RagValue, "none">, string> = {
  "on-track": "govuk-tag--green",
  "at-risk": "govuk-tag--orange",
  "off-track": "govuk-tag--red",
};

export function RoadmapStatusTag({ status }: { status: RoadmapStatus }) {
  const { t } = useI18n();
  return <strong className={`govuk-tag ${STATUS_COLOURS[status]}`}>{t(`roadmapViews.status.${status}`)}</strong>;
}

/** The latest RAG rating, named in words (colour alone says nothing to some readers); nothing before a first update. */
export function RagTag({ rag }: { rag: RagValue | null }) {
  const { t } = useI18n();
  if (!rag || rag === "none") return null;
  return (
    <strong className={`govuk-tag ${RAG_COLOURS[rag]}`}>
      <span className="govuk-visually-hidden">{t("roadmapViews.ragLabel")}: </span>
      {t(`roadmapViews.rag.${rag}`)}
    </strong>
  );
}

export function StaleTag() {
  const { t } = useI18n();
  return (
    <strong className="govuk-tag govuk-tag--pink" title={t("roadmapViews.staleHint")}>
      {t("roadmapViews.stale")}
    </strong>
  );
}

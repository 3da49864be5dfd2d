import { useI18n } from "~/i18n/use-t";
import type { RagRating, RoadmapStatus } from "../../db/enums";

const STATUS_COLOURS: Record<RoadmapStatus, string> = {
  proposed: "govuk-tag--grey",
  planned: "govuk-tag--light-blue",
  "in-progress": "govuk-tag--blue",
  delivered: "govuk-tag--green",
  paused: "govuk-tag--yellow",
  cancelled: "govuk-tag--grey",
};

/** Colour never carries the rating alone: the tag always says it in words too. */
const RATING_COLOURS: Record<RagRating, string> = {
  "on-track": "govuk-tag--green",
  "at-risk": "govuk-tag--orange",
  "off-track": "govuk-tag--red",
};

export function RoadmapStatusTag({ status }: { status: RoadmapStatus }) {
  const { t } = useI18n();
  return <strong className={`govuk-tag ${STATUS_COLOURS[status]}`}>{t(`roadmap.status.${status}`)}</strong>;
}

export function RagTag({ rating }: { rating: RagRating }) {
  const { t } = useI18n();
  return <strong className={`govuk-tag ${RATING_COLOURS[rating]}`}>{t(`roadmap.rating.${rating}`)}</strong>;
}

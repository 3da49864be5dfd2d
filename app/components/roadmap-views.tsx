import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import { quarterAt, quarterIndex, type RagValue } from "~/roadmap/roadmap-query";
import { ROADMAP_STATUSES, type RoadmapStatus } from "../../db/enums";
import { RagTag, RoadmapStatusTag, StaleTag } from "./roadmap-card-tags";

/** What a card shows of an item (the loader's shape, client-safe). */
export interface RoadmapCardView {
  slug: string;
  title: string;
  themeName: string;
  status: RoadmapStatus;
  startQuarter: string;
  targetQuarter: string;
  ownerName: string | null;
  rag: RagValue;
  stale: boolean;
}

/** `2026-Q3` as people read it: "2026 Q3". */
function useQuarterName() {
  const { t } = useI18n();
  return (quarter: string) => {
    const match = /^(\d{4})-Q([1-4])$/.exec(quarter);
    return match ? t("roadmapViews.quarterName", { year: match[1] ?? "", quarter: match[2] ?? "" }) : quarter;
  };
}

function RoadmapCard({ item }: { item: RoadmapCardView }) {
  const { t } = useI18n();
  const quarterName = useQuarterName();
  return (
    <li className="app-roadmap-card">
      <h3 className="govuk-heading-s govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/roadmap/${item.slug}`}>
          {item.title}
        </Link>
      </h3>
      <p className="app-roadmap-card__tags">
        <RoadmapStatusTag status={item.status} /> <RagTag rag={item.rag} /> {item.stale ? <StaleTag /> : null}
      </p>
      <dl className="app-roadmap-card__facts govuk-body-s">
        <div>
          <dt>{t("roadmapViews.theme")}</dt>
          <dd>{item.themeName}</dd>
        </div>
        <div>
          <dt>{t("roadmapViews.target")}</dt>
          <dd>{quarterName(item.targetQuarter)}</dd>
        </div>
        <div>
          <dt>{t("roadmapViews.owner")}</dt>
          <dd>{item.ownerName ?? t("roadmapViews.noOwner")}</dd>
        </div>
        {item.rag === "none" ? (
          <div>
            <dt>{t("roadmapViews.ragLabel")}</dt>
            <dd>{t("roadmapViews.rag.none")}</dd>
          </div>
        ) : null}
      </dl>
    </li>
  );
}

/**
 * The board: a section per status, in the order items move through them, each
 * with its cards; only the chosen statuses' sections when the status filter is on.
 */
export function RoadmapBoard({ items, statuses }: { items: RoadmapCardView[]; statuses: readonly string[] }) {
  const { t } = useI18n();
  const shown = statuses.length > 0 ? ROADMAP_STATUSES.filter((status) => statuses.includes(status)) : ROADMAP_STATUSES;
  return (
    <div className="app-roadmap-board">
      {shown.map((status) => {
        const cards = items.filter((item) => item.status === status);
        return (
          <section key={status} className="app-roadmap-board__column" aria-labelledby={`board-${status}`}>
            <h2 className="govuk-heading-s app-roadmap-board__heading" id={`board-${status}`}>
              {t(`roadmapViews.status.${status}`)} <span className="app-facet__count">({cards.length})</span>
            </h2>
            {cards.length > 0 ? (
              <ul className="app-roadmap-board__cards">
                {cards.map((item) => (
                  <RoadmapCard key={item.slug} item={item} />
                ))}
              </ul>
            ) : (
              <p className="govuk-body-s app-roadmap-board__empty">{t("roadmapViews.columnEmpty")}</p>
            )}
          </section>
        );
      })}
    </div>
  );
}

/**
 * The timeline: a row per quarter in which some item is under way, from the
 * earliest start to the latest target, each listing the items under way then,
 * marked where they start and where they are due. Quarters with nothing under
 * way are left out (an item dated years ahead leaves no run of empty rows),
 * and every item shown on the board is on it. A table, so that each row reads
 * as its quarter.
 */
const quartersOf = ({ start, target }: { start: number; target: number }) =>
  Array.from({ length: target - start + 1 }, (_, index) => start + index);

export function RoadmapTimeline({ items }: { items: RoadmapCardView[] }) {
  const { t } = useI18n();
  const quarterName = useQuarterName();
  const spans = items.flatMap((item) => {
    const start = quarterIndex(item.startQuarter);
    const target = quarterIndex(item.targetQuarter);
    return start === null || target === null ? [] : [{ item, start, target: Math.max(start, target) }];
  });
  if (spans.length === 0) return null;
  const quarters = [...new Set(spans.flatMap((span) => quartersOf(span)))].sort((a, b) => a - b);
  return (
    <table className="govuk-table app-roadmap-timeline">
      <caption className="govuk-table__caption govuk-table__caption--s">{t("roadmapViews.timelineCaption")}</caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          <th scope="col" className="govuk-table__header app-roadmap-timeline__quarter">
            {t("roadmapViews.quarter")}
          </th>
          <th scope="col" className="govuk-table__header">
            {t("roadmapViews.running")}
          </th>
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {quarters.map((quarter) => {
          const running = spans.filter((span) => span.start <= quarter && quarter <= span.target);
          return (
            <tr key={quarter} className="govuk-table__row">
              <th scope="row" className="govuk-table__header app-roadmap-timeline__quarter">
                {quarterName(quarterAt(quarter))}
              </th>
              <td className="govuk-table__cell">
                {
                  <ul className="app-roadmap-timeline__items">
                    {running.map(({ item, start, target }) => {
                      const marker =
                        start === quarter && target === quarter
                          ? t("roadmapViews.startsAndDue")
                          : start === quarter
                            ? t("roadmapViews.starts")
                            : target === quarter
                              ? t("roadmapViews.due")
                              : null;
                      const edge = start === quarter ? " app-roadmap-timeline__item--starts" : "";
                      const end = target === quarter ? " app-roadmap-timeline__item--due" : "";
                      return (
                        <li key={item.slug} className={`app-roadmap-timeline__item${edge}${end}`}>
                          <Link className="govuk-link" to={`/roadmap/${item.slug}`}>
                            {item.title}
                          </Link>
                          {/* Its rating and flags where it starts and where it is due; in between, its name. */}
                          {marker ? (
                            <>
                              <span className="app-roadmap-timeline__marker"> ({marker})</span>{" "}
                              <RagTag rag={item.rag} /> {item.stale ? <StaleTag /> : null}
                            </>
                          ) : null}
                        </li>
                      );
                    })}
                  </ul>
                }
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

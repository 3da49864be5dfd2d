import { Link } from "@remix-run/react";
import { isMessageKey } from "~/i18n/translate";
import { useI18n } from "~/i18n/use-t";
import type { PostKind, PostStatus } from "~/posts/post-kinds";
import type { RagValue } from "~/roadmap/roadmap-query";
import type { BoardFacts, FinderHit } from "~/search/finder-results";
import { searchHref, type TextSegment } from "~/search/search-query";
import type { RoadmapStatus } from "../../db/enums";
import { KindTag, StatusTag } from "./post-tags";
import { RagTag, RoadmapStatusTag } from "./roadmap-card-tags";

function Highlighted({ segments }: { segments: TextSegment[] }) {
  return (
    <>
      {segments.map((segment, index) =>
        // biome-ignore lint/suspicious/noArrayIndexKey: segments are static text in a fixed order
        segment.match ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
      )}
    </>
  );
}

/**
 * The tags that say what a result is: for a post, its kind and (unless
 * published) its status; for a roadmap item, that it is one, its status and
 * its latest RAG rating.
 */
function HitTags({ hit }: { hit: Pick<FinderHit, "type" | "kind" | "status" | "rag"> }) {
  const { t } = useI18n();
  if (hit.type === "roadmap_item") {
    return (
      <>
        <strong className="govuk-tag govuk-tag--purple">{t("finder.roadmapItem")}</strong>{" "}
        <RoadmapStatusTag status={hit.status as RoadmapStatus} /> <RagTag rag={hit.rag as RagValue | null} />
      </>
    );
  }
  if (hit.type === "meeting" || hit.type === "paper" || hit.type === "decision") {
    return <BoardRecordTags type={hit.type} status={hit.status} />;
  }
  if (hit.type === "post" && hit.kind) {
    return (
      <>
        <KindTag kind={hit.kind as PostKind} /> <StatusTag status={hit.status as PostStatus} />
      </>
    );
  }
  return null;
}

/** A board record's type, and the status that matters for it: a meeting's, a decision's. */
function BoardRecordTags({ type, status }: { type: "meeting" | "paper" | "decision"; status: string }) {
  const { t } = useI18n();
  const statusKey = type === "meeting" ? `boardSearch.meetingStatus.${status}` : `boardSearch.decisionStatus.${status}`;
  return (
    <>
      <strong className="govuk-tag govuk-tag--turquoise">{t(`boardSearch.${type}`)}</strong>
      {type !== "paper" && isMessageKey(statusKey) ? (
        <>
          {" "}
          <strong className="govuk-tag govuk-tag--grey">{t(statusKey)}</strong>
        </>
      ) : null}
    </>
  );
}

/** Where a board record belongs: its board and meeting date, and a paper's file type. */
function BoardFactsLine({ facts }: { facts: BoardFacts }) {
  const { t, date } = useI18n();
  const fileKey = `boardSearch.fileType.${facts.fileType ?? ""}`;
  return (
    <>
      {facts.boardName} · {t("boardSearch.meetingOf", { date: date(facts.meetingAt) })}
      {isMessageKey(fileKey) ? ` · ${t(fileKey)}` : null}
    </>
  );
}

/** "title", "sections.recommendation"... in words; a part without words of its own is "Details". */
function usePartName() {
  const { t } = useI18n();
  return (part: string) => {
    const key = part.startsWith("sections.") ? part : `finder.part.${part}`;
    return t(isMessageKey(key) ? key : "finder.part.other");
  };
}

/**
 * The finder's results. Each link carries the finder's address as its state
 * (`backTo`), so that the record's page can offer "Back to results".
 */
export function FinderResultList({
  hits,
  firstNumber,
  backTo,
  topicName,
}: {
  hits: FinderHit[];
  firstNumber: number;
  backTo: string;
  topicName: (tag: string) => string;
}) {
  const { t, date } = useI18n();
  const partName = usePartName();
  return (
    <ol className="app-results" start={firstNumber} aria-label={t("finder.results")}>
      {hits.map((hit) => (
        <li key={hit.url} className="app-post-card">
          <h3 className="govuk-heading-m govuk-!-margin-bottom-2">
            <Link className="govuk-link" to={hit.url} state={{ backTo }}>
              <Highlighted segments={hit.title} />
            </Link>
          </h3>
          <p className="app-post-meta">
            <HitTags hit={hit} />{" "}
            {hit.boardFacts ? (
              <BoardFactsLine facts={hit.boardFacts} />
            ) : (
              <>
                {hit.themeName ? `${t("finder.theme", { theme: hit.themeName })} · ` : null}
                {hit.partners.map((partner) => partner.name).join(", ")} · {date(hit.date)}
              </>
            )}
          </p>
          <p className="govuk-body govuk-!-margin-bottom-2">
            <Highlighted segments={hit.snippet} />
          </p>
          {hit.matchedIn ? (
            <p className="govuk-body-s app-matched-in">{t("finder.matchedIn", { part: partName(hit.matchedIn) })}</p>
          ) : null}
          {hit.tags.length > 0 ? (
            <ul className="app-tag-list govuk-body-s" aria-label={t("posts.tags")}>
              {hit.tags.map((tag) => (
                <li key={tag}>
                  <Link className="govuk-link govuk-link--muted" to={searchHref({ tag: [tag] })}>
                    {topicName(tag)}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

import { Link } from "@remix-run/react";
import { fileSizeMessage } from "~/files/file-types";
import { useI18n } from "~/i18n/use-t";
import type { PaperFileType } from "../../db/enums";

export interface MeetingPapersData {
  meetingId: number;
  papers: {
    id: number;
    title: string;
    confidential: boolean;
    fileType: PaperFileType;
    size: number;
    agendaItem: { id: number; position: number; title: string } | null;
  }[];
  canManage: boolean;
}

/** A paper's type and size: "PDF, 1.2 MB". */
export function useFileFacts() {
  const { t } = useI18n();
  return (fileType: PaperFileType, size: number) => {
    const { key, size: amount } = fileSizeMessage(size);
    return t("papers.fileFacts", { type: t(`papers.fileType.${fileType}`), size: t(key, { size: amount }) });
  };
}

/**
 * The meeting page's papers, grouped by agenda item (those on none last),
 * with their type and size, a "Confidential" tag (shown only to those who
 * may see such a paper), and "Add a paper" for the board's managers. Its data
 * comes from papersForMeeting (app/papers/papers.server.ts).
 */
export function MeetingPapers({ data, headingLevel = 2 }: { data: MeetingPapersData; headingLevel?: 2 | 3 }) {
  const { t } = useI18n();
  const facts = useFileFacts();
  const Heading = `h${headingLevel}` as const;
  const groups: { key: string; title: string | null; papers: MeetingPapersData["papers"] }[] = [];
  for (const paper of data.papers) {
    const key = paper.agendaItem ? String(paper.agendaItem.id) : "none";
    let group = groups.find((candidate) => candidate.key === key);
    if (!group) {
      group = {
        key,
        title: paper.agendaItem
          ? t("papers.meeting.agendaItem", { position: paper.agendaItem.position, title: paper.agendaItem.title })
          : null,
        papers: [],
      };
      groups.push(group);
    }
    group.papers.push(paper);
  }
  return (
    <section className="app-meeting-papers" aria-labelledby="meeting-papers-heading">
      <Heading className="govuk-heading-m" id="meeting-papers-heading">
        {t("papers.meeting.heading")}
      </Heading>
      {groups.length === 0 ? <p className="govuk-body">{t("papers.meeting.none")}</p> : null}
      {groups.map((group) => (
        <div key={group.key}>
          {group.title || groups.length > 1 ? (
            <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-1 app-break-words">
              {group.title ?? t("papers.meeting.otherPapers")}
            </p>
          ) : null}
          <ul className="govuk-list">
            {group.papers.map((paper) => (
              <li key={paper.id}>
                <Link className="govuk-link app-break-words" to={`/papers/${paper.id}`}>
                  {paper.title}
                </Link>{" "}
                <span className="govuk-body-s app-meeting-papers__facts">({facts(paper.fileType, paper.size)})</span>
                {paper.confidential ? (
                  <>
                    {" "}
                    <strong className="govuk-tag govuk-tag--red">{t("papers.confidential")}</strong>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        </div>
      ))}
      {data.canManage ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/meetings/${data.meetingId}/papers/new`}>
            {t("papers.meeting.add")}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

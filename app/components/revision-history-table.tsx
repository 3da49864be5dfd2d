import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { ChangeSource } from "../../db/enums";

export interface RevisionRow {
  number: number;
  createdAt: Date | string;
  source: ChangeSource;
  actorName: string | null;
  changeNote: string | null;
  /** The record's title at this revision. */
  title: string;
  /** Its status at this revision, in words. */
  statusLabel: string;
  /** Where this revision is compared with the one before, when it can be. */
  compareTo?: string;
}

const COLUMNS = [
  "history.revision",
  "history.when",
  "history.who",
  "history.status",
  "history.titleAtRevision",
  "history.note",
] as const;

/** Who made a revision when no person is recorded: the import, a script, the Hub itself, or an account since removed. */
const SOURCE_NAMES = {
  import: "history.import",
  script: "history.script",
  system: "history.system",
  web: "history.unknown",
} as const;

/** A record's revisions, newest first: number, when, who, status, title and note (any record type). */
export function RevisionHistoryTable({ revisions }: { revisions: RevisionRow[] }) {
  const { t, dateTime } = useI18n();
  const [label, when, who, status, title, note] = COLUMNS.map((column) => t(column));
  return (
    <table className="govuk-table app-table-reflow">
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {COLUMNS.map((column) => (
            <th key={column} scope="col" className="govuk-table__header">
              {t(column)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {revisions.map((revision) => (
          <tr className="govuk-table__row" key={revision.number}>
            <td className="govuk-table__cell" data-label={label}>
              {revision.number}
            </td>
            <td className="govuk-table__cell" data-label={when}>
              {dateTime(revision.createdAt)}
            </td>
            <td className="govuk-table__cell" data-label={who}>
              {revision.actorName ?? t(SOURCE_NAMES[revision.source])}
            </td>
            <td className="govuk-table__cell" data-label={status}>
              {revision.statusLabel}
            </td>
            <td className="govuk-table__cell app-break-words" data-label={title}>
              {revision.title}
            </td>
            <td className="govuk-table__cell app-break-words" data-label={note}>
              {revision.changeNote ?? (revision.source === "import" ? t("history.importedFrom") : "")}
              {revision.compareTo ? (
                <>
                  {revision.changeNote || revision.source === "import" ? <br /> : null}
                  <Link className="govuk-link" to={revision.compareTo}>
                    {t("history.compareWithPrevious", { number: revision.number - 1 })}
                  </Link>
                </>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

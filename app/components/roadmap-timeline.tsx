import { useI18n } from "~/i18n/use-t";
import type { TimelineEntry } from "~/roadmap/roadmap-items.server";

type Entry = TimelineEntry;

/** An item's timeline, newest first: its creation, status and owner changes and progress updates, with who and when. */
export function RoadmapTimeline({ entries }: { entries: Entry[] }) {
  const { t, date, dateTime } = useI18n();
  const actorOf = (entry: Entry) => entry.actorName ?? t("roadmap.timeline.import");
  const sentence = (entry: Entry): string => {
    const actor = actorOf(entry);
    switch (entry.kind) {
      case "created":
        return t("roadmap.timeline.created", { actor, status: t(`roadmap.status.${entry.status}`) });
      case "status_changed":
        return t("roadmap.timeline.statusChanged", {
          actor,
          from: t(`roadmap.status.${entry.from}`),
          to: t(`roadmap.status.${entry.to}`),
        });
      case "owner_assigned":
        return t("roadmap.timeline.ownerAssigned", {
          actor,
          owner: entry.ownerName ?? t("roadmap.timeline.formerUser"),
        });
      case "progress_posted":
        return t("roadmap.timeline.progressPosted", {
          actor,
          date: date(entry.updateDate),
          rating: t(`roadmap.rating.${entry.rating}`),
        });
    }
  };
  return (
    <ol className="govuk-list app-roadmap-timeline">
      {entries.map((entry) => (
        <li key={entry.id} className="app-roadmap-timeline__entry">
          <p className="govuk-body govuk-!-margin-bottom-1">{sentence(entry)}</p>
          <p className="govuk-body-s app-roadmap-timeline__when">
            <time dateTime={new Date(entry.occurredAt).toISOString()}>{dateTime(entry.occurredAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}

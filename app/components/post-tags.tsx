import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind, PostStatus } from "~/posts/post-kinds";
import { tagInWords } from "~/posts/topic-words";

const KIND_COLOURS: Record<PostKind, string> = {
  strategy: "govuk-tag--blue",
  aspiration: "govuk-tag--purple",
  lesson: "govuk-tag--green",
  "case-study": "govuk-tag--turquoise",
};

export function KindTag({ kind }: { kind: PostKind }) {
  const { t } = useI18n();
  return <strong className={`govuk-tag ${KIND_COLOURS[kind]}`}>{t(`kinds.${kind}`)}</strong>;
}

export function StatusTag({ status }: { status: PostStatus }) {
  const { t } = useI18n();
  if (status === "published") return null;
  return (
    <strong className={`govuk-tag ${status === "draft" ? "govuk-tag--yellow" : "govuk-tag--grey"}`}>
      {t(`statuses.${status}`)}
    </strong>
  );
}

/** A post's topics, by name (`names`, when the page has them) or in words, each leading to the finder. */
export function TagLinks({ tags, names }: { tags: string[]; names?: Record<string, string> }) {
  const { t } = useI18n();
  if (tags.length === 0) return null;
  return (
    <ul className="app-tag-list" aria-label={t("posts.tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link className="govuk-link govuk-body-s" to={`/search?tag=${encodeURIComponent(tag)}`}>
            {names?.[tag] ?? tagInWords(tag)}
          </Link>
        </li>
      ))}
    </ul>
  );
}

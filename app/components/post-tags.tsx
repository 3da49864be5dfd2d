import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind, PostStatus } from "~/posts/post-kinds";

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

export function TagLinks({ tags }: { tags: string[] }) {
  const { t } = useI18n();
  if (tags.length === 0) return null;
  return (
    <ul className="app-tag-list" aria-label={t("posts.tags")}>
      {tags.map((tag) => (
        <li key={tag}>
          <Link className="govuk-link govuk-body-s" to={`/posts?tag=${encodeURIComponent(tag)}`}>
            #{tag}
          </Link>
        </li>
      ))}
    </ul>
  );
}

import { Link } from "@remix-run/react";
import { useI18n } from "~/i18n/use-t";
import type { PostKind, PostStatus } from "~/posts/post-kinds";
import { KindTag, StatusTag, TagLinks } from "./post-tags";

/** What a list needs to show one post; dates arrive serialised from the loader. */
export interface PostCardData {
  slug: string;
  kind: PostKind;
  status: PostStatus;
  title: string;
  summary: string;
  partner: { slug: string; shortName: string };
  tags: string[];
  publishedAt: string | Date | null;
  updatedAt: string | Date;
}

export function PostCard({ post, headingLevel = 2 }: { post: PostCardData; headingLevel?: 2 | 3 }) {
  const { t, date } = useI18n();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <article className="app-post-card">
      <Heading className="govuk-heading-m govuk-!-margin-bottom-2">
        <Link className="govuk-link" to={`/posts/${post.slug}`}>
          {post.title}
        </Link>
      </Heading>
      <p className="app-post-meta">
        <KindTag kind={post.kind} /> <StatusTag status={post.status} />{" "}
        <Link className="govuk-link govuk-link--muted" to={`/partners/${post.partner.slug}`}>
          {post.partner.shortName}
        </Link>
        {" · "}
        {post.publishedAt
          ? t("posts.published", { date: date(post.publishedAt) })
          : t("posts.updated", { date: date(post.updatedAt) })}
      </p>
      <p className="govuk-body">{post.summary}</p>
      <TagLinks tags={post.tags} />
    </article>
  );
}

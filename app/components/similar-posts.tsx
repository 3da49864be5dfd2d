import { Link } from "@remix-run/react";
import type { MessageKey } from "~/i18n/en";
import { useI18n } from "~/i18n/use-t";

/** A similar post as the page gets it (see SimilarPost in app/search/similar-records.server.ts). */
export interface SimilarPostData {
  url: string;
  title: string;
  kind: string;
  partnerNames: string[];
  samePartner: boolean;
}

/** "Similar posts": each with its kind and partner; nothing at all when there are none. */
export function SimilarPosts({ posts }: { posts: SimilarPostData[] }) {
  const { t } = useI18n();
  if (posts.length === 0) return null;
  return (
    <section className="app-similar-posts" aria-labelledby="similar-posts">
      <h2 className="govuk-heading-m" id="similar-posts">
        {t("similarPosts.title")}
      </h2>
      <ul className="govuk-list app-similar-posts__list">
        {posts.map((post) => (
          <li key={post.url} className="app-similar-posts__item">
            <Link className="govuk-link" to={post.url}>
              {post.title}
            </Link>
            <p className="govuk-body-s app-similar-posts__meta">
              {t(`kinds.${post.kind}` as MessageKey)} · {post.partnerNames.join(", ")}
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}

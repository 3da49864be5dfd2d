/**
 * Who may see and change posts: the one rule, used by the commands, the
 * queries (`postsVisibleTo`), the search documents (`readers` becomes their
 * visibility) and the routes. Drafts and archived posts belong to their
 * partner's editors; published posts are for every member of staff.
 */
import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import type { ResponseKind } from "../../db/enums";
import { posts } from "../../db/schema";
import { authorize, can, type RecordPolicy } from "../auth/policy";
import {
  ADMIN,
  EVERYONE,
  editedPartnerIds,
  holdsAny,
  type Principal,
  partnerEditors,
  principalsOf,
  type SessionUser,
} from "../auth/principals";
import { ForbiddenError } from "../platform/errors";
import type { PostKind, PostStatus } from "./post-kinds";

/** What the rule needs to know of a post. */
export interface PostAccessFacts {
  partnerId: number;
  status: PostStatus;
}

/**
 * Actions beyond reading; `readDraftHistory` is seeing the revisions that were not published;
 * `confirmReview` is confirming a published post still accurate (its author is one of its partner's editors).
 */
export type PostAction = "edit" | "delete" | "readDraftHistory" | "confirmReview";

function managers(partnerId: number): Principal[] {
  return [partnerEditors(partnerId), ADMIN];
}

export const postPolicy: RecordPolicy<PostAccessFacts, PostAction> = {
  recordType: "post",
  readers: (post) => (post.status === "published" ? [EVERYONE] : managers(post.partnerId)),
  allowed: (_action, post) => managers(post.partnerId),
};

export function canOnPost(user: SessionUser, action: PostAction | "read", post: PostAccessFacts): boolean {
  return can(postPolicy, user, action, post);
}

/** Throws NotFoundError (may not see it) or ForbiddenError (may see it, may not do this). */
export function authorizePost(user: SessionUser, action: PostAction | "read", post: PostAccessFacts): void {
  authorize(postPolicy, user, action, post);
}

/** May this person publish for this partner? */
export function canWriteForPartner(user: SessionUser, partnerId: number): boolean {
  return holdsAny(user, managers(partnerId));
}

/** May this person write posts at all (for some partner)? */
export function canWritePosts(user: SessionUser): boolean {
  return principalsOf(user).includes(ADMIN) || editedPartnerIds(user).length > 0;
}

/**
 * The SQL condition for the posts this person may see: `readers()` read
 * backwards (published posts for everyone, the rest for their partner's
 * editors and admins). Undefined means every post.
 */
export function postsVisibleTo(user: SessionUser): SQL | undefined {
  const held = principalsOf(user);
  if (held.includes(ADMIN)) return undefined;
  const conditions: SQL[] = [];
  if (held.includes(EVERYONE)) conditions.push(eq(posts.status, "published"));
  const edited = editedPartnerIds(user);
  if (edited.length > 0) conditions.push(inArray(posts.partnerId, edited));
  return conditions.length > 0 ? or(...conditions) : sql`0`;
}

/** The kinds a partner can say it applied: lessons and case studies, not another partner's plans. */
export const APPLICABLE_KINDS = ["lesson", "case-study"] as const;

/** What each kind of partner response is said of: "we applied this" of lessons, "we want this too" of aspirations. */
export const RESPONSE_TARGET_KINDS: Record<ResponseKind, readonly PostKind[]> = {
  applied: APPLICABLE_KINDS,
  interested: ["aspiration"],
};

/**
 * May this person respond for their partner to this post ("we applied this",
 * "we want this too")? Any member of staff of another partner (readers
 * included: reuse and demand are often known to people who do not write for
 * the Hub), on a published post of the kind the response is about. Their own
 * partner's posts are not theirs to claim or want, and a draft or archived
 * post is not there to respond to. Admins respond for their own partner, like anyone.
 */
export function canRespondToPost(
  user: SessionUser,
  kind: ResponseKind,
  post: PostAccessFacts & { kind: PostKind },
): boolean {
  return (
    post.status === "published" &&
    RESPONSE_TARGET_KINDS[kind].includes(post.kind) &&
    post.partnerId !== user.partnerId &&
    holdsAny(user, [EVERYONE])
  );
}

/** May this person record that their partner applied this post (a lesson or case study)? */
export function canRecordApplication(user: SessionUser, post: PostAccessFacts & { kind: PostKind }): boolean {
  return canRespondToPost(user, "applied", post);
}

/** May this person say (or take back) that their partner wants this aspiration too? */
export function canRegisterInterest(user: SessionUser, post: PostAccessFacts & { kind: PostKind }): boolean {
  return canRespondToPost(user, "interested", post);
}

/** Throws NotFoundError (may not see the post) or ForbiddenError (may see it, may not respond to it). */
export function authorizeResponse(
  user: SessionUser,
  kind: ResponseKind,
  post: PostAccessFacts & { kind: PostKind },
): void {
  authorizePost(user, "read", post);
  if (!canRespondToPost(user, kind, post))
    throw new ForbiddenError(
      kind === "applied"
        ? "You may not record that your partner applied this post"
        : "You may not register your partner's interest in this post",
    );
}

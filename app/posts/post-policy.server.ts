/**
 * Who may see and change posts: the one rule, used by the commands, the
 * queries (`postsVisibleTo`), the search documents (`readers` becomes their
 * visibility) and the routes. Drafts and archived posts belong to their
 * partner's editors; published posts are for every member of staff.
 */
import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
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

/**
 * May this person record that their partner applied this post? Any member of
 * staff of another partner (readers included: reuse is often done by people
 * who do not write for the Hub), on a published lesson or case study. Their
 * own partner's posts are not theirs to claim, and a draft or archived post
 * is not there to be applied. Admins record for their own partner, like anyone.
 */
export function canRecordApplication(user: SessionUser, post: PostAccessFacts & { kind: PostKind }): boolean {
  return (
    post.status === "published" &&
    (APPLICABLE_KINDS as readonly PostKind[]).includes(post.kind) &&
    post.partnerId !== user.partnerId &&
    holdsAny(user, [EVERYONE])
  );
}

/** Throws NotFoundError (may not see the post) or ForbiddenError (may see it, may not record it). */
export function authorizeApplication(user: SessionUser, post: PostAccessFacts & { kind: PostKind }): void {
  authorizePost(user, "read", post);
  if (!canRecordApplication(user, post))
    throw new ForbiddenError("You may not record that your partner applied this post");
}

/**
 * Pure permission rules, shared by the domain commands (which enforce them)
 * and the UI (which only hides what would be refused anyway).
 */
import type { PostStatus, Role } from "../../db/enums";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: number | null;
}

export interface PostAccessFacts {
  partnerId: number;
  status: PostStatus;
}

export function isAdmin(user: SessionUser): boolean {
  return user.role === "admin";
}

/** Editors of the partner and admins manage the partner's posts. */
export function canManagePartnerPosts(user: SessionUser, partnerId: number): boolean {
  return isAdmin(user) || (user.role === "editor" && user.partnerId === partnerId);
}

/** Anyone signed in reads published posts; drafts and archived posts stay with their partner's editors. */
export function canReadPost(user: SessionUser, post: PostAccessFacts): boolean {
  return post.status === "published" || canManagePartnerPosts(user, post.partnerId);
}

export function canCreatePosts(user: SessionUser): boolean {
  return isAdmin(user) || (user.role === "editor" && user.partnerId !== null);
}

export function canEditPost(user: SessionUser, post: PostAccessFacts): boolean {
  return canManagePartnerPosts(user, post.partnerId);
}

/**
 * Partners whose unpublished posts the user may see: null means all of them
 * (admin), an empty list means none (reader).
 */
export function partnersWithUnpublishedAccess(user: SessionUser): number[] | null {
  if (isAdmin(user)) return null;
  if (user.role === "editor" && user.partnerId !== null) return [user.partnerId];
  return [];
}

/**
 * The post form's action, for writing a post and for editing one: each
 * button's intent ("Save as draft", "Preview and publish", "Publish",
 * "Save changes", "Archive this post", "Go back and change") turned into a
 * preview, the form again, or a save. The preview and the way back write
 * nothing: the typed values travel in the page.
 */
import { data } from "@remix-run/node";
import type { SessionUser } from "../auth/principals";
import { orRespond, readForm, runFormCommand } from "../platform/http.server";
import { redirectWithNotice } from "../platform/notice.server";
import { echoFormValues, isPostIntent, statusForIntent } from "./post-form-values";
import type { PostStatus } from "./post-kinds";
import { noticeAfterSave } from "./post-notices.server";
import { postFormToInput } from "./post-schemas";
import { getPostForEditing } from "./posts.server";
import { previewPost } from "./preview-post.server";
import { createPost, updatePost } from "./save-post.server";

/** `slug` names the post being edited; without it, a new post is written. */
export async function postFormAction(request: Request, actor: SessionUser, slug?: string) {
  const form = await readForm(request);
  const { fields, changeNote } = postFormToInput(form);
  const values = echoFormValues(fields, changeNote);
  const intent = form.get("intent");
  if (intent !== null) {
    if (!isPostIntent(intent)) {
      return data({ errors: { status: ["errors.intent.unknown"] }, values, preview: null }, { status: 400 });
    }
    if (intent === "change") return { errors: {}, values, preview: null };
    if (intent === "preview") {
      const result = runFormCommand(() => previewPost({ actor, fields, slug }));
      if (!result.ok) return data({ errors: result.errors, values, preview: null }, { status: 400 });
      return { errors: {}, values, preview: result.value };
    }
    // "Save changes" keeps the status the post has; who may edit it is settled here first.
    const current: PostStatus | null =
      slug === undefined || intent !== "save" ? null : orRespond(() => getPostForEditing(actor, slug).status);
    fields.status = statusForIntent(intent, current);
  }
  // Without an intent (a client of the Hub's own forms over HTTP), the status field says what to do.
  const result = runFormCommand(() =>
    slug === undefined ? createPost({ actor, fields }) : updatePost({ actor, slug, fields, changeNote }),
  );
  if (!result.ok) return data({ errors: result.errors, values, preview: null }, { status: 400 });
  return redirectWithNotice(
    `/posts/${result.value.slug}`,
    await noticeAfterSave(result.value, { created: slug === undefined }),
  );
}

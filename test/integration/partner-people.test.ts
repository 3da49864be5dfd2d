/**
 * Job titles and digital leads: who may set them (one's own job title; an
 * administrator anyone's, and a partner's digital lead, through the account
 * and partner policies), how the text is kept, and the event each change
 * records in its own transaction.
 */
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/principals";
import { jobTitleOf, setDigitalLead, setJobTitle } from "~/partners/partner-people.server";
import { getDb } from "~/platform/db.server";
import { ForbiddenError, NotFoundError, ValidationError } from "~/platform/errors";
import { postContact } from "~/posts/post-people.server";
import { createPost } from "~/posts/save-post.server";
import { events, partners, posts } from "../../db/schema";
import { givenPartner, givenUser, lessonInput, unique } from "../support/factories";

let partnerSlug: string;
let editor: SessionUser;
let reader: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  partnerSlug = givenPartner(unique("people")).slug;
  editor = await givenUser("editor", partnerSlug);
  reader = await givenUser("reader", partnerSlug);
  admin = await givenUser("admin");
});

const eventsOf = (type: string, recordId: string | number) =>
  getDb()
    .select()
    .from(events)
    .where(and(eq(events.type, type), eq(events.recordId, String(recordId))))
    .all();

describe("job titles", () => {
  it("are one's own to set, kept as one clean line, each change an event, no event when nothing changed", () => {
    setJobTitle(reader, reader.id, "  Service\u0000 desk\u0007\n analyst ");
    expect(jobTitleOf(reader.id)).toBe("Service desk analyst");
    setJobTitle(reader, reader.id, "Service desk analyst");
    expect(eventsOf("user.job-title-changed", reader.id)).toHaveLength(1);
  });

  it("are another person's to set for administrators only; too long is a field error that changes nothing", () => {
    expect(() => setJobTitle(editor, reader.id, "Head of everything")).toThrow(ForbiddenError);
    setJobTitle(admin, reader.id, "Digital lead");
    expect(jobTitleOf(reader.id)).toBe("Digital lead");
    expect(() => setJobTitle(reader, reader.id, "x".repeat(81))).toThrow(ValidationError);
    expect(jobTitleOf(reader.id)).toBe("Digital lead");
  });
});

describe("digital leads", () => {
  const leadOf = () =>
    getDb().select({ lead: partners.digitalLeadId }).from(partners).where(eq(partners.slug, partnerSlug)).get()?.lead;

  it("are named by administrators only, from the partner's members, each change an event", () => {
    expect(() => setDigitalLead(editor, partnerSlug, editor.id)).toThrow(ForbiddenError);
    expect(() => setDigitalLead(admin, partnerSlug, admin.id)).toThrow(ValidationError);
    expect(() => setDigitalLead(admin, unique("nowhere"), editor.id)).toThrow(NotFoundError);
    expect(leadOf()).toBeNull();
    setDigitalLead(admin, partnerSlug, editor.id);
    expect(leadOf()).toBe(editor.id);
    const partnerId = givenPartner(partnerSlug).id;
    expect(eventsOf("partner.digital-lead-changed", partnerId)).toHaveLength(1);
  });
});

describe("a post's contact", () => {
  it("is the person named, else the author, else the partner's digital lead", () => {
    const { id } = createPost({ actor: editor, fields: lessonInput(partnerSlug, { title: unique("Contact") }) });
    const set = (values: { contactId?: string | null; authorId?: string | null }) =>
      getDb().update(posts).set(values).where(eq(posts.id, id)).run();
    expect(postContact({ id })?.name).toBe(editor.name);
    set({ contactId: reader.id });
    expect(postContact({ id })).toMatchObject({ name: reader.name, partnerName: `Partner ${partnerSlug}` });
    set({ contactId: null });
    expect(postContact({ id })?.name).toBe(editor.name);
    setDigitalLead(admin, partnerSlug, reader.id);
    set({ authorId: null });
    expect(postContact({ id })?.name).toBe(reader.name);
    setDigitalLead(admin, partnerSlug, "");
    expect(postContact({ id })).toBeNull();
    setDigitalLead(admin, partnerSlug, editor.id);
  });
});

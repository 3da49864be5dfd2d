/**
 * Reaching into a running Hub's SQLite database, for states no page can
 * produce on demand: a record the server cannot read (to see its 500 page),
 * or records the search relay gave up on (to see the administrators' table of
 * parked records). Each change comes with the function that undoes it; call
 * it in a `finally`, so the shared Hub is as the test found it.
 */
import path from "node:path";
import Database from "better-sqlite3";

function withHubDatabase<T>(dataDir: string, work: (db: Database.Database) => T): T {
  const db = new Database(path.join(dataDir, "hub.db"));
  try {
    db.pragma("busy_timeout = 5000");
    return work(db);
  } finally {
    db.close();
  }
}

export function postId(dataDir: string, slug: string): number {
  return withHubDatabase(dataDir, (db) => {
    const row = db.prepare("select id from posts where slug = ?").get(slug) as { id: number } | undefined;
    if (!row) throw new Error(`No post ${slug} in the Hub's database`);
    return row.id;
  });
}

/** How many posts have this title: a refused create must leave none. */
export function postsTitled(dataDir: string, title: string): number {
  return withHubDatabase(
    dataDir,
    (db) => (db.prepare("select count(*) as n from posts where title = ?").get(title) as { n: number }).n,
  );
}

/** How many partners' responses ("we applied this", "we want this too") a post holds. */
export function partnerResponsesTo(dataDir: string, slug: string): number {
  return withHubDatabase(
    dataDir,
    (db) =>
      (
        db
          .prepare("select count(*) as n from partner_responses where post_id = (select id from posts where slug = ?)")
          .get(slug) as { n: number }
      ).n,
  );
}

/**
 * Stores text that is not JSON as the post's sections, so that reading the
 * post throws: as if the row were corrupt. Lists do not read sections, so only
 * the post's own pages break. Returns the function that puts the sections back.
 */
export function makePostUnreadable(dataDir: string, slug: string): () => void {
  const sections = withHubDatabase(dataDir, (db) => {
    const row = db.prepare("select sections from posts where slug = ?").get(slug) as { sections: string } | undefined;
    if (!row) throw new Error(`No post ${slug} in the Hub's database`);
    db.prepare("update posts set sections = ? where slug = ?").run("{not json", slug);
    return row.sections;
  });
  return () =>
    withHubDatabase(dataDir, (db) => {
      db.prepare("update posts set sections = ? where slug = ?").run(sections, slug);
    });
}

/**
 * Adds records to the search relay's failures: parked, as if Meilisearch had
 * refused them five times, or (with `parked: false`) waiting an hour for their
 * next try. Returns the function that removes them again.
 */
export function failSearchRecords(
  dataDir: string,
  records: { recordId: string; error: string; parked?: boolean }[],
): () => void {
  const now = Date.now();
  withHubDatabase(dataDir, (db) => {
    const insert = db.prepare(
      `insert into consumer_failures
         (consumer, record_type, record_id, attempts, last_error, first_failed_at, last_failed_at, retry_at, parked_at)
       values ('search', 'post', ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      for (const { recordId, error, parked = true } of records) {
        insert.run(
          recordId,
          parked ? 5 : 2,
          error,
          now - 600_000,
          now,
          parked ? null : now + 3_600_000,
          parked ? now : null,
        );
      }
    })();
  });
  return () =>
    withHubDatabase(dataDir, (db) => {
      const remove = db.prepare("delete from consumer_failures where consumer = 'search' and record_id = ?");
      for (const record of records) remove.run(record.recordId);
    });
}

/**
 * Records in the event log that a post changed, as a tool working on the
 * database outside the Hub would, so the search relay looks at it again.
 */
export function recordChange(dataDir: string, id: number): void {
  withHubDatabase(dataDir, (db) => {
    const post = db.prepare("select partner_id from posts where id = ?").get(id) as { partner_id: number };
    db.prepare(
      `insert into events (type, record_type, record_id, actor_id, source, partner_ids, occurred_at, data)
       values ('post.updated', 'post', ?, null, 'script', ?, ?, '{}')`,
    ).run(String(id), JSON.stringify([post.partner_id]), Date.now());
  });
}

/** What the Hub holds, in numbers a write would change: the last event, and the rows of its record tables. */
export function contentFingerprint(dataDir: string): Record<string, number> {
  return withHubDatabase(dataDir, (db) => {
    const one = (query: string) => (db.prepare(query).get() as { n: number | null }).n ?? 0;
    return {
      lastEvent: one("select max(id) as n from events"),
      posts: one("select count(*) as n from posts"),
      revisions: one("select count(*) as n from revisions"),
      users: one("select count(*) as n from users"),
      accountLinks: one("select count(*) as n from account_tokens"),
    };
  });
}

export function userId(dataDir: string, email: string): string {
  return withHubDatabase(dataDir, (db) => {
    const row = db.prepare("select id from users where email = ?").get(email) as { id: string } | undefined;
    if (!row) throw new Error(`No account ${email} in the Hub's database`);
    return row.id;
  });
}

/** Forgets every failed sign-in, so a test that provoked throttling leaves the shared Hub as it found it. */
export function clearSignInThrottle(dataDir: string): void {
  withHubDatabase(dataDir, (db) => {
    db.prepare("delete from sign_in_throttle").run();
  });
}

/**
 * A roadmap item owned by the account at `ownerEmail`, straight into the
 * Hub's database with its event (the typed-link tests need items with
 * owners no form gives them). Returns its id; the item stays (its slug is the test's own).
 */
export function addRoadmapItem(
  dataDir: string,
  item: { slug: string; title: string; ownerEmail: string; partnerSlugs: string[] },
): number {
  return withHubDatabase(dataDir, (db) => {
    const owner = db.prepare("select id from users where email = ?").get(item.ownerEmail) as { id: string } | undefined;
    const theme = db.prepare("select id from roadmap_themes order by id limit 1").get() as { id: number };
    const now = Date.now();
    const { lastInsertRowid } = db
      .prepare(
        `insert into roadmap_items (slug, title, summary, description, theme_id, status, start_quarter, target_quarter,
           owner_id, reviewed_at, created_at, updated_at)
         values (?, ?, 'An item made by an end-to-end test.', '', ?, 'in-progress', '2026-Q1', '2026-Q4', ?, ?, ?, ?)`,
      )
      .run(item.slug, item.title, theme.id, owner?.id ?? null, now, now, now);
    for (const partner of item.partnerSlugs) {
      db.prepare(
        "insert into roadmap_item_partners (item_id, partner_id) select ?, id from partners where slug = ?",
      ).run(lastInsertRowid, partner);
    }
    // Its event, as the item's command would record: the search relay indexes it from there.
    const partnerIds = db
      .prepare("select partner_id as id from roadmap_item_partners where item_id = ?")
      .all(lastInsertRowid)
      .map((row) => (row as { id: number }).id);
    db.prepare(
      `insert into events (type, record_type, record_id, actor_id, source, partner_ids, occurred_at, data)
       values ('roadmap_item.created', 'roadmap_item', ?, null, 'script', ?, ?, ?)`,
    ).run(
      String(lastInsertRowid),
      JSON.stringify(partnerIds),
      now,
      JSON.stringify({ slug: item.slug, title: item.title, status: "in-progress", ownerId: owner?.id ?? null }),
    );
    return Number(lastInsertRowid);
  });
}

/** The id of the newest link from this roadmap item to this post, or null. */
export function newestLinkId(dataDir: string, itemId: number, postId: number): number | null {
  return withHubDatabase(dataDir, (db) => {
    const row = db
      .prepare(
        "select id from record_links where subject_type = 'roadmap_item' and subject_id = ? and object_type = 'post' and object_id = ? order by id desc limit 1",
      )
      .get(String(itemId), String(postId)) as { id: number } | undefined;
    return row?.id ?? null;
  });
}

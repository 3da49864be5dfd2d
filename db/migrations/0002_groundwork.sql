-- Groundwork: lookup tables instead of CHECK constraints, the event log (replacing
-- the search outbox), revisions for any record type, Welsh columns.
-- posts and users are rebuilt (drizzle-kit's table copy). Apply this with foreign keys
-- OFF on the connection, as the Hub does (app/platform/db.server.ts): dropping the old
-- users table with them on would delete every session. (drizzle-kit's own PRAGMA lines
-- are removed: inside the migration's transaction SQLite ignores them anyway.)
CREATE TABLE `consumer_failures` (
	`consumer` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`attempts` integer NOT NULL,
	`last_error` text NOT NULL,
	`first_failed_at` integer NOT NULL,
	`last_failed_at` integer NOT NULL,
	`retry_at` integer,
	`parked_at` integer,
	PRIMARY KEY(`consumer`, `record_type`, `record_id`)
);
--> statement-breakpoint
CREATE INDEX `consumer_failures_retry_idx` ON `consumer_failures` (`consumer`,`retry_at`);--> statement-breakpoint
CREATE TABLE `event_consumers` (
	`name` text PRIMARY KEY NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`type` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`actor_id` text,
	`source` text NOT NULL,
	`partner_ids` text NOT NULL,
	`occurred_at` integer NOT NULL,
	`data` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `events_record_idx` ON `events` (`record_type`,`record_id`,`id`);--> statement-breakpoint
CREATE TABLE `imported_content` (
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`input_hash` text NOT NULL,
	`imported_at` integer NOT NULL,
	PRIMARY KEY(`record_type`, `record_id`)
);
--> statement-breakpoint
CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `post_kinds` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `post_statuses` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `revisions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`number` integer NOT NULL,
	`schema_version` integer NOT NULL,
	`snapshot` text NOT NULL,
	`restricted` integer NOT NULL,
	`change_note` text,
	`actor_id` text,
	`source` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `revisions_number_idx` ON `revisions` (`record_type`,`record_id`,`number`);--> statement-breakpoint
CREATE TABLE `roles` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
-- Data: the lookup tables hold the values of db/enums.ts.
INSERT INTO `roles` (`name`) VALUES ('admin'), ('editor'), ('reader');--> statement-breakpoint
INSERT INTO `post_kinds` (`name`) VALUES ('strategy'), ('aspiration'), ('lesson'), ('case-study');--> statement-breakpoint
INSERT INTO `post_statuses` (`name`) VALUES ('draft'), ('published'), ('archived');--> statement-breakpoint
-- Data: every search update still pending in the old outbox becomes an event the
-- search relay has not read yet, so nothing pending is lost by the upgrade.
INSERT INTO `events` (`type`, `record_type`, `record_id`, `actor_id`, `source`, `partner_ids`, `occurred_at`, `data`)
  SELECT 'post.' || CASE `reason` WHEN 'create' THEN 'created' WHEN 'update' THEN 'updated' WHEN 'delete' THEN 'deleted' ELSE 'reindex-requested' END,
         'post', CAST(`post_id` AS TEXT), NULL, 'system',
         COALESCE((SELECT json_array(`partner_id`) FROM `posts` WHERE `posts`.`id` = `search_outbox`.`post_id`), '[]'),
         `created_at`, json_object('migratedFrom', 'search_outbox', 'reason', `reason`)
  FROM `search_outbox` WHERE `processed_at` IS NULL ORDER BY `id`;--> statement-breakpoint
INSERT INTO `event_consumers` (`name`, `position`, `updated_at`) VALUES ('search', 0, cast(unixepoch('subsec') * 1000 as integer));--> statement-breakpoint
-- Data: post revisions become revisions of record type "post", snapshot version 1.
INSERT INTO `revisions` (`record_type`, `record_id`, `number`, `schema_version`, `snapshot`, `restricted`, `change_note`, `actor_id`, `source`, `created_at`)
  SELECT 'post', CAST(`post_id` AS TEXT), `number`, 1, `snapshot`,
         CASE WHEN json_extract(`snapshot`, '$.status') = 'published' THEN 0 ELSE 1 END,
         NULL, `editor_id`, `source`, `created_at`
  FROM `post_revisions` ORDER BY `id`;--> statement-breakpoint
DROP TABLE `post_revisions`;--> statement-breakpoint
DROP TABLE `search_outbox`;--> statement-breakpoint
CREATE TABLE `__new_posts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`kind` text NOT NULL,
	`partner_id` integer NOT NULL,
	`author_id` text,
	`title` text NOT NULL,
	`title_cy` text,
	`summary` text NOT NULL,
	`summary_cy` text,
	`body` text NOT NULL,
	`body_cy` text,
	`sections` text NOT NULL,
	`sections_cy` text,
	`status` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`kind`) REFERENCES `post_kinds`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`status`) REFERENCES `post_statuses`(`name`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_posts`("id", "slug", "kind", "partner_id", "author_id", "title", "title_cy", "summary", "summary_cy", "body", "body_cy", "sections", "sections_cy", "status", "created_at", "updated_at", "published_at") SELECT "id", "slug", "kind", "partner_id", "author_id", "title", NULL, "summary", NULL, "body", NULL, "sections", NULL, "status", "created_at", "updated_at", "published_at" FROM `posts`;--> statement-breakpoint
-- Data: the copy restarts AUTOINCREMENT at the highest id left; carry the old counter over, so the
-- ids of deleted posts (which the event log and revisions still name) are never given out again.
INSERT INTO `sqlite_sequence` (`name`, `seq`)
  SELECT '__new_posts', 0 WHERE NOT EXISTS (SELECT 1 FROM `sqlite_sequence` WHERE `name` = '__new_posts');--> statement-breakpoint
UPDATE `sqlite_sequence`
  SET `seq` = max(`seq`, COALESCE((SELECT `seq` FROM `sqlite_sequence` WHERE `name` = 'posts'), 0))
  WHERE `name` = '__new_posts';--> statement-breakpoint
DROP TABLE `posts`;--> statement-breakpoint
ALTER TABLE `__new_posts` RENAME TO `posts`;--> statement-breakpoint
CREATE UNIQUE INDEX `posts_slug_idx` ON `posts` (`slug`);--> statement-breakpoint
CREATE INDEX `posts_listing_idx` ON `posts` (`status`,`kind`,`published_at`);--> statement-breakpoint
CREATE INDEX `posts_partner_idx` ON `posts` (`partner_id`,`status`);--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` text PRIMARY KEY NOT NULL,
	`email` text NOT NULL,
	`name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`partner_id` integer,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`role`) REFERENCES `roles`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	CONSTRAINT "users_editor_partner_check" CHECK("role" <> 'editor' or "partner_id" is not null)
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "name", "password_hash", "role", "partner_id", "created_at") SELECT "id", "email", "name", "password_hash", "role", "partner_id", "created_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
ALTER TABLE `partners` ADD `name_cy` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `short_name_cy` text;--> statement-breakpoint
ALTER TABLE `partners` ADD `description_cy` text;
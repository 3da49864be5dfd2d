CREATE TABLE `pending_forms` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`user_id` text,
	`path` text NOT NULL,
	`fields` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`expires_at` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `post_applications` (
	`post_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`post_id`, `partner_id`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `post_applications_partner_idx` ON `post_applications` (`partner_id`);--> statement-breakpoint
CREATE TABLE `record_redirects` (
	`record_type` text NOT NULL,
	`from_slug` text NOT NULL,
	`record_id` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	PRIMARY KEY(`record_type`, `from_slug`)
);
--> statement-breakpoint
CREATE INDEX `record_redirects_record_idx` ON `record_redirects` (`record_type`,`record_id`);--> statement-breakpoint
CREATE TABLE `topics` (
	`tag` text PRIMARY KEY NOT NULL,
	`label` text NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
ALTER TABLE `partners` ADD `digital_lead_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `posts` ADD `contact_id` text REFERENCES users(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `posts` ADD `event_date` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `target_date` text;--> statement-breakpoint
ALTER TABLE `posts` ADD `review_by` integer;--> statement-breakpoint
ALTER TABLE `posts` ADD `reviewed_at` integer;--> statement-breakpoint
ALTER TABLE `users` ADD `job_title` text;--> statement-breakpoint
-- A post's contact is its author until someone else is named.
UPDATE `posts` SET `contact_id` = `author_id` WHERE `contact_id` IS NULL;--> statement-breakpoint
-- Published posts are due for review a year after they were published (365 days, in ms).
UPDATE `posts` SET `review_by` = coalesce(`published_at`, `updated_at`) + 31536000000 WHERE `status` = 'published' AND `review_by` IS NULL;

CREATE TABLE `link_relations` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `partner_responses` (
	`post_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`user_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`post_id`, `partner_id`, `kind`),
	FOREIGN KEY (`post_id`) REFERENCES `posts`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`kind`) REFERENCES `response_kinds`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `partner_responses_partner_idx` ON `partner_responses` (`partner_id`,`kind`);--> statement-breakpoint
CREATE TABLE `rag_ratings` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `record_links` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`subject_type` text NOT NULL,
	`subject_id` text NOT NULL,
	`relation` text NOT NULL,
	`object_type` text NOT NULL,
	`object_id` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`relation`) REFERENCES `link_relations`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `record_links_unique_idx` ON `record_links` (`subject_type`,`subject_id`,`object_type`,`object_id`,`relation`);--> statement-breakpoint
CREATE INDEX `record_links_object_idx` ON `record_links` (`object_type`,`object_id`);--> statement-breakpoint
CREATE TABLE `response_kinds` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `roadmap_item_partners` (
	`item_id` integer NOT NULL,
	`partner_id` integer NOT NULL,
	PRIMARY KEY(`item_id`, `partner_id`),
	FOREIGN KEY (`item_id`) REFERENCES `roadmap_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`partner_id`) REFERENCES `partners`(`id`) ON UPDATE no action ON DELETE restrict
);
--> statement-breakpoint
CREATE INDEX `roadmap_item_partners_partner_idx` ON `roadmap_item_partners` (`partner_id`);--> statement-breakpoint
CREATE TABLE `roadmap_items` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`title_cy` text,
	`summary` text NOT NULL,
	`summary_cy` text,
	`description` text NOT NULL,
	`description_cy` text,
	`rendered` text,
	`theme_id` integer NOT NULL,
	`status` text NOT NULL,
	`start_quarter` text NOT NULL,
	`target_quarter` text NOT NULL,
	`owner_id` text,
	`reviewed_at` integer NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`theme_id`) REFERENCES `roadmap_themes`(`id`) ON UPDATE no action ON DELETE restrict,
	FOREIGN KEY (`status`) REFERENCES `roadmap_statuses`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roadmap_items_slug_idx` ON `roadmap_items` (`slug`);--> statement-breakpoint
CREATE INDEX `roadmap_items_status_idx` ON `roadmap_items` (`status`,`target_quarter`);--> statement-breakpoint
CREATE INDEX `roadmap_items_owner_idx` ON `roadmap_items` (`owner_id`);--> statement-breakpoint
CREATE TABLE `roadmap_statuses` (
	`name` text PRIMARY KEY NOT NULL
);
--> statement-breakpoint
CREATE TABLE `roadmap_themes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`name` text NOT NULL,
	`name_cy` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `roadmap_themes_slug_unique` ON `roadmap_themes` (`slug`);--> statement-breakpoint
CREATE TABLE `roadmap_updates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`rating` text NOT NULL,
	`update_date` text NOT NULL,
	`note` text NOT NULL,
	`note_cy` text,
	`rendered` text,
	`author_id` text,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `roadmap_items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`rating`) REFERENCES `rag_ratings`(`name`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `roadmap_updates_item_idx` ON `roadmap_updates` (`item_id`,`update_date`,`id`);--> statement-breakpoint
INSERT INTO `roles` (`name`) VALUES ('coordinator');--> statement-breakpoint
INSERT INTO `roadmap_statuses` (`name`) VALUES ('proposed'), ('planned'), ('in-progress'), ('delivered'), ('paused'), ('cancelled');--> statement-breakpoint
INSERT INTO `rag_ratings` (`name`) VALUES ('on-track'), ('at-risk'), ('off-track');--> statement-breakpoint
INSERT INTO `link_relations` (`name`) VALUES ('drives'), ('informs'), ('learned-from'), ('delivers');--> statement-breakpoint
INSERT INTO `response_kinds` (`name`) VALUES ('applied'), ('interested');--> statement-breakpoint
INSERT INTO `roadmap_themes` (`slug`, `name`) VALUES
	('cloud-and-infrastructure', 'Cloud and infrastructure'),
	('cyber-security', 'Cyber security'),
	('collaboration-and-productivity', 'Collaboration and productivity'),
	('data-and-insight', 'Data and insight'),
	('digital-inclusion', 'Digital inclusion'),
	('workforce-and-skills', 'Workforce and skills'),
	('business-applications', 'Business applications'),
	('telephony-and-networks', 'Telephony and networks');--> statement-breakpoint
-- "We applied this" moves into partner_responses, beside "we want this too".
INSERT INTO `partner_responses` (`post_id`, `partner_id`, `kind`, `note`, `user_id`, `created_at`, `updated_at`)
	SELECT `post_id`, `partner_id`, 'applied', `note`, `user_id`, `created_at`, `updated_at` FROM `post_applications`;--> statement-breakpoint
DROP TABLE `post_applications`;
CREATE TABLE `glossary_terms` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`slug` text NOT NULL,
	`term` text NOT NULL,
	`abbreviations` text DEFAULT '[]' NOT NULL,
	`other_names` text DEFAULT '[]' NOT NULL,
	`welsh_terms` text DEFAULT '[]' NOT NULL,
	`also_finds` text DEFAULT '[]' NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (cast(unixepoch('subsec') * 1000 as integer)) NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `glossary_terms_slug_unique` ON `glossary_terms` (`slug`);--> statement-breakpoint
CREATE TABLE `search_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`query` text NOT NULL,
	`searched_at` integer NOT NULL,
	`result_count` integer NOT NULL,
	`opened_at` integer
);
--> statement-breakpoint
CREATE INDEX `search_log_searched_at_idx` ON `search_log` (`searched_at`);
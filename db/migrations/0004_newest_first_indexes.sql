DROP INDEX `posts_listing_idx`;--> statement-breakpoint
CREATE INDEX `posts_kind_newest_idx` ON `posts` (`status`,`kind`,coalesce(`published_at`, `updated_at`),`id`);--> statement-breakpoint
CREATE INDEX `posts_newest_idx` ON `posts` (coalesce(`published_at`, `updated_at`),`id`);

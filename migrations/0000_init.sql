CREATE TABLE `bug_aliases` (
	`bug_id` text NOT NULL,
	`value` text NOT NULL,
	`kind` text NOT NULL,
	`verified` integer NOT NULL,
	PRIMARY KEY(`bug_id`, `value`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bug_aliases_value` ON `bug_aliases` (`value`);--> statement-breakpoint
CREATE TABLE `bug_commits` (
	`bug_id` text NOT NULL,
	`commit_id` text NOT NULL,
	`role` text NOT NULL,
	`repo` text NOT NULL,
	`title` text NOT NULL,
	`verified` integer NOT NULL,
	PRIMARY KEY(`bug_id`, `commit_id`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bug_commits_commit` ON `bug_commits` (`commit_id`);--> statement-breakpoint
CREATE TABLE `bug_examples` (
	`bug_id` text NOT NULL,
	`seq` integer NOT NULL,
	`title` text NOT NULL,
	`source` text NOT NULL,
	`expect` text NOT NULL,
	PRIMARY KEY(`bug_id`, `seq`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bug_ranges` (
	`bug_id` text NOT NULL,
	`seq` integer NOT NULL,
	`ecosystem` text NOT NULL,
	`package` text NOT NULL,
	`introduced` text NOT NULL,
	`fixed` text,
	`last_affected` text,
	`verified` integer NOT NULL,
	PRIMARY KEY(`bug_id`, `seq`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `bug_ranges_ecosystem` ON `bug_ranges` (`ecosystem`);--> statement-breakpoint
CREATE TABLE `bug_references` (
	`bug_id` text NOT NULL,
	`seq` integer NOT NULL,
	`url` text NOT NULL,
	`title` text NOT NULL,
	`kind` text NOT NULL,
	`is_primary` integer NOT NULL,
	PRIMARY KEY(`bug_id`, `seq`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bug_signatures` (
	`bug_id` text NOT NULL,
	`signature_id` text NOT NULL,
	`kind` text NOT NULL,
	`pattern` text NOT NULL,
	`weight` real NOT NULL,
	PRIMARY KEY(`bug_id`, `signature_id`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `bugs` (
	`id` text PRIMARY KEY NOT NULL,
	`title` text NOT NULL,
	`summary` text NOT NULL,
	`components` text NOT NULL,
	`reboot` text NOT NULL,
	`has_unverified` integer NOT NULL,
	`doc` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `kb_meta` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` text NOT NULL,
	`record_count` integer NOT NULL,
	`imported_at` text NOT NULL
);

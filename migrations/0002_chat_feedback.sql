CREATE TABLE `chat_answers` (
	`id` text PRIMARY KEY NOT NULL,
	`platform` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `chat_answers_created` ON `chat_answers` (`created_at`);--> statement-breakpoint
CREATE TABLE `chat_events` (
	`platform` text NOT NULL,
	`event_key` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`platform`, `event_key`)
);
--> statement-breakpoint
CREATE INDEX `chat_events_received` ON `chat_events` (`received_at`);--> statement-breakpoint
CREATE TABLE `feedback_votes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kb_version` text NOT NULL,
	`finding_id` text NOT NULL,
	`verdict` text NOT NULL,
	`vote` text NOT NULL,
	`platform` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `feedback_votes_finding` ON `feedback_votes` (`finding_id`);
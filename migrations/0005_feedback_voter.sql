ALTER TABLE `feedback_votes` ADD `voter` text;--> statement-breakpoint
CREATE UNIQUE INDEX `feedback_votes_voter` ON `feedback_votes` (`voter`);
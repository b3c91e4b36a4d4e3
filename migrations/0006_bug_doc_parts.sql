CREATE TABLE `bug_doc_parts` (
	`bug_id` text NOT NULL,
	`seq` integer NOT NULL,
	`text` text NOT NULL,
	PRIMARY KEY(`bug_id`, `seq`),
	FOREIGN KEY (`bug_id`) REFERENCES `bugs`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
-- Each stored document moves whole into one part, so a store keeps serving its version without a new import.
INSERT INTO `bug_doc_parts` (`bug_id`, `seq`, `text`) SELECT `id`, 0, `doc` FROM `bugs`;--> statement-breakpoint
ALTER TABLE `bugs` DROP COLUMN `doc`;
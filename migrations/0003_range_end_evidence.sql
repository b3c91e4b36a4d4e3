ALTER TABLE `bug_ranges` ADD `evidence` text DEFAULT 'reported' NOT NULL;--> statement-breakpoint
ALTER TABLE `bug_ranges` ADD `introduced_evidence` text DEFAULT 'reported' NOT NULL;--> statement-breakpoint
ALTER TABLE `bug_ranges` ADD `fixed_evidence` text DEFAULT 'reported' NOT NULL;--> statement-breakpoint
-- The new columns only hold their values after an import: forget the imported version so the next start (or kb:import) re-imports.
DELETE FROM `kb_meta`;

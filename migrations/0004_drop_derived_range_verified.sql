-- bug_ranges.verified is derivable from the evidence columns (0003) and nothing reads it any more.
ALTER TABLE `bug_ranges` DROP COLUMN `verified`;
-- Full-text index over what people search for: titles, summaries, aliases, signatures, commit ids.
-- Filled by the knowledge-base import in the same batch as the bug rows (no triggers: the import
-- rewrites everything at once).
CREATE VIRTUAL TABLE `bugs_fts` USING fts5(
  `bug_id` UNINDEXED,
  `title`,
  `summary`,
  `aliases`,
  `signatures`,
  `commits`,
  `components`,
  tokenize = 'unicode61'
);

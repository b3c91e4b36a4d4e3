/**
 * Whether a URL is a report thread (an issue or discussion, a Q&A or forum post, a gist) rather than
 * a primary source: a commit, a tag or its files, a changelog or release notes, an advisory or OSV record,
 * a stable mail, documentation. A report thread can hold a maintainer's word, but a fact marked verified
 * names the primary source it was read from; the thread goes in `sources` (README "Evidence levels").
 * Distribution bug trackers (Launchpad, Bugzilla) are left out: their fix-released states are the
 * distribution's own statement.
 */
const REPORT_THREAD = [
  /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/(?:issues|discussions)\/\d+/,
  /^https?:\/\/gist\.github\.com\//,
  /^https?:\/\/(?:www\.)?gitlab\.com\/.+\/-\/issues\/\d+/,
  /^https?:\/\/(?:[a-z]+\.)?(?:stackoverflow\.com|serverfault\.com|superuser\.com|askubuntu\.com|stackexchange\.com)\//,
  /^https?:\/\/(?:www\.|old\.)?reddit\.com\//,
  /^https?:\/\/(?:[a-z-]+\.)*medium\.com\//,
  /^https?:\/\/(?:discuss|discourse|forum|forums|community)\.[^/]+\//,
];

export const isReportThread = (url: string): boolean => REPORT_THREAD.some((re) => re.test(url));

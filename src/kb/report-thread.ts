/**
 * Whether a URL is a report thread (an issue or discussion, a Q&A or forum post, a gist) rather than
 * a primary source: a commit, a tag or its files, a changelog or release notes, an advisory or OSV record,
 * a stable mail, documentation. A report thread can hold a maintainer's word, but a fact marked verified
 * names the primary source it was read from; the thread goes in `sources` (README "Evidence levels").
 * Distribution bug trackers (Launchpad, Red Hat's and SUSE's Bugzilla) are left out: their fix-released
 * states are the distribution's own statement; the kernel's own Bugzilla is a report thread.
 */
// Case-insensitive: "https://GitHub.com/…/issues/1" is the same thread (review 34b). A forge's issue path
// (GitHub, Gitea, Forgejo, Codeberg: /<owner>/<repo>/issues/<n>; GitLab: /-/issues/<n>) is one on any host.
const REPORT_THREAD = [
  /^https?:\/\/(?:www\.)?github\.com\/[^/]+\/[^/]+\/(?:issues|discussions)\/\d+/i,
  /^https?:\/\/[^/]+\/[^/]+\/[^/]+\/issues\/\d+/i,
  /^https?:\/\/gist\.github\.com\//i,
  /^https?:\/\/[^/]+\/.+\/-\/issues\/\d+/i,
  /^https?:\/\/bugzilla\.kernel\.org\//i,
  /^https?:\/\/groups\.google\.com\//i,
  /^https?:\/\/(?:[a-z]+\.)?(?:stackoverflow\.com|serverfault\.com|superuser\.com|askubuntu\.com|stackexchange\.com)\//i,
  /^https?:\/\/(?:www\.|old\.)?reddit\.com\//i,
  /^https?:\/\/news\.ycombinator\.com\//i,
  /^https?:\/\/(?:[a-z-]+\.)*medium\.com\//i,
  /^https?:\/\/(?:discuss|discussion|discourse|forum|forums|community|bbs)\.[^/]+\//i,
];

export const isReportThread = (url: string): boolean => REPORT_THREAD.some((re) => re.test(url));

// A forge repository's own address, with no path in it or only its top-level README (GitHub's `/blob/<ref>/README.md`,
// GitLab's `/-/blob/…`, a `#readme` anchor): what the repository's author says of it, no commit, tag or changelog.
const REPOSITORY_FRONT_PAGE = [
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/[^/?#]+\/[^/?#]+\/?(?:[?#].*)?$/i,
  /^https?:\/\/(?:www\.)?(?:github\.com|gitlab\.com|codeberg\.org|bitbucket\.org)\/[^/?#]+\/[^/?#]+\/(?:-\/)?(?:blob|raw|src)\/[^/?#]+\/readme(?:\.[\w.]+)?\/?(?:[?#].*)?$/i,
  /^https?:\/\/raw\.githubusercontent\.com\/[^/]+\/[^/]+\/[^/]+\/readme(?:\.[\w.]+)?(?:[?#].*)?$/i,
];

/**
 * Whether a URL is a repository's front page: its bare root or its README. A third party's verifier or notes repository
 * can list the right commits (review 69b F4: linux-netns-sysctl-verify's README for seven kernel ranges), but what it
 * lists was read elsewhere, so a verified fact cites those commits, stable mails or changelogs; the README may stay in
 * `sources`. The project's own repository front page is no changelog either.
 */
export const isRepositoryFrontPage = (url: string): boolean => REPOSITORY_FRONT_PAGE.some((re) => re.test(url));

/**
 * Whether one of `urls` is the thread an issue or bug alias names ("containerd/containerd#6877" →
 * github.com/containerd/containerd/issues/6877, "RHBZ#2321325" → a page with id 2321325): that thread
 * verifies the alias. Another project's thread that mentions it does not.
 */
export function namesOwnThread(alias: string, urls: readonly string[]): boolean {
  const id = /(\d+)\s*$/.exec(alias)?.[1];
  if (!id) return false;
  // The repository's name, not its owner: projects move between organisations (containers/podman is now
  // podman-container-tools/podman) and their threads keep their numbers.
  const repo = /^[\w.-]+\/([\w.-]+)#\d+$/.exec(alias.trim())?.[1]?.toLowerCase();
  const ownId = new RegExp(`[/=#]${id}(?:[/?#&]|$)`);
  return urls.some((u) => ownId.test(u) && (!repo || u.toLowerCase().includes(`/${repo}/`)));
}

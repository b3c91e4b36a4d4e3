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

/** A forge's pull or merge request (GitHub's /pull/N, GitLab's /-/merge_requests/N): its repository, lower-cased; null otherwise. */
export function forgeChange(address: string): { owner: string; repo: string } | null {
  const m = /^https?:\/\/[^/]+\/((?:[^/]+\/)+?)(?:-\/)?(?:pull|merge_requests)\/\d+/i.exec(address);
  const path = m?.[1]?.toLowerCase().split("/").filter(Boolean) ?? [];
  const [owner, repo] = [path[0], path.at(-1)];
  return owner && repo && path.length >= 2 ? { owner, repo } : null;
}

/**
 * The forge owners of a project whose name they do not hold (Docker's engine is moby/moby, Talos' kernel is built in
 * siderolabs/pkgs), given in full: the kernel takes no pull requests, so one in a `linux` repository is a fork's or a
 * downstream's (raspberrypi/linux), never upstream's word.
 */
const PROJECT_OWNERS: Readonly<Record<string, readonly string[]>> = {
  linux: [],
  docker: ["moby", "docker"],
  "download.docker.com": ["docker"],
  talos: ["siderolabs"],
  "cni-plugins": ["containernetworking"],
  amzn: ["amazonlinux"],
};
const bare = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, "");

/**
 * Whether `address` is a pull request of the project an affected entry ranges (its ecosystem or package named in the
 * repository's owner or name: projectcalico/calico for `calico`, flatcar-archive/coreos-overlay for `flatcar`). Such a
 * change is the project's own word on its releases; another project's pull request that bumps or works around it (a
 * build image moving off Docker 28.0.0, Docker's own change noting a kernel's behaviour) is a report (review 70e F1).
 */
export function isEcosystemsChange(address: string, ecosystem: string, pkg: string): boolean {
  const change = forgeChange(address);
  if (!change) return false;
  const name = ecosystem.split(":")[0] ?? ecosystem;
  const owners = PROJECT_OWNERS[name];
  if (owners) return owners.includes(change.owner);
  const names = [name, pkg].map(bare).filter((n) => n.length >= 4);
  return [change.owner, change.repo].map(bare).some((part) => names.some((n) => part.includes(n)));
}

/**
 * Whether `address` is a pull request of a commit's own repository owner (containerd/containerd#7838 for a containerd
 * commit): the change that merged it. Another owner's (kubespray bumping a kubernetes/dns image, CoreOS' overlay
 * carrying a kernel patch) only says the commit exists (review 70e F1).
 */
export function isRepositorysChange(address: string, repo: string): boolean {
  const change = forgeChange(address);
  const owner = repo.toLowerCase().split("/")[0] ?? "";
  return change !== null && (PROJECT_OWNERS[owner] ?? [owner]).includes(change.owner);
}

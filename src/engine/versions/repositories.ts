/**
 * Package repositories that build a package version from one packaging for every release they serve, under one version
 * string: Docker's apt repository (download.docker.com) ships `containerd.io 1.7.24-1` to Debian 12 and Ubuntu 24.04
 * alike (newer builds add the release after it, RELEASE_SUFFIX). A record ranges such a package once, under the
 * repository's ecosystem, and a package listing of any Debian-family or Ubuntu release is judged by it, as dpkg orders
 * versions.
 */
const REPOSITORIES: Readonly<Record<string, { families: readonly string[]; version: RegExp }>> = {
  // Docker's .deb revisions are a plain number ("1.7.24-1"); its RPMs' ("1.7.24-3.1.el9") are another repository's builds.
  "download.docker.com:deb": { families: ["debian", "ubuntu"], version: /^(?:\d+:)?\d+\.\d+(?:\.\d+)?-\d+$/ },
};

export const isRepositoryEcosystem = (ecosystem: string): boolean => ecosystem in REPOSITORIES;

/** The repositories serving a distribution family's releases ("debian" for debian:12): their ranges apply to its hosts' listings. */
export const repositoriesServing = (family: string): string[] =>
  Object.entries(REPOSITORIES)
    .filter(([, repo]) => repo.families.includes(family))
    .map(([ecosystem]) => ecosystem);

/**
 * Docker's newer .debs name the release they were built for after the revision ("1.7.28-2~debian.13~trixie",
 * containerd/containerd#12484): still the repository's one build of that version, so it is ordered without the suffix
 * (with it, dpkg would put it before "1.7.28-2").
 */
const RELEASE_SUFFIX = /~(debian|ubuntu|raspbian)\.\d+(?:\.\d+)?~[a-z]+$/;

/** The version a repository's ranges order a listed build by: the listing's, without a release suffix. */
export const repositoryBuild = (version: string): string => version.replace(RELEASE_SUFFIX, "");

/**
 * Whether a listed package version on a host of this distribution family (null when no os-release says) can be the
 * repository's build: a release the repository serves, the repository's version form, and a release suffix, if any,
 * naming the host's family (Raspbian's builds are Debian's).
 */
export function repositoryServes(ecosystem: string, family: string | null, version: string): boolean {
  const repo = REPOSITORIES[ecosystem];
  if (!repo || (family !== null && !repo.families.includes(family)) || !repo.version.test(repositoryBuild(version))) return false;
  const built = RELEASE_SUFFIX.exec(version)?.[1];
  const builtFor = built === "raspbian" ? "debian" : built;
  return builtFor === undefined || (repo.families.includes(builtFor) && (family === null || family === builtFor));
}

/**
 * The epoch a repository's builds of a package always carry: Docker's docker-ce and docker-ce-cli .debs are
 * "5:<version>-1~<distro>.<release>~<codename>" since 18.09 (its pool's file names, docker-ce_5%3a24.0.7-1~…), so an end
 * written without it sorts before every real build (review 65h F1: "25.0.0-1" judged 5:25.0.0-1 past a fix).
 */
const EPOCHS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  "download.docker.com:deb": { "docker-ce": "5", "docker-ce-cli": "5" },
};

/**
 * What is wrong with a range end of a repository's package, for kb:check: not the repository's version form, a release
 * suffix (listings are ordered without it: repositoryBuild), or an epoch other than the one its builds carry. Null when
 * it is fine, or the ecosystem is no repository's.
 */
export function repositoryEndProblem(ecosystem: string, pkg: string, version: string): string | null {
  const repo = REPOSITORIES[ecosystem];
  if (!repo) return null;
  if (RELEASE_SUFFIX.test(version))
    return `"${version}" names the release it was built for: write the build without "${RELEASE_SUFFIX.exec(version)?.[0]}", as listings are ordered`;
  if (!repo.version.test(version)) return `"${version}" is not the form of ${ecosystem}'s builds (e.g. 1.7.24-1, 5:25.0.1-1)`;
  const epoch = EPOCHS[ecosystem]?.[pkg];
  const given = /^(\d+):/.exec(version)?.[1];
  if (epoch !== undefined && given !== epoch)
    return `${pkg}'s builds in ${ecosystem} carry the epoch ${epoch}: write "${epoch}:${version.replace(/^\d+:/, "")}", or every real build sorts after it`;
  if (epoch === undefined && given !== undefined)
    return `${pkg}'s builds in ${ecosystem} carry no epoch: write "${version.replace(/^\d+:/, "")}"`;
  return null;
}

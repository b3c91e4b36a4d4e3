/**
 * Package repositories that publish one build of a package, under one version string, for every release they serve:
 * Docker's apt repository (download.docker.com) ships `containerd.io 1.7.24-1` alike to Debian 12 and Ubuntu 24.04. A
 * record ranges such a package once, under the repository's ecosystem, and a package listing of any Debian-family or
 * Ubuntu release is judged by it, as dpkg orders versions.
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
 * Whether a listed package version on a host of this distribution family (null when no os-release says) can be the
 * repository's build: a release the repository serves, and the repository's version form.
 */
export function repositoryServes(ecosystem: string, family: string | null, version: string): boolean {
  const repo = REPOSITORIES[ecosystem];
  return !!repo && (family === null || repo.families.includes(family)) && repo.version.test(version);
}

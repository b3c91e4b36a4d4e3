/**
 * kernel.org stable branches that have ended: their last release, its date, and the stable maintainer's
 * announcement saying it is the last. A fact about kernel.org, not about one bug, so it is kept once here rather
 * than in every record: with a record's first stable backport (its `firstBackport` date) it shows which branches
 * could never have taken the change. Only branches whose end a primary source states are listed; an ended branch
 * missing here is simply not judged so.
 */
import { kernelBranch } from "./kernel-version";

export interface KernelBranchEnd {
  branch: string;
  /** The branch's last release; absent where only a later mail says the branch had ended. */
  last?: string;
  /**
   * The day that release was announced (YYYY-MM-DD, UTC as the mail gives it); without `last`, the day of the mail saying
   * the branch had already ended, so its end came before that day.
   */
  date: string;
  /** The announcement that says it is the last release of the branch. */
  source: string;
}

const lore = (messageId: string) => `https://lore.kernel.org/all/${messageId}/`;

/**
 * Sorted by branch. Each row: Greg Kroah-Hartman's "Linux x.y.z" mail calling the release the branch's last, or, where
 * the release mail was not found, his review mail announcing the release as the last, or his mail of the days after
 * the release saying the branch is end-of-life (the date is the release's own; a review mail saying "probably the
 * last" alone is not enough).
 */
export const KERNEL_BRANCH_ENDS: readonly KernelBranchEnd[] = [
  { branch: "4.4", last: "4.4.302", date: "2022-02-03", source: lore("1643877137240249@kroah.com") },
  // The end-of-life words are in Greg's reply to this announcement, in its thread.
  { branch: "4.9", last: "4.9.337", date: "2023-01-07", source: lore("167309164122758@kroah.com") },
  { branch: "4.14", last: "4.14.336", date: "2024-01-10", source: lore("2024011046-ecology-tiptoeing-ce50@gregkh") },
  { branch: "4.19", last: "4.19.325", date: "2024-12-05", source: lore("2024120520-mashing-facing-6776@gregkh") },
  { branch: "5.0", last: "5.0.21", date: "2019-06-04", source: lore("20190604073843.GA4985@kroah.com") },
  { branch: "5.1", last: "5.1.21", date: "2019-07-28", source: lore("20190728065804.GA25519@kroah.com") },
  { branch: "5.3", last: "5.3.18", date: "2019-12-18", source: lore("20191218180250.GA865731@kroah.com") },
  { branch: "5.4", last: "5.4.302", date: "2025-12-03", source: lore("2025120319-blip-grime-93e8@gregkh") },
  { branch: "5.5", last: "5.5.19", date: "2020-04-21", source: lore("20200421134408.GA797797@kroah.com") },
  { branch: "5.6", last: "5.6.19", date: "2020-06-17", source: lore("1592410412126243@kroah.com") },
  { branch: "5.7", last: "5.7.19", date: "2020-08-27", source: lore("15985137402037@kroah.com") },
  { branch: "5.8", last: "5.8.18", date: "2020-11-01", source: lore("16042322186122@kroah.com") },
  { branch: "5.9", last: "5.9.16", date: "2020-12-21", source: lore("1608557011143221@kroah.com") },
  { branch: "5.11", last: "5.11.22", date: "2021-05-19", source: lore("162141437223831@kroah.com") },
  // The 5.12.19-rc1 review: "this is going to be the LAST 5.12.y release"; 5.12.19 came out on 20 Jul 2021.
  { branch: "5.12", last: "5.12.19", date: "2021-07-20", source: lore("20210719144942.514164272@linuxfoundation.org") },
  { branch: "5.14", last: "5.14.21", date: "2021-11-21", source: lore("1637500331152110@kroah.com") },
  { branch: "5.16", last: "5.16.20", date: "2022-04-13", source: lore("164987613419048@kroah.com") },
  { branch: "5.17", last: "5.17.15", date: "2022-06-14", source: lore("165522580839104@kroah.com") },
  { branch: "5.18", last: "5.18.19", date: "2022-08-21", source: lore("166108895535224@kroah.com") },
  // The 5.19.17-rc1 review: "this will be the LAST 5.19.y kernel to be released"; 5.19.17 came out on 24 Oct 2022.
  { branch: "5.19", last: "5.19.17", date: "2022-10-24", source: lore("20221022072415.034382448@linuxfoundation.org") },
  // 6.0.19 came out on 12 Jan 2023 (its -rc1 review: "this will probably be the LAST 6.0.y release"); Greg's mail of the
  // next day says "6.0.y is now end-of-life".
  { branch: "6.0", last: "6.0.19", date: "2023-01-12", source: lore("Y8EtfP9CA52Btz7b@kroah.com") },
  // 6.3.13 came out on 11 Jul 2023; Greg's mail of 16 Jul 2023 says "6.3.y is now end-of-life".
  // Greg's reply to a 6.2.16 backport of 1 Jun 2023: "6.2.y is long end-of-life, so there's nothing we can do here."
  { branch: "6.2", date: "2023-06-01", source: lore("2023060128-kindness-vision-7ce7@gregkh") },
  { branch: "6.3", last: "6.3.13", date: "2023-07-11", source: lore("2023071606-relative-facsimile-f994@gregkh") },
  { branch: "6.4", last: "6.4.16", date: "2023-09-13", source: lore("2023091345-prankish-during-e3b4@gregkh") },
  { branch: "6.5", last: "6.5.13", date: "2023-11-28", source: lore("2023112807-usher-penholder-f856@gregkh") },
  // The 6.7.12-rc1 review: "this will be the LAST 6.7.y kernel release"; 6.7.12 came out on 3 Apr 2024.
  { branch: "6.7", last: "6.7.12", date: "2024-04-03", source: lore("20240401152553.125349965@linuxfoundation.org") },
  { branch: "6.8", last: "6.8.12", date: "2024-05-30", source: lore("2024053036-matron-confess-13e0@gregkh") },
  // The release mail is of 27 Jul 2024; Greg's reply of 29 Jul 2024 says the branch is end-of-life.
  { branch: "6.9", last: "6.9.12", date: "2024-07-27", source: lore("2024072948-glimmer-glitch-6a95@gregkh") },
  // 6.11.11 came out on 5 Dec 2024 (its -rc1 review: "will probably be the last 6.11.y kernel"); Greg's mail of the
  // next day says "6.11.y is now end-of-life".
  // Greg's reply to a 6.10.y backport of 18 Oct 2024: "6.10.y is long end-of-life."
  { branch: "6.10", date: "2024-10-18", source: lore("2024101846-manicure-unwilling-4744@gregkh") },
  { branch: "6.11", last: "6.11.11", date: "2024-12-05", source: lore("2024120611-earphone-wriggle-fa05@gregkh") },
  // Greg's reply to a v6.13 backport of 7 May 2025: "6.13.y is long end-of-life, sorry, no new patches being added there."
  { branch: "6.13", date: "2025-05-07", source: lore("2025050758-scorn-kilometer-b1d0@gregkh") },
  { branch: "6.14", last: "6.14.11", date: "2025-06-10", source: lore("2025061030-latticed-capacity-dc94@gregkh") },
  // Greg's reply in the 6.15.11-rc1 review thread of 26 Aug 2025: "6.15.y is long end-of-life".
  { branch: "6.15", date: "2025-08-26", source: lore("2025082612-energetic-lair-ee26@gregkh") },
  { branch: "6.16", last: "6.16.12", date: "2025-10-12", source: lore("2025101235-eliminate-dexterity-d7f9@gregkh") },
  { branch: "6.17", last: "6.17.13", date: "2025-12-18", source: lore("2025121823-avid-hatchback-83fb@gregkh") },
];

const BY_BRANCH: ReadonlyMap<string, KernelBranchEnd> = new Map(KERNEL_BRANCH_ENDS.map((e) => [e.branch, e]));

/** The end of the branch `value` (a kernel release or a branch, "6.4.4" or "6.4") is on, when it has ended. */
export function branchEnd(value: string): KernelBranchEnd | undefined {
  const branch = kernelBranch(value);
  return branch ? BY_BRANCH.get(branch) : undefined;
}

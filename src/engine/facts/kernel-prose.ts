/**
 * What a sentence says of a kernel release it names ("we run kernel 6.6.58", "fixed in kernel 6.6.60", "works on
 * kernel 6.6.56"): the host's, the cure's or another's (a fix, a cause, a bound, other people's, the one before an
 * upgrade), and whether it claims the host's kernel outright. kernel-mentions.ts reads the releases; this says
 * which are the host's.
 */
// A release followed by more text is taken whole by a lookahead and matched again as \1: JavaScript
// has no possessive quantifier, and without it a long run of digits before a text that fails would be
// re-split at every position (quadratic time on one long line).
/**
 * Prose needs three numbers: "kernel 5.4" or "kernel 6" is a series, not a build. A line may name
 * several: "kernel 6.1.115-126.197.amzn2023", "the Linux 4.14.24-coreos kernel", "the 6.11.5-300.fc41 kernel" (review 61c
 * F2), "kernel `6.8.0-38-generic`", "our
 * kernel version is `Linux 6.8.0-1026-aws x86_64`", "My linux kernel is : 5.15.0-67-generic" (review 64h F5). A label in brackets is prose
 * too ("on openSUSE Tumbleweed (kernel: 5.12.9-1-default)", "Ubuntu 20.04.4 LTS, kernel: 5.15.0-67-generic"), but not a
 * bare "kernel: <release>", which is
 * journald's kernel line opening with a number or a config's key. An issue title's "kernel==4.12.14" (or
 * "kernel=…") is read too. So is a Debian or Ubuntu kernel image package's name, "linux-image-5.15.0-127-generic" (the
 * release it installs), only after a word that runs, boots or moves to it ("We are on linux-image-…", "after upgrading to
 * `linux-image-6.8.0-57-generic`", "booted into linux-image-…": review 72c F3): most lines naming one are a package tool's,
 * about a kernel installed, removed or failing to install ("Setting up linux-image-…", "ii  linux-image-…", "Packages
 * that will be upgraded: linux-image-…", dpkg's "error processing package linux-image-…"), not the one running, and none of
 * them has such a word before the name. The roles below apply to it as to "kernel X": "a regression backported into
 * linux-image-…" names the cause's build.
 */
export const PROSE =
  /(?:\bkernel (?:version |release )?(?:is(?: |\s*:\s*)|of |to )?`?(?:Linux )?|\bkernel==?|[([]kernel:\s*`?|,\s*kernel:\s*`?|(?=linux-image-)(?<=\b(?:on|onto|running|runs|run|ran|using|uses|use|used|with|to|into|is|are|was|were|boot|boots|booted|booting)\s+(?:the\s+)?(?:kernel\s+)?(?:package\s+)?[`'"]?)linux-image-(?:unsigned-)?)v?(\d+\.\d+\.\d+[^\s,;'"`()[\]]*)|\b(?:(?:the|this|that|our|my|its) (?:Linux )?|Linux )v?(?=(\d+\.\d+\.\d+[^\s,;'"`()[\]]*))\2 kernel\b/gi;
/**
 * The release a PROSE match names. An image package's name may carry dpkg's architecture ("…-generic:amd64") and Debian's
 * unsigned image its suffix ("linux-image-6.1.0-26-amd64-unsigned"): the release is without them; a debug symbols
 * package ("…-amd64-dbg") is no kernel.
 */
export function proseRelease(m: RegExpMatchArray): string {
  const release = trimPunctuation(m[1] ?? m[2] ?? "");
  if (!/^linux-image-/i.test(m[0])) return release;
  const image = release.replace(/:[a-z0-9]+$/, "").replace(/-unsigned$/, "");
  return /-dbg(?:sym)?$/.test(image) ? "" : image;
}
/** Sentence punctuation closing a release ("kernel 6.1.64."), dropped by a loop: a regex anchored at $ retries every start. */
export const trimPunctuation = (text: string): string => {
  let end = text.length;
  while (end > 0 && ".:!?".includes(text[end - 1] as string)) end--;
  return text.slice(0, end);
};
const endsInPunctuation = (text: string) => ".:!?".includes(text.at(-1) ?? "");
/**
 * Words before a release in prose that make it another kernel than the one the host runs: the fix's or
 * the cause's release ("fixed in kernel 6.1.115", "caused by kernel 6.6.57", "the fix is in kernel 6.6.60"), a
 * requirement ("needs kernel 5.13.0"), a bound, the one before an upgrade or a bisection's ends ("upgrading from
 * kernel 6.6.56", "the previous kernel 6.6.56", "last good kernel 6.6.56"), an upgrade only planned ("we plan to
 * upgrade to kernel 6.1.70"). Such a release is not read. An upgrade's target stays read ("after upgrading to kernel
 * 6.8.0-45 it broke"): the host ran it.
 */
export const NOT_THE_HOSTS =
  /\b(?:(?:fixed|resolved|introduced|added|merged|backported|landed|removed|changed|regressed|deprecated|graduated|promoted|dropped|GA|stable)(?:\s+(?:upstream|already|only))?(?:\s+by\s+\w+)?\s+in(?:to)?|since|until|till|before|prior to|as of|starting (?:with|from|in)|requires?|required|needs?|needed|newer than|older than|at least|minimum|recommended|(?:upgrad|updat|migrat|mov|switch)(?:ed|ing) from|(?:caused|broken) by|broke (?:in|with)|first seen (?:in|with|on)|(?:the )?fix is(?: not)?(?: present| available| included)? in|available in|waiting for|previous|older|old|last good|first bad|expected|pending|(?:release notes|changelog)\s+(?:for|of)|(?:plan(?:s|ning)?\s+to|going\s+to|wants?\s+to|will|would like to|intends?\s+to|about to|hope to)\s+(?:\w+\s+)?(?:upgrade|update|move|switch|migrate|go|downgrade|roll back)\s+to)\s+(?:the\s+|a\s+)?(?:linux\s+)?$|[<>]=?\s*$/i;
/**
 * Words after a release in prose that place it on another machine ("we also run kernel 6.1.70 elsewhere", "… on other
 * nodes", "(the k8s nodes, not this box)"), or on the machines being replaced ("… on the old pool; this is from one of the
 * new nodes": review 55a F3).
 */
const ELSEWHERE_AFTER =
  /^[`'"]?,?\s*(?:elsewhere|on (?:other|another|some other|the other) (?:nodes?|machines?|hosts?|servers?|clusters?)|(?:on|in) (?:the |our )?(?:old|older|previous|former|legacy) (?:nodes?|machines?|hosts?|servers?|clusters?|pools?|fleet|workers?))\b|^[^.;!?]{0,60}?\bnot (?:on )?(?:this|the failing|the broken) (?:box|host|machine|node|server)\b/i;
/** Words after a release in prose that make it a bound ("kernel 5.10.0 or later", "`kernel 6.8.0-56-generic` and above"). */
export const BOUND_AFTER = /^[`'"]?\s*(?:(?:or|and) (?:later|newer|above|higher|up)\b|onwards\b)/i;
/** Words after a release that make it the fix's ("kernel 6.1.70 contains the fix", "… should fix it"), as "the fix is in kernel 6.1.70" does before. */
// "containerd 1.6.4 is supposed to fix the loopback thing … but we have not rolled it out yet" (review 46a F7).
const FIX_AFTER =
  /^[`'"]?\s*(?:(?:contains|has|includes|carries|ships) the fix|(?:is|was|are|were) (?:supposed|said|meant|expected|reported|known) to fix|(?:should|will|would) fix)\b/i;
/**
 * Another machine than the failing one, between "works (fine) on" and the release: "on my laptop with", "on our
 * staging host running" (a contrast; "works on our nodes with kernel …" stays the host's).
 */
const ANOTHER_MACHINE = String.raw`(?:on|in|at)\s+(?:my|our|his|her|their|a|an|the|another|other|some)\s+(?:[\w-]+\s+){0,2}?(?:laptop|workstation|desktop|mac(?:book)?|pc|staging|dev(?:elopment)?|local|home|test|other|another)\b(?:\s+[\w-]+){0,2}?\s+(?:with|running|using)`;
/**
 * Words right after a release that make it the cure ("upgrading to kernel 4.4.0-142-generic fixed it",
 * "booting kernel 6.8.0-55-generic works fine again", "rolled back to kernel 6.1.55 and the corruption
 * went away", "on Kubernetes 1.24, no issues", config-sync#167): the kernel the host ran once the trouble was over. Not "no
 * problems with IPv4": a trouble the release lacks beside the one it has. The verb must follow the release
 * (only filler words between), so another cure in the clause ("on kernel 6.1.64, a remount fixes it")
 * and a workaround's ("fixed it by disabling THP") are none.
 */
const CURE_AFTER =
  /^\s*,?\s*(?:(?:which|that|finally|also|really|has|have|had|seems to have|seemed to have)\s+){0,2}(?:(?:fixe[sd]|solve[sd]|resolve[sd]|cured|helped)\b(?!\s+(?:(?:it|this|that|the \w+)\s+)?(?:by|with|nothing)\b)|(?:works?|worked)\s+(?:just\s+)?(?:fine|again|well)\b|(?:works?|worked) around (?:it|this|the (?:issue|problem|bug))\b|(?:makes|made) (?:it|this|the (?:error|problem|issue|bug)) go away\b|no (?:issues?|problems?|errors?)(?: at all)?(?=\s*(?:[,.;:!?)]|$)))|^\s*,?\s*((?:[^\s.;:!?()]+\s+){0,6}?)(?:went away|disappeared|(?:is|was) gone|no longer (?:occurs|happens|appears|reproduces))\b/i;
/**
 * Words before a release that make it one where the trouble is absent or cured ("it works fine on kernel
 * 6.1.55", "can't reproduce with kernel 6.1.70", "fixed by upgrading to kernel 6.1.70", "went away after
 * booting kernel 6.1.70", "works fine now on 6.11.5-300.fc41.x86_64", "were working with Docker v20.10.5": review 51c F1; not
 * "we are working with", the everyday "we
 * use": review 51f F3), unless denied ("doesn't work on", "no longer works on", "only works with").
 */
const CURE_BEFORE =
  /(?:(?<!(?:\bnot?|n['\u2019]t|\bonly|\blonger|\bstopped|\bnothing|\bnever)\s+)\b(?:works?|worked)\s+(?:(?:just\s+)?fine\s+|well\s+)?(?:(?:now|again)\s+)?(?:on|with|under)|\b(?:does not|doesn['\u2019]t|did not|didn['\u2019]t) (?:occur|happen|reproduce)\s+(?:on|with|under)|\bno (?:problems?|issues?) (?:on|with|under)|\b(?:can['\u2019]t|cannot|can not|couldn['\u2019]t|could not) reproduce (?:it |this )?(?:on|with|under)|\b(?:is not|isn['\u2019]t|not) reproducible (?:on|with|under)|\b(?:fixed|resolved|solved) by (?:upgrading|updating|switching|moving|rebooting|booting|downgrading|rolling back)(?: (?:to|into))?|(?<!\b(?:not|never|no longer)\s+)\b(?:was|were) working\s+(?:(?:just\s+)?fine\s+|well\s+)?(?:on|with|under)|\b(?:went away|disappeared|(?:was|is) gone) (?:after|since|with) (?:booting|upgrading to|updating to|switching to|moving to|rebooting into|downgrading to|rolling back to)|(?<!(?:\bnever|\bnot|n['\u2019]t)\s+)\b(?:goes|went) away (?:with|on|after))\s+(?:the\s+)?(?:linux\s+)?$/i;
/**
 * Another machine where things work ("it works fine on my laptop with kernel 6.6.54"): no cure of the host's and no
 * kernel of it, so it neither cancels the kernel the report names as the host's nor is one (review 32a).
 */
const WORKS_ELSEWHERE_BEFORE = new RegExp(
  String.raw`(?<!(?:\bnot?|n['\u2019]t|\bonly|\blonger|\bstopped|\bnothing|\bnever)\s+)\b(?:works?|worked)\s+(?:(?:just\s+)?fine\s+|well\s+)?${ANOTHER_MACHINE}\s+(?:the\s+)?(?:linux\s+)?$`,
  "i",
);
/**
 * A person's other machine named right before the release, whatever follows ("My laptop with kernel 6.6.54 works
 * fine", "on my company laptop running kernel 6.6.54", "works on my dev box (kernel 6.6.54)"): that machine's kernel, not
 * the host's (review 32c).
 */
const OTHER_MACHINE_BEFORE =
  /\b(?:my|our|his|her|their|a|an|another|other)\s+(?:[\w-]+\s+){0,2}?(?:laptop|workstation|desktop|mac(?:book)?|pc|dev(?:elopment)?\s+(?:box|machine|vm)|home\s+(?:server|lab))\b(?:\s+[\w-]+){0,2}?\s*(?:\(|,|\s(?:with|running|using|on))\s*(?:the\s+)?(?:linux\s+)?(?:kernel\s+)?$/i;
/** A step's verb and what it moves, up to the release: "upgrade to", "downgrade the nodes to", "boot back into the". */
const STEP_TO = String.raw`(?:upgrade|update|downgrade|roll back|revert|boot(?: back)?(?: into)?|switch|move|go back)(?:\s+(?:the|your|our|my|all|each|every)(?:\s+[\w-]+)?)?(?:\s+to)?\s+(?:the\s+|an?\s+)?(?:linux\s+)?$`;
/**
 * Advice or a step to take, right before the release ("Workaround: downgrade to kernel 6.1.55", "you should upgrade the
 * nodes to kernel 6.1.70", "Fix: update to kernel …"): a kernel the host does not run yet, whichever way it goes. Only
 * with a word that makes it advice: a title's "Upgrade to kernel 6.1.64 breaks O_DIRECT" names the host's (review 33d).
 */
const ADVICE_BEFORE = new RegExp(
  String.raw`\b(?:(?:workaround|fix|solution|remedy|resolution|mitigation|suggestion|recommendation)s?\s*:\s*|(?:please|just|then|try to|(?:you|we|they) (?:can|could|should|must|need to|have to|may|might)|should|must|need to|have to|recommend(?:ed)?(?: to)?|suggest(?:ed)?(?: to)?|advise(?:d)?(?: to)?|(?:workaround|fix|solution|remedy) is to)\s+)${STEP_TO}`,
  "i",
);
/**
 * The same verb bare, opening a line, a sentence or a label's text ("Known issue. Upgrade to kernel 6.1.70.", "Note:
 * upgrade to kernel …"): a step, unless the words after the release say what it broke (a title's "Upgrade to kernel 6.1.64
 * breaks O_DIRECT": review 33d, 33e) or the text is how to reproduce it. Not a list item's: "- Upgrade CoreDNS to 1.7.0"
 * in a change's notes is what was done.
 */
const STEP_BEFORE = new RegExp(String.raw`(?:^|[.!?:]\s+)${STEP_TO}`, "i");
/** Words after a step's release that make it what broke things, or the step of a reproducer. */
const BROKE_AFTER =
  /^[`'"]?,?\s*(?:\(\S*\)\s*)?(?:breaks|broke|causes|caused|triggers|triggered|results in|resulted in|leads to|led to|introduced|brings|brought|and (?:now|then|the|it|we|I|everything|all)|,? (?:now|then|the|it|we|I) )/i;
const REPRODUCER_BEFORE = /\breproduc\w*/i;

/**
 * A downgrade's or a rollback's target ("After downgrading to kernel 5.15.0-100-generic, it works fine again", "rolled
 * the nodes back to kernel 6.1.55 and everything is green"): the cure's kernel when the words after it, in its clause,
 * say the trouble went; otherwise read as before (a downgrade may be what broke it: review 33d).
 */
const DOWNGRADED_BEFORE =
  /\b(?:downgrad(?:ed|ing)|roll(?:ed|ing)(?:\s+(?:the|our|my|all)(?:\s+[\w-]+)?)? back|revert(?:ed|ing)|went back|going back|boot(?:ed|ing) back(?: into)?)(?:\s+(?:the|our|my|all|each|every)(?:\s+[\w-]+)?)?(?:\s+to)?\s+(?:the\s+|an?\s+)?(?:linux\s+)?$/i;
/** A downgrade done as a means ("fixed it by reverting to", "worked around it by rolling back to"). */
const BY_DOWNGRADING = /\bby\s+(?:downgrading|rolling(?:\s+\S+)?\s+back|reverting|going back|booting back)\b/i;
/** Words after a downgrade's target, in its clause, that say the trouble went. */
const CURED =
  /\b(?:works?|worked|working|fine|fixed|fixes|solved|resolved|helped|gone|went away|disappeared|no longer (?:occurs|happens|appears|reproduces|crashes|fails)|stable|green)\b/i;
/** Words in that clause that say it stayed, or deny the cure ("nothing works"). */
export const TROUBLE_STAYED =
  /\b(?:still|persists?|persisted|same (?:error|issue|problem|crash|failure)|(?:did|does|do)(?: not|n['\u2019]t) (?:help|fix|change|work|solve|resolve)|no (?:luck|change|difference)|(?<!\bnever\s)(?:fails?|failed|crash(?:es|ed)?|breaks?|broke) again)\b/i;
const DENIED_CURE = /\b(?:not|nothing|never)\b|n['\u2019]t\b/i;
/**
 * The trouble said gone ("no more errors", "doesn't crash anymore", "not reproduced", "OK now"), as a step's or a change's
 * outcome: not a bare "no longer" or "anymore", which as often deny a function ("not reachable over IPv6 anymore", "writes
 * no longer complete": review 60d F1, F3).
 */
const TROUBLE_GONE =
  /\b(?:no more (?:errors?|crash(?:es)?|problems?|issues?|failures?|warnings?|panics?|hangs?)\b|no longer (?:occurs|happens|appears|reproduces|crashes|fails|shows)\b|(?:no|not any) (?:issues?|problems?|errors?|crash(?:es)?)\b|not reproduc\w*|(?:is|are|was|were)n['\u2019]?t (?:reproduc\w*|happening)|(?:does|did)n['\u2019]?t (?:crash|fail|happen|occur|reproduce|show up)\w* (?:anymore|any more|again)|never (?:crashed|failed|happened|occurred|came back) again|(?:errors?|crash(?:es)?|problems?|issues?|warnings?) (?:stopped|(?:are|is|was|were) gone)|(?:ok|okay) (?:now|again)|(?:it['\u2019]s|is|all|everything) (?:ok|okay)\b)/i;
/** The same after a downgrade, where the bare forms are the trouble's too ("rolled back to kernel 6.1.55 and no more"). */
const TROUBLE_DENIED = new RegExp(
  String.raw`${TROUBLE_GONE.source}|\b(?:no (?:more|longer)\b|(?:is|are|was|were)n['\u2019]?t there|anymore)`,
  "i",
);
/** What may separate a downgrade's target from the words on its outcome ("— fixed", ": problem gone", "(works)"). */
// A full stop inside a version ("from 1.8.4") ends nothing (review 51f F3: the sentence was cut before "still fails").
export const OUTCOME_END = /[.;!?](?![\w.])|\n/;
/** Words that deny the cure: before the release ("not even kernel 6.1.70 fixed it") or before "went away". */
const DENIED_BEFORE = /\b(?:not|no|never|nothing)\s+(?:even\s+)?(?:the\s+)?(?:linux\s+)?$/i;
const DENIED = /\b(?:not|no|nothing|still|never)\b|n['\u2019]t\b/i;
const CLAUSE_END = /[.;:!?()\u2014]/;
/**
 * Words in a claim's sentence, after its release, that place the failure away from that kernel: the claimant does not see
 * it ("FWIW we're on kernel 6.9 and can't reproduce", "our prod servers run kernel 6.9 with no problems; it only fails on
 * the runners": review 55a F4). Not "no problems with IPv4": a claim of the host's kernel beside a trouble it lacks.
 */
const NO_TROUBLE_HERE =
  /\b(?:(?:can['\u2019]?t|cannot|can not|could(?:n['\u2019]t| not)|unable to|never) reproduce|not affected|only (?:fails|failing|happens|breaks|shows up|occurs|appears) (?:on|in|with|for|inside)\b)/i;
/** How far after a release its sentence is read. */
export const SENTENCE_REACH = 200;
/** Whether the sentence after a release (from `end`) says the failure is not on its machine. */
export const troubleElsewhere = (text: string, end: number): boolean =>
  NO_TROUBLE_HERE.test(text.slice(end, end + SENTENCE_REACH).split(/[.!?](?:\s|$)/)[0] ?? "");
/** How a prose match stands to the host: its kernel, the cure's kernel, or another (a fix, a bound, a requirement). */
/**
 * Other people as the clause's subject before the release: their kernel, retold ("people on Launchpad hit the
 * same error with kernel 6.8.0-57-generic", "users report it on kernel 6.1.55 too"), not the host's. A dot inside an earlier
 * release does not end the clause ("someone wrote that it works on kernel 6.1.55 but fails on …": review 73i F5).
 */
/** Words naming other people as a subject (a regex alternation), shared with kernel-contrasts.ts's retold failures. */
export const OTHER_PEOPLE =
  "people|others|other users|another user|users|someone|somebody|a user|many|several (?:people|users)|reporters?|colleagues?|co-?workers?|teammates?|(?:a|my) friend";
const OTHERS_BEFORE = new RegExp(String.raw`\b(?:${OTHER_PEOPLE})\b(?:[^.;:!?()]|\.(?=\d))*$`, "i");
/**
 * A present-tense claim about the host's kernel right before the release ("our nodes run kernel 6.6.58", "I'm on
 * kernel …", "we are running kernel …"): output naming another release beside it is another machine's, or the claim
 * is wrong; either way the paste names two.
 */
const HOST_CLAIM_BEFORE =
  /(?<!\b(?:should|could|would|if|when|whether|once|can|may|might|shall|do|does|did)\s+)(?:\b(?:we|i)(?:['\u2019](?:re|m)|\s+(?:are|am))?|\bour(?:\s+[\w-]+){0,3}?\s+(?:nodes?|hosts?|servers?|machines?|cluster|workers?)(?:\s+(?:are|is))?|\b(?:all|every|each|the|both|these|those)\s+(?:(?:of\s+)?(?:our|the)\s+)?(?:(?!(?:other|some|most|few|older|newer|healthy|working|good|unaffected)\b)[\w-]+\s+)?(?:nodes?|hosts?|servers?|machines?|workers?|cluster)(?:\s+(?:are|is))?|(?:^|[.!?]\s+)(?:(?!(?:other|some|most|few|older|newer|healthy|working|good|unaffected)\b)[\w-]+\s+)?(?:nodes|hosts|servers|workers)(?:\s+(?:are|is))?|\bmy\s+(?:nodes?|hosts?|servers?|cluster)(?:\s+(?:are|is))?)\s+(?:all\s+)?(?:run|runs|running|use|uses|using|have|has|on|running\s+on)\s+(?:on\s+)?(?:the\s+)?(?:linux\s+)?$|\b(?:our|my|(?:the\s+)?(?:node|host|server|worker)s?)\s+$/i;
/**
 * After a claimed release, words that place it on another machine ("on my laptop", "in the other cluster",
 * "elsewhere"): then it is no claim. Anything else leaves the claim standing: unknown beside output naming another
 * release is the safe answer when a sentence says otherwise.
 */
const NOT_A_CLAIM_AFTER =
  /\b(?:in|on|at)\s+(?:the\s+|my\s+|our\s+|a\s+|an\s+)?(?:laptop|workstation|desktop|other|another|staging)\b|\b(?:locally|elsewhere|except)\b/i;
export const proseRole = (text: string, m: RegExpMatchArray): "host" | "cure" | "other" => {
  const at = m.index ?? 0;
  const end = at + m[0].length;
  const before = text.slice(Math.max(0, at - 40), at);
  if (NOT_THE_HOSTS.test(before) || OTHERS_BEFORE.test(text.slice(Math.max(0, at - 80), at))) return "other";
  const after = text.slice(end, end + 40);
  if (BOUND_AFTER.test(after) || ELSEWHERE_AFTER.test(after) || FIX_AFTER.test(after)) return "other";
  if (WORKS_ELSEWHERE_BEFORE.test(before) || OTHER_MACHINE_BEFORE.test(before)) return "other";
  if (CURE_BEFORE.test(before)) return "cure";
  // The window's start is the line's only when the release sits within its first 40 characters.
  const window = at <= 40 ? before : before.replace(/^[^\s]*\s?/, " ");
  const reproducer = REPRODUCER_BEFORE.test(text.slice(Math.max(0, at - 80), at));
  if (ADVICE_BEFORE.test(window) && !reproducer) return "other";
  // A step someone took and tells the outcome of ("Downgrade to kernel 6.1.55 doesn't help") is the host's.
  if (STEP_BEFORE.test(window) && !reproducer && !BROKE_AFTER.test(after) && !TROUBLE_STAYED.test(after)) return "other";
  // The release's match may have taken the sentence's full stop ("kernel 6.1.64. Rebooting fixes it").
  const stop = endsInPunctuation(m[0]) ? 0 : after.search(CLAUSE_END);
  const clause = stop < 0 ? after : after.slice(0, stop);
  if (DOWNGRADED_BEFORE.test(before)) {
    const rest = text.slice(end, end + 80);
    // Its own sentence, read past dashes, colons and brackets: "rolled back to kernel 6.1.55 — fixed" (review 33e).
    const until = rest.search(OUTCOME_END);
    const said = until < 0 ? rest : rest.slice(0, until);
    // Done as a workaround ("Yes, by reverting to CoreDNS v1.6.6."): the cure's, unless its sentence says the trouble stayed
    // (review 51c F1; 51f F3: "by rolling back to coredns 1.7.0 … and it still fails").
    const means = BY_DOWNGRADING.test(before) && !DENIED_CURE.test(said);
    const cured = (CURED.test(said) && !DENIED_CURE.test(said)) || TROUBLE_DENIED.test(said) || means;
    if (cured && !TROUBLE_STAYED.test(said)) return "cure";
  }
  const cure = CURE_AFTER.exec(clause);
  if (cure && !DENIED_BEFORE.test(before) && !DENIED.test(cure[1] ?? "")) return "cure";
  return STEP_TOWARD.test(text.slice(Math.max(0, at - 60), at)) ? (stepOutcome(text, at, end) ?? "host") : "host";
};

/**
 * A step the host took toward the release with words between ("upgrading to Fedora 41 (kernel …", "after switching to
 * kernel …", "the upgrade to Ubuntu 24.04.2 with kernel …"), in the release's sentence.
 */
const STEP_TOWARD =
  /\b(?:(?:upgrad|updat|switch|mov|migrat|reinstall)(?:e|ed|ing)|the (?:upgrade|update|switch|move|migration))\s+(?:\S+\s+){0,2}?to\b[^.;!?\n]{0,50}$/i;
/** Words saying a thing stopped doing its work ("kube-proxy no longer works", "the mount won't come up anymore"): trouble. */
const FUNCTION_LOST =
  /\b(?:no longer|stopped|ceased|quit|(?:not|never|cannot|unable to|can['\u2019]?t|won['\u2019]?t|doesn['\u2019]?t|don['\u2019]?t|isn['\u2019]?t|aren['\u2019]?t)(?:\s+\w+){0,2}?)\s+(?:be\s+)?(?:work|start|boot|respond|run|resolv|connect|reach|complet|come up|mount|load|access)\w*/i;
/** A step or a change planned or advised, not done ("should fix it", "will try", "try upgrading …", "we plan to …"). */
const NOT_DONE =
  /\b(?:should|will|would|might|may|could|shall|going to|plan(?:s|ned|ning)? to|try(?:ing)?|supposed to|expected to|hope(?:fully)?|recommend(?:ed)?|suggest(?:ed)?)\b/i;
/** A contrast that ends what came before it ("It worked fine before, but after upgrading to …"): earlier words are another time's. */
const CONTRAST = /^.*\b(?:but|however|yet|until|although|though|whereas)\b/is;

/**
 * Whether the words said of a step's or a change's outcome say the trouble went: "fixed it", "the problem is gone", "no
 * more errors", "everything works"; not "stopped working", "won't come up anymore", "still fails", "should fix it".
 */
export function outcomeCured(said: string): boolean {
  if (TROUBLE_STAYED.test(said) || FUNCTION_LOST.test(said)) return false;
  return (CURED.test(said) && !DENIED_CURE.test(said)) || TROUBLE_GONE.test(said);
}

/** Whether the words said of a change were of one planned or advised, not done ("… to 6.11.11 should fix it"). */
export const outcomePlanned = (said: string): boolean => NOT_DONE.test(said);

/**
 * What the release's sentence, before and after it, says of the step: the trouble went ("Upgrading to Fedora 41 (kernel
 * 6.11.5-300) fixed it", "No more errors after the upgrade to Fedora 41 (kernel …)", "After switching to kernel …
 * everything works"): then the step's release is the cure's, the kernel that did not fail (review 60b F1: read as the
 * failing one, "affected" at high); or the step is only advised or planned. Words before a contrast are another time's
 * ("It worked fine before, but after upgrading to …": review 60d F2).
 */
function stepOutcome(text: string, at: number, end: number): "cure" | "other" | null {
  const sentence =
    text
      .slice(Math.max(0, at - 120), at)
      .split(/[.;!?](?:\s|$)/)
      .at(-1) ?? "";
  const head = sentence.replace(CONTRAST, "");
  const rest = text.slice(end, end + 80);
  const until = rest.search(OUTCOME_END);
  const said = until < 0 ? rest : rest.slice(0, until);
  if (outcomeCured(`${head} ${said}`)) return "cure";
  // A step only advised or planned ("Upgrading to Fedora 41 (kernel …) should fix it"): a kernel the host has not run.
  return outcomePlanned(said) ? "other" : null;
}

/**
 * Whether a release's sentence tells a change to it that cured the trouble: its role is the cure's, or a step toward it
 * (an upgrade, a downgrade, a roll-back) whose sentence says the trouble went ("Upgrading containerd.io to 1.7.25-1 fixed
 * it": review 61i F1).
 */
export function changeCured(text: string, m: RegExpMatchArray): boolean {
  if (proseRole(text, m) === "cure") return true;
  const at = m.index ?? 0;
  return CHANGE_TOWARD.test(text.slice(Math.max(0, at - 60), at)) && stepOutcome(text, at, at + m[0].length) === "cure";
}
const CHANGE_TOWARD =
  /\b(?:(?:upgrad|downgrad|updat|switch|mov|migrat|revert|reinstall)(?:e|ed|ing)|roll(?:ed|ing)?\s+back|the (?:upgrade|downgrade|update|switch|move|migration|roll-?back))\b[^.;!?\n]{0,60}$/i;

/** Whether a host-role prose match is a claim outright (HOST_CLAIM_BEFORE) that its clause does not undo (NOT_A_CLAIM_AFTER). */
export function claimsHost(text: string, m: RegExpMatchArray): boolean {
  const at = m.index ?? 0;
  const rest = text.slice(at + m[0].length, at + m[0].length + 80);
  // The release's match may have taken the sentence's full stop: then nothing after it is the same clause.
  const stop = endsInPunctuation(m[0]) ? 0 : rest.search(/[.;!]\s|[.;!]$/);
  const clause = stop < 0 ? rest : rest.slice(0, stop);
  const before = text.slice(Math.max(0, at - 48), at);
  // "our kernel is 6.6.58" claims; "we tested our kernel 6.6.58", "our kernel 6.6.58 was replaced" do not.
  const possessive = /\b(?:our|my|(?:node|host|server|worker)s?)\s+$/i.test(before);
  if (possessive && !/^kernel (?:version |release )?is\b/i.test(m[0])) return false;
  return HOST_CLAIM_BEFORE.test(before) && !NOT_A_CLAIM_AFTER.test(clause);
}

/**
 * The arrows people write between an old and a new version ("1.3.9 -> 1.4.3"): ASCII's `->`, `-->`, `=>`, `==>`, `~>`,
 * an input method's em dash `—>` (Chinese write-ups), and Unicode's →, ⇒, ➜, ⟶ (review 60f F2: all but four read the
 * old version as the one running). A regex source, no group.
 */
export const CHANGE_ARROW = String.raw`(?:-{1,2}>|={1,2}>|~>|\u2014>|\u2192|\u21d2|\u279c|\u27f6)`;
/** "to" in Chinese between two versions ("1.3.9 升级到 1.4.3", "从 1.3.9 到 1.4.3"). */
export const CHANGE_TO_CJK = String.raw`(?:\u5347\u7ea7\u5230|\u5230|\u81f3)`;

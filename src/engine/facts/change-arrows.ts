/**
 * The arrows people write between an old and a new version ("1.3.9 -> 1.4.3"): a hyphen or any dash (en, em, figure,
 * full-width: word processors and input methods turn "--" into them) before one or two ">" or "＞", "=>", "==>", "~>",
 * and Unicode's arrows (→, ⇒, ➜, ➡️, ⟶, ⟹ …). Review 60f F2 and 60h F1: each arrow missing read the old version as the one
 * running. Regex sources, no group.
 */
/** The characters of the arrows' shafts and heads, which a version's text never holds (kernel-transitions.ts excludes them). */
export const ARROW_CHARS = String.raw`\u2010-\u2015\uff0d\uff1e\u2190-\u21ff\u2794-\u27bf\u27f0-\u27ff`;
export const CHANGE_ARROW = String.raw`(?:[-\u2010-\u2015\uff0d]{1,2}[>\uff1e]{1,2}|={1,2}>|~>|[\u2190-\u21ff\u2794-\u27bf\u27f0-\u27ff]\ufe0f?)`;
/**
 * "to" in Chinese between two versions: "1.3.9 升级到 1.4.3", "升级至", "更新到", "升到", "降级到", "变为", "改为", or 到 / 至
 * alone (review 60h F1).
 */
export const CHANGE_TO_CJK = String.raw`(?:(?:\u5347\u7ea7|\u66f4\u65b0|\u964d\u7ea7|\u5347|\u964d)?[\u5230\u81f3]|[\u53d8\u6539]\u4e3a)`;

export { type Automaton, buildAutomaton, type FoldedText, foldLiteral, foldText, scanText } from "./aho-corasick";
export {
  type CompileOptions,
  compileMatcher,
  type Hit,
  type Matcher,
  MatcherCompileError,
  type MatcherProblem,
  type MatcherStats,
  type ProbeHits,
  type Rejection,
  type SignatureSpec,
} from "./compile-matcher";
export { klogBlockHeaders } from "./klog-blocks";
export { lineViews, logicalLines, MAX_CONFIRM_CHARS, messageOf, normalizeLine, stripAnsi, unescapeValue, unframe } from "./normalize-line";
export { pasteText } from "./paste-text";
export { searchOf } from "./re2-search";
export { requiredLiteralSets, requiredLiterals } from "./regex-literals";
export { leavesQuoteOpen, unwrapVariants, wrappedBefore, wrapWidth } from "./unwrap-lines";

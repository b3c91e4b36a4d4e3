/**
 * Unicode's bidirectional controls (Bidi_Control: the marks, embeddings, overrides and isolates). Invisible, they
 * reorder the text after them: shown back from a paste, one in a node's name reversed the engine's own words on the
 * page and in chat (review 62d F1). One definition for the reader that undoes them, the doors that escape them and the
 * host names that may not hold them.
 */
export const BIDI_CONTROLS = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069";

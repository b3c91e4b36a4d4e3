/** A naive BM25 ranking over record titles and summaries: the baseline the engine should beat. */
export interface Bm25Doc {
  id: string;
  text: string;
}

const K1 = 1.2;
const B = 0.75;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9_]+/g) ?? [];
}

export function createBm25(docs: readonly Bm25Doc[]): (query: string) => Array<{ id: string; score: number }> {
  const tokenized = docs.map((d) => ({ id: d.id, tokens: tokenize(d.text) }));
  const avgLength = tokenized.reduce((s, d) => s + d.tokens.length, 0) / Math.max(tokenized.length, 1);
  const docFreq = new Map<string, number>();
  const termFreqs = tokenized.map((d) => {
    const tf = new Map<string, number>();
    for (const t of d.tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
    for (const t of tf.keys()) docFreq.set(t, (docFreq.get(t) ?? 0) + 1);
    return tf;
  });
  const n = tokenized.length;
  const idf = (t: string) => {
    const df = docFreq.get(t) ?? 0;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  };
  return (query) => {
    const terms = new Set(tokenize(query));
    return tokenized
      .map((d, i) => {
        const tf = termFreqs[i] ?? new Map<string, number>();
        let score = 0;
        for (const t of terms) {
          const f = tf.get(t) ?? 0;
          if (!f) continue;
          score += (idf(t) * f * (K1 + 1)) / (f + K1 * (1 - B + (B * d.tokens.length) / avgLength));
        }
        return { id: d.id, score };
      })
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  };
}

export interface SourceFile {
  file: string;
  text: string;
}

/**
 * The knowledge-base version: a hash of every stored record's name and text (buildKnowledgeBase hashes the validated
 * records as stored). Answers carry it so a diagnosis can be reproduced against the same data. Uses Web Crypto,
 * present on Node 22 and Workers.
 */
export async function contentHash(files: readonly SourceFile[]): Promise<string> {
  const parts = [...files]
    .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))
    .map((f) => `${f.file.replace(/^.*\//, "")}\u0000${f.text}\u0000`);
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(parts.join("")));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `kb-${hex.slice(0, 16)}`;
}

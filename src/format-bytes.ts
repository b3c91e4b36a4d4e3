/** A byte count as people read a limit: "10 MB", "64 KB", "512 bytes" (the page, the API's 413 and the CLI say the same). */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

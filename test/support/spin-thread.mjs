// A pool thread that spins for N ms on the bundle "spin:N", and otherwise is the real one: lets a
// test exceed the time budget on purpose, whatever the machine's speed.
import { register } from "tsx/esm/api";

register();
const { runPoolTask } = await import("../../src/node/diagnosis-thread.ts");

export default function spinOrRun(task) {
  const decoded = (bytes) => (typeof bytes === "string" ? bytes : new TextDecoder().decode(bytes));
  // The page's form too: its URL-encoded body's bundle field.
  const text =
    task.job.form === "bundle"
      ? decoded(task.job.text)
      : task.job.form === "page"
        ? (new URLSearchParams(decoded(task.job.bytes)).get("bundle") ?? "")
        : "";
  const spin = /^spin:(\d+)$/.exec(text);
  if (spin) {
    const end = Date.now() + Number(spin[1]);
    while (Date.now() < end) {}
  }
  return runPoolTask(task);
}

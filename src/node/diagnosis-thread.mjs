// Pool threads start here: the project runs TypeScript through tsx, whose loader a worker thread
// does not inherit when the pool is created from a test runner, so it is registered explicitly.
import { register } from "tsx/esm/api";

register();
const { runPoolTask } = await import("./diagnosis-thread.ts");

export default runPoolTask;

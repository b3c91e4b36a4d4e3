// Imports a knowledge base made of `copies` renamed copies of data/'s records through the real
// import (one atomic batch), so the write transaction lasts long enough to be killed in the middle.
import { createDb } from "../../src/db/create-db";
import { importKnowledgeBase } from "../../src/db/kb-import";
import { buildKnowledgeBase } from "../../src/kb/build-kb";
import { readKbFiles } from "../../src/node/kb-files";

const [file, copies = "40"] = process.argv.slice(2);
const built = await buildKnowledgeBase(await readKbFiles("data"));
if (!built.ok) throw new Error("data/ is invalid");
const records = Array.from({ length: Number(copies) }, (_, i) => built.kb.records.map((r) => ({ ...r, id: `${r.id}-copy-${i}` }))).flat();
const store = createDb({ kind: "libsql", url: `file:${file}` });
await importKnowledgeBase(store, { version: `kb-big-${copies}`, records });
store.close();

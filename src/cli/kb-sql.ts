// Prints the knowledge-base import as one SQL script, for D1:
//   npm run -s kb:sql > kb.sql && npx wrangler d1 execute known-bugs --remote --file kb.sql
import { kbSqlScript } from "../node/kb-script";

const { version, records, script } = await kbSqlScript(process.argv[2] ?? process.env.KB_DIR ?? "data");
process.stdout.write(script);
console.error(`-- ${version}: ${records} records`);

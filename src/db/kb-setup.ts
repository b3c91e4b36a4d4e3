import type { StoreKind } from "./create-db";
import { missingTable } from "./sqlite-errors";

/**
 * What an operator runs before a store can serve: written once, for the API's 503s, the pages and the chat
 * answers. The commands depend on the store, not the entry: a Worker on Turso is loaded like Node's libSQL
 * file (`kb:import` writes to DATABASE_URL), a Worker on D1 with wrangler (README, "The Worker").
 */

/** wrangler.toml's database_name, as README's deploy steps name it. */
const D1_NAME = "known-bugs";
const D1_NOTE = ` (${D1_NAME} is database_name in wrangler.toml; --local instead of --remote for wrangler dev)`;

const IMPORT: Record<StoreKind, string> = {
  libsql: "npm run kb:import",
  d1: `npm run -s kb:sql > kb.sql && npx wrangler d1 execute ${D1_NAME} --remote --file kb.sql`,
};

/** kb:import opens the store with openStore, which applies pending migrations before it imports. */
const MIGRATE_AND_IMPORT: Record<StoreKind, string[]> = {
  libsql: ["npm run kb:import"],
  d1: [`npx wrangler d1 migrations apply ${D1_NAME} --remote`, IMPORT.d1],
};

/** The knowledge base cannot be served until the operator acts: a 503 that says what to run. */
export abstract class KbUnavailableError extends Error {
  abstract readonly slug: "kb-not-loaded" | "schema-missing";
  constructor(
    readonly storeKind: StoreKind,
    /** What is wrong, as one sentence. */
    readonly what: string,
    /** The commands that fix it, in order. */
    readonly steps: string[],
  ) {
    super(`${what} Run ${steps.map((s) => `\`${s}\``).join(", then ")}${storeKind === "d1" ? D1_NOTE : ""}.`);
  }

  /** The same, for a chat answer: the person asking is not the operator. */
  get chatText(): string {
    return `known-bugs cannot answer yet: ${this.what.charAt(0).toLowerCase()}${this.what.slice(1)} Ask its operator to run ${this.steps.map((s) => `\`${s}\``).join(", then ")}.`;
  }
}

export class KbNotLoadedError extends KbUnavailableError {
  readonly slug = "kb-not-loaded";
  constructor(storeKind: StoreKind) {
    super(storeKind, "The knowledge base has not been imported yet.", [IMPORT[storeKind]]);
  }
}

/** A query found a table missing: the database was never migrated (or not fully). */
export class SchemaMissingError extends KbUnavailableError {
  readonly slug = "schema-missing";
  constructor(
    storeKind: StoreKind,
    readonly table: string,
    options?: { cause?: unknown },
  ) {
    super(storeKind, `The database has no ${table} table: its migrations have not been applied.`, MIGRATE_AND_IMPORT[storeKind]);
    if (options?.cause !== undefined) this.cause = options.cause;
  }
}

/** A query's failure as SchemaMissingError when it says a table of ours is missing; else the failure itself. */
export function asSetupFault(storeKind: StoreKind, err: unknown): unknown {
  const table = missingTable(err);
  return table ? new SchemaMissingError(storeKind, table, { cause: err }) : err;
}

import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { parse } from "yaml";
import { caseFileSchema, type EvalCase } from "./schema";

export interface LoadedCase extends EvalCase {
  file: string;
}

export interface LoadProblem {
  file: string;
  message: string;
}

/**
 * The evaluation sets, in the order `npm run eval` prints them: the development set, which the engine's
 * developers look at, and the held-out sets, each collected blind and measured once before anything in it
 * was read (README "Evaluation" says which are spent). Same schema and rules; no report may be in two sets.
 */
export const EVAL_SETS = [
  { label: "development set (eval/cases)", dir: "eval/cases" },
  { label: "held-out set (eval/holdout)", dir: "eval/holdout" },
  { label: "held-out set 2 (eval/holdout2)", dir: "eval/holdout2" },
  { label: "held-out set 3 (eval/holdout3)", dir: "eval/holdout3" },
  { label: "held-out set 4 (eval/holdout4)", dir: "eval/holdout4" },
  { label: "held-out set 5 (eval/holdout5)", dir: "eval/holdout5" },
  { label: "held-out set 6 (eval/holdout6)", dir: "eval/holdout6" },
  { label: "held-out set 7 (eval/holdout7)", dir: "eval/holdout7" },
  { label: "held-out set 8 (eval/holdout8)", dir: "eval/holdout8" },
  { label: "held-out set 9 (eval/holdout9)", dir: "eval/holdout9" },
  { label: "held-out set 10 (eval/holdout10)", dir: "eval/holdout10" },
  { label: "held-out set 11 (eval/holdout11)", dir: "eval/holdout11" },
  { label: "held-out set 12 (eval/holdout12)", dir: "eval/holdout12" },
  { label: "held-out set 13 (eval/holdout13)", dir: "eval/holdout13" },
  { label: "held-out set 14 (eval/holdout14)", dir: "eval/holdout14" },
  { label: "held-out set 15 (eval/holdout15)", dir: "eval/holdout15" },
  { label: "held-out set 16 (eval/holdout16)", dir: "eval/holdout16" },
  { label: "held-out set 17 (eval/holdout17)", dir: "eval/holdout17" },
  { label: "held-out set 18 (eval/holdout18)", dir: "eval/holdout18" },
  { label: "held-out set 19 (eval/holdout19)", dir: "eval/holdout19" },
  { label: "held-out set 20 (eval/holdout20)", dir: "eval/holdout20" },
  { label: "held-out set 21 (eval/holdout21)", dir: "eval/holdout21" },
  { label: "held-out set 22 (eval/holdout22)", dir: "eval/holdout22" },
  { label: "held-out set 23 (eval/holdout23)", dir: "eval/holdout23" },
  { label: "held-out set 24 (eval/holdout24)", dir: "eval/holdout24" },
  { label: "held-out set 25 (eval/holdout25)", dir: "eval/holdout25" },
  { label: "held-out set 26 (eval/holdout26)", dir: "eval/holdout26" },
  { label: "held-out set 27 (eval/holdout27)", dir: "eval/holdout27" },
  { label: "held-out set 28 (eval/holdout28)", dir: "eval/holdout28" },
  { label: "held-out set 29 (eval/holdout29)", dir: "eval/holdout29" },
  { label: "held-out set 30 (eval/holdout30)", dir: "eval/holdout30" },
  { label: "held-out set 31 (eval/holdout31)", dir: "eval/holdout31" },
  { label: "held-out set 32 (eval/holdout32)", dir: "eval/holdout32" },
  { label: "held-out set 33 (eval/holdout33)", dir: "eval/holdout33" },
  { label: "held-out set 34 (eval/holdout34)", dir: "eval/holdout34" },
  { label: "held-out set 35 (eval/holdout35)", dir: "eval/holdout35" },
  { label: "held-out set 36 (eval/holdout36)", dir: "eval/holdout36" },
  { label: "held-out set 37 (eval/holdout37)", dir: "eval/holdout37" },
  { label: "held-out set 38 (eval/holdout38)", dir: "eval/holdout38" },
  { label: "held-out set 39 (eval/holdout39)", dir: "eval/holdout39" },
  { label: "held-out set 40 (eval/holdout40)", dir: "eval/holdout40" },
  { label: "held-out set 41 (eval/holdout41)", dir: "eval/holdout41" },
  { label: "held-out set 42 (eval/holdout42)", dir: "eval/holdout42" },
  { label: "held-out set 43 (eval/holdout43)", dir: "eval/holdout43" },
  { label: "held-out set 44 (eval/holdout44)", dir: "eval/holdout44" },
  { label: "held-out set 45 (eval/holdout45)", dir: "eval/holdout45" },
  { label: "held-out set 46 (eval/holdout46)", dir: "eval/holdout46" },
  { label: "held-out set 47 (eval/holdout47)", dir: "eval/holdout47" },
  { label: "held-out set 48 (eval/holdout48)", dir: "eval/holdout48" },
  { label: "held-out set 49 (eval/holdout49)", dir: "eval/holdout49" },
  { label: "held-out set 50 (eval/holdout50)", dir: "eval/holdout50" },
  { label: "held-out set 51 (eval/holdout51)", dir: "eval/holdout51" },
  { label: "held-out set 52 (eval/holdout52)", dir: "eval/holdout52" },
  { label: "held-out set 53 (eval/holdout53)", dir: "eval/holdout53" },
  { label: "held-out set 54 (eval/holdout54)", dir: "eval/holdout54" },
  { label: "held-out set 55 (eval/holdout55)", dir: "eval/holdout55" },
  { label: "held-out set 56 (eval/holdout56)", dir: "eval/holdout56" },
] as const;

/** Reads every <dir>/*.yaml (eval/cases by default); all problems at once, like kb:check. */
export async function loadCases(dir = "eval/cases"): Promise<{ cases: LoadedCase[]; problems: LoadProblem[] }> {
  const names = (await readdir(dir)).filter((n) => n.endsWith(".yaml")).sort();
  const cases: LoadedCase[] = [];
  const problems: LoadProblem[] = [];
  const seen = new Map<string, string>();
  for (const name of names) {
    const file = relative(process.cwd(), join(dir, name)) || name;
    let raw: unknown;
    try {
      raw = parse(await readFile(join(dir, name), "utf8"));
    } catch (err) {
      problems.push({ file, message: `YAML: ${(err as Error).message}` });
      continue;
    }
    const parsed = caseFileSchema.safeParse(raw);
    if (!parsed.success) {
      for (const i of parsed.error.issues) problems.push({ file, message: `${i.path.join(".")}: ${i.message}` });
      continue;
    }
    for (const c of parsed.data.cases) {
      const earlier = seen.get(c.id);
      if (earlier) problems.push({ file, message: `duplicate case id "${c.id}", also in ${earlier}` });
      seen.set(c.id, file);
      cases.push({ ...c, file });
    }
  }
  return { cases, problems };
}

/**
 * One key per public report: scheme, fragment, query-less trailing slashes and the issue/pull
 * distinction dropped, so a comment anchor or a PR link to the same thread still counts as the same report.
 */
export function reportKey(url: string): string {
  const u = new URL(url);
  let path = u.pathname.replace(/\/+$/, "");
  if (u.hostname === "github.com")
    path = path.replace(/\/(issues|pull)\/(\d+).*$/, "/thread/$2").replace(/^(\/[^/]+\/[^/]+)\/(?:blob|tree|raw)\/[^/]+\//, "$1/file/");
  const keepQuery = u.search && !/^\?(utm_|ref=)/.test(u.search) ? u.search : "";
  return `${u.hostname.replace(/^www\./, "").toLowerCase()}${path.toLowerCase()}${keepQuery}`;
}

/** Every http(s) URL anywhere in a record file: examples', references', signatures' and ranges' sources. */
export function urlsInText(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s"'<>`)\]]+/g)].map((m) => m[0].replace(/[.,;:]+$/, "")).filter((u) => URL.canParse(u));
}

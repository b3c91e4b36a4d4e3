import { describe } from "vitest";
import { diagnoseFields } from "../../src/engine/diagnose";
import { loadDataKb } from "../support/data-kb";
import { seedScenarios } from "../support/seed-scenarios";

const kb = (await loadDataKb()).compiled;

describe("seed scenarios through the engine", () => {
  seedScenarios(async (input) => diagnoseFields(kb, input));
});

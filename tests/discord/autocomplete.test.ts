import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DISCORD_AUTOCOMPLETE_CHOICES_LIMIT,
  DISCORD_CHOICE_NAME_LIMIT,
} from "../../adapters/discord/limits.js";
import { loadCore } from "../../src/index.js";
import { type BotUnderTest, startBotUnderTest } from "../support/discord-harness.js";
import {
  autocompletePayload,
  callbackFor,
  dispatchInteraction,
  type OptionPayload,
} from "../support/discord-payloads.js";

const core = loadCore();
let harness: BotUnderTest;
beforeAll(async () => {
  harness = await startBotUnderTest(core);
});
afterAll(async () => harness?.close());

async function choicesFor(options: OptionPayload[]): Promise<{ name: string; value: string }[]> {
  const started = performance.now();
  const id = dispatchInteraction(harness.discord, autocompletePayload(options));
  const { body } = await callbackFor(harness.discord, id);
  expect(performance.now() - started).toBeLessThan(3000);
  expect(body.type).toBe(8);
  const choices = body.data.choices;
  expect(choices.length).toBeLessThanOrEqual(DISCORD_AUTOCOMPLETE_CHOICES_LIMIT);
  for (const choice of choices) expect(choice.name.length).toBeLessThanOrEqual(DISCORD_CHOICE_NAME_LIMIT);
  return choices;
}

describe("os autocomplete", () => {
  it("suggests Ubuntu first for the misspelling 'ubnt', with the product id as the value", async () => {
    const choices = await choicesFor([{ name: "os", type: 3, value: "ubnt", focused: true }]);
    expect(choices[0]).toEqual({ name: "Ubuntu", value: "ubuntu" });
  });

  it("offers every product, at most 25, before anything is typed", async () => {
    const choices = await choicesFor([{ name: "os", type: 3, value: "", focused: true }]);
    expect(choices.map((choice) => choice.value)).toEqual(
      expect.arrayContaining(["centos", "debian", "ubuntu", "netbsd"]),
    );
  });

  it("copes with a giant typed value", async () => {
    await choicesFor([{ name: "os", type: 3, value: "deb".repeat(5000), focused: true }]);
  });
});

describe("version autocomplete", () => {
  it("suggests the chosen product's releases with their codenames", async () => {
    const releases = core.releasesOf("debian");
    const withCodename = releases.find((release) => release.codename);
    const choices = await choicesFor([
      { name: "os", type: 3, value: "debian" },
      { name: "version", type: 3, value: "", focused: true },
    ]);
    expect(choices.map((choice) => choice.value)).toEqual(
      releases.slice(0, 25).map((release) => release.version),
    );
    expect(withCodename).toBeDefined();
    const shown = choices.find((choice) => choice.value === withCodename?.version);
    expect(shown?.name).toContain(withCodename?.codename ?? "?");
  });

  it.each([
    ["6", ["6.0"]],
    ["Squ", ["6.0"]],
    ["1", ["14", "13", "12", "11", "10"]],
    ["99", []],
  ])("narrows Debian's releases to what was typed: %s", async (typed, versions) => {
    const choices = await choicesFor([
      { name: "os", type: 3, value: "debian" },
      { name: "version", type: 3, value: typed, focused: true },
    ]);
    expect(choices.map((choice) => choice.value)).toEqual(versions);
  });

  it("resolves a typed, misspelt os before listing its releases", async () => {
    const choices = await choicesFor([
      { name: "os", type: 3, value: "Debain" },
      { name: "version", type: 3, value: "", focused: true },
    ]);
    expect(choices.map((choice) => choice.value)).toEqual(
      core
        .releasesOf("debian")
        .slice(0, 25)
        .map((release) => release.version),
    );
  });

  it("offers nothing until an os is chosen", async () => {
    expect(await choicesFor([{ name: "version", type: 3, value: "12", focused: true }])).toEqual([]);
  });
});

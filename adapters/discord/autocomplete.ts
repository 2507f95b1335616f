import type { APIApplicationCommandOptionChoice } from "discord.js";
import type { Dom0Core, ReleaseChoice } from "../../src/types.js";
import {
  DISCORD_AUTOCOMPLETE_CHOICES_LIMIT,
  DISCORD_CHOICE_NAME_LIMIT,
  DISCORD_CHOICE_VALUE_LIMIT,
} from "./limits.js";
import { boundQuestion, resolveProduct } from "./questions.js";
import { truncate } from "./safe-text.js";

type Choice = APIApplicationCommandOptionChoice<string>;

const VERDICT_WORDS: Record<ReleaseChoice["verdict"], string> = {
  yes: "works as dom0",
  no: "not as dom0",
  partial: "partly",
  unlisted: "not in the table",
};

function choice(name: string, value: string): Choice {
  return {
    name: truncate(name, DISCORD_CHOICE_NAME_LIMIT),
    value: value.slice(0, DISCORD_CHOICE_VALUE_LIMIT),
  };
}

/** Choices for the `os` box: the core's fuzzy product match, misspellings included; the value is the product id. */
export function osChoices(core: Dom0Core, typed: string): Choice[] {
  return core
    .suggestProducts(boundQuestion(typed), DISCORD_AUTOCOMPLETE_CHOICES_LIMIT)
    .slice(0, DISCORD_AUTOCOMPLETE_CHOICES_LIMIT)
    .map((product) => choice(product.name, product.id));
}

/** Choices for the `version` box: the chosen product's releases, codenames shown, filtered by what was typed. */
export function versionChoices(core: Dom0Core, os: string | null, typed: string): Choice[] {
  const product = os ? resolveProduct(core, boundQuestion(os)) : null;
  if (!product) return [];
  const needle = boundQuestion(typed).toLowerCase();
  return core
    .releasesOf(product)
    .filter(
      (release) =>
        needle === "" ||
        release.version.startsWith(needle) ||
        (release.codename?.toLowerCase().includes(needle) ?? false),
    )
    .slice(0, DISCORD_AUTOCOMPLETE_CHOICES_LIMIT)
    .map((release) => {
      const codename = release.codename ? ` "${release.codename}"` : "";
      return choice(`${release.version}${codename}: ${VERDICT_WORDS[release.verdict]}`, release.version);
    });
}

/** The adapter contract every platform runs, against the page as the server renders it (no JavaScript). */
import { afterAll, beforeAll } from "vitest";
import { MAX_QUESTION_CHARS } from "../../adapters/web/index.js";
import { describeAdapterContract } from "../contract/adapter-contract.js";
import { startTestWeb, type TestWeb, textOf } from "./support.js";

let t: TestWeb;
beforeAll(async () => {
  // As the other adapters' contract suites: the core as vitest pins it, to the 2014 page's day.
  t = await startTestWeb({ asOf: null });
});
afterAll(async () => {
  await t?.stop();
});

describeAdapterContract(
  "web page",
  async (question) => {
    // What the form sends: its box holds at most MAX_QUESTION_CHARS (maxlength cuts a longer paste).
    const sent = question.slice(0, MAX_QUESTION_CHARS);
    const page = await (await fetch(`${t.url}/?q=${encodeURIComponent(sent)}`)).text();
    const shown = /<div id="answer" aria-live="polite">([\s\S]*?)<\/div>/.exec(page)?.[1] ?? "";
    // A link shows its title and leads to its address: both are part of what the reader gets.
    const linked = shown.replace(/<a href="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g, "$2 ($1)");
    return { text: textOf(linked), canPing: false };
  },
  [],
);

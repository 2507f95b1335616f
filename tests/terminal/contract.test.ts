import { formatAnswer } from "../../adapters/terminal/batch.js";
import { loadCore } from "../../src/index.js";
import { describeAdapterContract } from "../contract/adapter-contract.js";

const core = loadCore();

// A terminal cannot ping; the patterns still check that no platform markup is echoed into the text.
describeAdapterContract(
  "terminal",
  async (question) => ({ text: formatAnswer(core.answer(question), "text"), canPing: false }),
  [/@everyone/, /@here/, /<!channel>/, /<@U0123ABCD>/],
);

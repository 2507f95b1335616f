import { createInterface } from "node:readline";
import type { Dom0Core } from "../../src/index.js";
import { createConversations } from "../common/conversations.js";

const PROMPT = "terminal";
const USAGE = `Type a question, "help" for help, "examples" for examples; Ctrl-D or "quit" to leave.\n`;

/** The interactive prompt: one answer per question until Ctrl-D. */
export async function runPrompt(
  core: Dom0Core,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<number> {
  const interactive = "isTTY" in input && input.isTTY === true;
  const lines = createInterface({ input, output, terminal: interactive, prompt: "dom0> " });
  const greeting = `dom0bot: ${core.about}\n${USAGE}`;
  const conversations = createConversations({ max: 1 });
  output.write(greeting);
  lines.prompt();
  for await (const line of lines) {
    const command = line.trim().toLowerCase();
    if (command === "quit" || command === "exit") break;
    if (command === "help" || command === "?") output.write(greeting);
    else if (command === "examples")
      output.write(`${core.examples.map((example) => `  ${example}`).join("\n")}\n`);
    else if (command !== "") {
      // The prompt is one conversation: "what about 6.5?" continues the question before it.
      const answer = core.answer(line, { context: conversations.recall(PROMPT) });
      conversations.remember(PROMPT, answer);
      output.write(`${answer.text}\n\n`);
    }
    lines.prompt();
  }
  lines.close();
  output.write("\n");
  return 0;
}

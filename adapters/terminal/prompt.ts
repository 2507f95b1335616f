import { createInterface } from "node:readline";
import type { Dom0Core } from "../../src/index.js";
import { createConversations } from "../common/conversations.js";
import { createQuestionFlow } from "../common/flow.js";
import type { AnswerEvent } from "../common/logger.js";

const PROMPT = "terminal";
const USAGE = `Type a question, "help" for help, "examples" for examples; Ctrl-D or "quit" to leave.\n`;

/**
 * The interactive prompt: one answer per question until Ctrl-D, through the same question flow as the chat
 * platforms (no rate limit: the one asker is at the keyboard). `log` writes each answer's log line.
 */
export async function runPrompt(
  core: Dom0Core,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
  log: ((event: AnswerEvent) => void) | null = null,
): Promise<number> {
  const interactive = "isTTY" in input && input.isTTY === true;
  const lines = createInterface({ input, output, terminal: interactive, prompt: "dom0> " });
  const greeting = `dom0bot: ${core.about}\n${USAGE}`;
  const flow = createQuestionFlow<string>({
    platform: "terminal",
    core,
    ops: { admit: () => "ok", answered: log ?? (() => {}) },
    conversations: createConversations({ max: 1 }),
    render: { answer: (answer) => `${answer.text}\n\n`, help: () => greeting },
  });
  const transport = {
    send: async (text: string) => void output.write(text),
    tellLimited: async () => {},
  };
  output.write(greeting);
  lines.prompt();
  for await (const line of lines) {
    const command = line.trim().toLowerCase();
    if (command === "quit" || command === "exit") break;
    if (command === "examples")
      output.write(`${core.examples.map((example) => `  ${example}`).join("\n")}\n`);
    // An empty line asks nothing: the prompt comes back, without the help every time.
    else if (command !== "")
      // The prompt is one conversation: "what about 6.5?" continues the question before it.
      await flow(
        { text: line, userKey: PROMPT, userId: "", receivedAt: performance.now(), conversation: PROMPT },
        transport,
      );
    lines.prompt();
  }
  lines.close();
  output.write("\n");
  return 0;
}

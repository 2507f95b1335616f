/** The `/dom0 help` message and the App Home tab: what the bot does, how to ask, the whole table. */
import type { types } from "@slack/bolt";
import type { Dom0Core, TableRow } from "../../src/index.js";
import { type Block, contextBlock, fitBlocks, packedSections, sectionBlock } from "./block-kit.js";
import { SLACK_HEADER_TEXT_LIMIT, SLACK_MESSAGE_BLOCKS_LIMIT, SLACK_VIEW_BLOCKS_LIMIT } from "./limits.js";
import { escapeMrkdwn, truncatePlain } from "./mrkdwn.js";
import { type SlackMessage, sourceLine } from "./render-answer.js";

/** The slash command users type; the manifest registers the same name. */
export const DOM0_COMMAND = "/dom0";

type HelpCore = Pick<Dom0Core, "examples" | "source">;

const INTRO =
  "I tell you whether an operating system can be the Xen *dom0* (the privileged domain that runs the " +
  "hypervisor's toolstack), from the Xen Project wiki's table of dom0 kernels.";

const HOW_TO_ASK = [
  `• \`${DOM0_COMMAND} QUESTION\` anywhere: only you see the answer, with a button to share it.`,
  "• Mention me in a channel: I answer in the thread.",
  "• Send me a direct message: I answer there.",
];

function exampleLines(core: HelpCore): string[] {
  return core.examples.map((example) => `• \`${DOM0_COMMAND} ${escapeMrkdwn(example)}\``);
}

/** The reply to `/dom0 help` (and to an empty `/dom0`). */
export function renderHelpMessage(core: HelpCore): SlackMessage {
  const blocks: Block[] = [
    sectionBlock(INTRO),
    ...packedSections(HOW_TO_ASK, "*How to ask*"),
    ...packedSections(exampleLines(core), "*For example*"),
    contextBlock([sourceLine(core)]),
  ];
  const text = `${INTRO.replace(/\*/g, "")} Try: ${DOM0_COMMAND} ${core.examples[0] ?? "does Debian 7 work as dom0?"}`;
  return { text: escapeMrkdwn(text), blocks: blocks.slice(0, SLACK_MESSAGE_BLOCKS_LIMIT) };
}

function headerBlock(text: string): types.HeaderBlock {
  return { type: "header", text: { type: "plain_text", text: truncatePlain(text, SLACK_HEADER_TEXT_LIMIT) } };
}

function rowLine(row: TableRow): string {
  const notes = row.notes.map((note) => ` _${escapeMrkdwn(note.text)}_`).join("");
  return `• *${escapeMrkdwn(row.name)}*: ${escapeMrkdwn(row.versions)}${notes}`;
}

const TABLE_TITLES: Record<TableRow["table"], string> = {
  linux: "Linux distributions and kernels",
  unix: "Other systems (BSD, Solaris, ...)",
};

/** The App Home tab: what the bot does, how to ask, examples, and every row of the support table. */
export function renderHomeView(core: Pick<Dom0Core, "examples" | "source" | "table">): types.HomeView {
  const rows = core.table();
  const tables: Block[] = [];
  for (const table of ["linux", "unix"] as const) {
    const lines = rows.filter((row) => row.table === table).map(rowLine);
    if (lines.length === 0) continue;
    tables.push(headerBlock(TABLE_TITLES[table]), ...packedSections(lines));
  }
  const leading: Block[] = [
    headerBlock("dom0bot: can it be the Xen dom0?"),
    sectionBlock(INTRO),
    ...packedSections(HOW_TO_ASK, "*How to ask*"),
    ...packedSections(exampleLines(core), "*For example*"),
    { type: "divider" },
    ...tables,
  ];
  const trailing: Block[] = [contextBlock([sourceLine(core)])];
  return {
    type: "home",
    blocks: fitBlocks(
      leading,
      trailing,
      SLACK_VIEW_BLOCKS_LIMIT,
      "_(The rest of the table is on the wiki page.)_",
    ),
  };
}

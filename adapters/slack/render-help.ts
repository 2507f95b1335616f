/** The `/dom0 help` message and the App Home tab: what the bot does, how to ask, the whole table. */
import type { types } from "@slack/bolt";
import type { Dom0Core, SourceRef, TableRow } from "../../src/index.js";
import { dayText } from "../common/sources.js";
import { HOME_TABLE_ACTION_ID } from "./action-ids.js";
import { type Block, contextBlock, fitBlocks, packedSections, sectionBlock } from "./block-kit.js";
import { SLACK_HEADER_TEXT_LIMIT, SLACK_MESSAGE_BLOCKS_LIMIT, SLACK_VIEW_BLOCKS_LIMIT } from "./limits.js";
import { escapeMrkdwn, truncatePlain } from "./mrkdwn.js";
import { type SlackMessage, sourceLine } from "./render-answer.js";

/** The slash command users type; the manifest registers the same name. */
export const DOM0_COMMAND = "/dom0";

type HelpCore = Pick<Dom0Core, "examples" | "source" | "about">;

/** Who the bot is: the core's own words, naming the sources it answers from and their dates. */
const intro = (core: Pick<Dom0Core, "about">) => escapeMrkdwn(core.about);

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
    sectionBlock(intro(core)),
    ...packedSections(HOW_TO_ASK, "*How to ask*"),
    ...packedSections(exampleLines(core), "*For example*"),
    contextBlock([sourceLine(core.source)]),
  ];
  const text = `${core.about} Try: ${DOM0_COMMAND} ${core.examples[0] ?? "does Debian 7 work as dom0?"}`;
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

/** The table sources the rows come from, each once, in the rows' order. */
function rowSources(rows: readonly TableRow[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const row of rows) if (row.source && !seen.has(row.source.id)) seen.set(row.source.id, row.source);
  return [...seen.values()];
}

function tableButton(text: string, asOf: string): types.Button {
  return { type: "button", action_id: HOME_TABLE_ACTION_ID, text: { type: "plain_text", text }, value: asOf };
}

/**
 * The buttons under the table: from today's, one per older table source ("The table as of 18 April 2014");
 * from an older one, the way back to today's.
 */
function tableSwitch(core: Pick<Dom0Core, "tables">, asOf: string | undefined): Block[] {
  const older = core.tables().slice(1);
  const buttons =
    asOf === undefined
      ? older.map((source) => tableButton(`The table as of ${dayText(source.revision)}`, source.revision))
      : [tableButton("Today's table", "")];
  return buttons.length > 0 ? [{ type: "actions", elements: buttons.slice(0, 5) }] : [];
}

/**
 * The App Home tab: what the bot does, how to ask, examples, and every row of the support table: today's, or
 * the one in force on `asOf` (an older table source's date), a button away from each other.
 */
export function renderHomeView(
  core: Pick<Dom0Core, "examples" | "source" | "about" | "table" | "tables">,
  asOf?: string,
): types.HomeView {
  const rows = core.table(asOf === undefined ? {} : { asOf });
  const tables: Block[] = [];
  for (const table of ["linux", "unix"] as const) {
    const lines = rows.filter((row) => row.table === table).map(rowLine);
    if (lines.length === 0) continue;
    tables.push(headerBlock(TABLE_TITLES[table]), ...packedSections(lines));
  }
  const shown = asOf === undefined ? "The table today" : `The table as of ${dayText(asOf)}`;
  const leading: Block[] = [
    headerBlock("dom0bot: can it be the Xen dom0?"),
    sectionBlock(intro(core)),
    ...packedSections(HOW_TO_ASK, "*How to ask*"),
    ...packedSections(exampleLines(core), "*For example*"),
    { type: "divider" },
    sectionBlock(`*${shown}*`),
    ...tables,
  ];
  const sources = rowSources(rows);
  const trailing: Block[] = [
    contextBlock((sources.length > 0 ? sources : [core.source]).map(sourceLine)),
    ...tableSwitch(core, asOf),
  ];
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

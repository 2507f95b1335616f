/** Reading a Slack message the way a person sees it: the texts of its blocks, in order. Blocks come in as
 *  Bolt's types or as parsed JSON, so the readers take any objects. */

interface TextObject {
  text?: string;
}
interface Element {
  type: string;
  /** A string in context elements, a text object in buttons. */
  text?: string | TextObject;
  action_id?: string;
  value?: string;
}
export interface AnyBlock {
  type: string;
  text?: TextObject;
  elements?: Element[];
}
export interface MessageBody {
  response_type?: string;
  text?: string;
  blocks?: AnyBlock[];
  thread_ts?: string;
}

/** Every text of every block, in display order. */
export function blockTexts(blocks: readonly object[] = []): string[] {
  return (blocks as AnyBlock[]).flatMap((block) => [
    ...(block.text?.text === undefined ? [] : [block.text.text]),
    ...(block.elements ?? []).flatMap((element) => {
      const text = typeof element.text === "string" ? element.text : element.text?.text;
      return text === undefined ? [] : [text];
    }),
  ]);
}

/** The first block's text: what a person reads first. */
export function firstLine(blocks: readonly object[] = []): string {
  return (blocks as AnyBlock[])[0]?.text?.text ?? "";
}

/** The buttons under a message, by action_id. */
export function buttons(blocks: readonly object[] = []): Element[] {
  return (blocks as AnyBlock[])
    .filter((block) => block.type === "actions")
    .flatMap((block) => block.elements ?? []);
}

/** The mrkdwn escaping Slack expects, to compare rendered text with the core's. */
export function escaped(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Slack markup that would ping someone or link a channel: <!channel>, <!here>, <@U1>, <!subteam^S1>, <#C1>. */
export const PING_MARKUP = /<[!@#]/;

/** What Slack would refuse in a message's blocks (`invalid_blocks`); empty when Slack accepts them. */
export function blockKitProblems(blocks: readonly object[] = []): string[] {
  const problems: string[] = [];
  if (blocks.length > 50) problems.push(`${blocks.length} blocks (at most 50)`);
  const actionIds = new Set<string>();
  for (const block of blocks as AnyBlock[]) {
    if ((block.text?.text?.length ?? 0) > 3000) problems.push(`${block.type} text over 3000 characters`);
    if (block.type === "context" && (block.elements?.length ?? 0) > 10)
      problems.push("context over 10 items");
    if (block.type !== "actions") continue;
    if ((block.elements?.length ?? 0) > 25) problems.push("actions block over 25 elements");
    for (const element of block.elements ?? []) {
      const id = element.action_id ?? "";
      const label = typeof element.text === "string" ? element.text : (element.text?.text ?? "");
      if (id.length === 0 || id.length > 255) problems.push(`action_id "${id}" empty or over 255`);
      if (actionIds.has(id)) problems.push(`action_id "${id}" twice in one message`);
      actionIds.add(id);
      if (label.length === 0 || label.length > 75) problems.push(`button label "${label}" empty or over 75`);
      if ((element.value?.length ?? 0) > 2000) problems.push(`button value over 2000 characters`);
    }
  }
  return problems;
}

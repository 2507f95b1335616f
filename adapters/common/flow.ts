/**
 * The one question flow every chat platform runs, in one order: the asker's rate limit, help, the core with
 * the conversation's context, rendering through the platform's renderer, the reply, remembering it for a
 * follow-up, then the log line and insights. A platform brings a renderer and a transport; nothing else.
 */
import { performance } from "node:perf_hooks";
import type { Answer, Dom0Core } from "../../src/types.js";
import { answerAgain, type Replay } from "./answer-again.js";
import { createAnswerMemo } from "./answer-memo.js";
import type { ConversationMemory } from "./conversations.js";
import type { Platform } from "./logger.js";
import type { Ops } from "./ops.js";
import { RATE_LIMIT_REPLY } from "./rate-limit.js";

/** Words that ask for the help rather than a question, on every platform. */
const HELP_WORDS = new Set(["", "help", "?", "-h", "--help", "usage", "commands"]);

/** True when the text asks for help rather than asking a question. */
export function isHelpRequest(text: string): boolean {
  return HELP_WORDS.has(text.trim().toLowerCase());
}

/** One question as a platform received it, its markup already turned into plain, bounded text. */
export interface AskedQuestion {
  text: string;
  /** The rate-limit bucket: platform and user (`slack:T1:U1`, `discord:81234`, `matrix:@a:b.org`). */
  userKey: string;
  userId: string;
  /** `performance.now()` on arrival: the log line's latency runs from here to the reply sent. */
  receivedAt: number;
  /** The thread or DM it continues, for a follow-up; null for a question that stands alone. */
  conversation: string | null;
  /** Where the answer is remembered for the next follow-up, when not `conversation` (null: nowhere). */
  continuesIn?: string | null;
  /** A question already understood (a picked product, a button): asked as a structure, not re-read in words. */
  replay?: Replay;
  /** A message that only continues a conversation (no mention): asking nothing understood gets no reply. */
  quietUnlessUnderstood?: boolean;
}

/** How one question's replies reach the asker, in the platform's own terms. */
export interface Transport<Message> {
  /**
   * The answer (with the answer it renders) or the help (null); resolves to the sent message's id where the
   * platform has one (for follow-ups and ratings).
   */
  send(message: Message, answer?: Answer | null): Promise<string | undefined | unknown>;
  /** The one polite rate-limit notice, seen by the asker (only, where the platform can). */
  tellLimited(text: string): Promise<unknown>;
  /** Past the limit after that: nothing the user sees (a Slack slash command still needs its empty ack). */
  stayQuiet?(): Promise<unknown>;
}

/**
 * A platform's renderer: the answer and the help in its own format. Keep one object per look (not one per
 * question): each answer is rendered once per renderer object, and reused while it is remembered.
 */
export interface Renderer<Message> {
  answer(answer: Answer): Message;
  help(): Message;
}

export interface FlowOptions<Message> {
  platform: Platform;
  core: Dom0Core;
  /** The rate limit and the answer log of the operations layer (the terminal: no limit, its own log). */
  ops: Pick<Ops, "admit" | "answered">;
  render: Renderer<Message>;
  conversations: ConversationMemory;
  /** Where a reply to the sent answer continues (Discord: a reply to our message); by its id. */
  replyConversation?: (sentId: string) => string;
}

/** What the flow did with a question, for the platform and its tests. */
export type FlowOutcome = "answered" | "help" | "limited" | "quiet" | "ignored";

/** Builds the flow for one platform; the result answers one question and never decides wording itself. */
export function createQuestionFlow<Message>(
  options: FlowOptions<Message>,
): (asked: AskedQuestion, transport: Transport<Message>, render?: Renderer<Message>) => Promise<FlowOutcome> {
  const { platform, core, ops, conversations, replyConversation } = options;
  const answerOf = createAnswerMemo(core);
  // Each answer is rendered once per renderer: a remembered answer asked again is sent as it was rendered.
  const rendered = new WeakMap<Answer, Map<Renderer<Message>, Message>>();
  const renderOnce = (answer: Answer, render: Renderer<Message>): Message => {
    const byRenderer = rendered.get(answer) ?? new Map<Renderer<Message>, Message>();
    rendered.set(answer, byRenderer);
    const known = byRenderer.get(render);
    if (known !== undefined) return known;
    const message = render.answer(answer);
    byRenderer.set(render, message);
    return message;
  };
  return async (asked, transport, render = options.render) => {
    const decision = ops.admit(asked.userKey);
    if (decision === "limited-first") {
      await transport.tellLimited(RATE_LIMIT_REPLY);
      return "limited";
    }
    if (decision === "limited") {
      await transport.stayQuiet?.();
      return "quiet";
    }
    if (isHelpRequest(asked.text) && !asked.quietUnlessUnderstood) {
      await transport.send(render.help());
      return "help";
    }
    const context = asked.conversation === null ? null : conversations.recall(asked.conversation);
    const answer = asked.replay?.query ? answerAgain(core, asked.replay) : answerOf(asked.text, { context });
    // A reply in a chain that does not address the bot and asks nothing it understands ("thanks!") is left be.
    if (asked.quietUnlessUnderstood && answer.intent === "unclear") {
      await transport.stayQuiet?.();
      return "ignored";
    }
    const sent = await transport.send(renderOnce(answer, render), answer);
    const continuesIn = asked.continuesIn === undefined ? asked.conversation : asked.continuesIn;
    if (continuesIn !== null) conversations.remember(continuesIn, answer);
    if (replyConversation && typeof sent === "string")
      conversations.remember(replyConversation(sent), answer);
    ops.answered({
      platform,
      answer,
      latencyMs: performance.now() - asked.receivedAt,
      userId: asked.userId,
      questionText: asked.text,
    });
    return "answered";
  };
}

/** One question asked in Slack, whichever way it came, through the shared question flow, and its replies. */
import type { AckFn, RespondArguments, RespondFn, webApi } from "@slack/bolt";
import type { Dom0Core } from "../../src/index.js";
import type { ConversationMemory } from "../common/conversations.js";
import { createQuestionFlow, type Renderer } from "../common/flow.js";
import type { Logger } from "../common/logger.js";
import type { Ops } from "../common/ops.js";
import { APOLOGY_TEXT, guardAnswer, type InFlight } from "../common/shutdown.js";
import { rateLimitKey } from "./ops.js";
import { type RenderAnswerOptions, renderSlackBlocks, type SlackMessage } from "./render-answer.js";
import { renderHelpMessage } from "./render-help.js";

/** What the listeners share: the core, the operations layer, the app's logger and its in-flight count. */
export interface SlackContext {
  core: Dom0Core;
  ops: Ops;
  log: Logger;
  inFlight: InFlight;
  /** Each thread's and DM's last question, for follow-ups. */
  conversations: ConversationMemory;
}

/** A question as asked, with Slack's markup already turned into plain text. */
export interface SlackQuestion {
  teamId: string | undefined;
  userId: string;
  text: string;
  /** `performance.now()` when it arrived: the log line's latency runs from here to the reply sent. */
  receivedAt: number;
  /** The thread or DM it belongs to, for a follow-up; absent for a slash command (each stands alone). */
  conversation?: string;
}

/** How replies to one question reach the asker; the slash command, mentions and DMs each have their own. */
export interface QuestionReplies {
  /** The answer, or the help. */
  send(message: SlackMessage): Promise<unknown>;
  /** The one polite rate-limit reply, seen by the asker only. */
  tellLimited(text: string): Promise<unknown>;
  /** Past the limit after that: nothing the user sees (a slash command still needs its empty ack). */
  stayQuiet(): Promise<unknown>;
  /** After a failure. */
  apologise(text: string): Promise<unknown>;
}

/** How the answer looks where it is posted (see `renderSlackBlocks`); the rating buttons are always added. */
export type AnswerLook = Pick<RenderAnswerOptions, "share" | "showQuestion">;

export type AskInSlack = (
  question: SlackQuestion,
  replies: QuestionReplies,
  look: AnswerLook,
) => Promise<void>;

/**
 * Answers questions through the shared flow (adapters/common/flow.ts): the user's rate limit, help for "help" or
 * nothing, the core's answer with rating buttons, and once it is sent the log line and insights. Never rejects:
 * a failure is logged and the asker gets APOLOGY_TEXT. Counted in `inFlight` while it runs, for stop().
 */
export function createAsker({ core, ops, log, inFlight, conversations }: SlackContext): AskInSlack {
  const help = renderHelpMessage(core);
  // One renderer per look, made once: the flow renders each remembered answer once per renderer.
  const renderers = new Map<string, Renderer<SlackMessage>>();
  const rendererFor = (look: AnswerLook): Renderer<SlackMessage> => {
    const key = `${look.share}|${look.showQuestion}`;
    let renderer = renderers.get(key);
    if (renderer === undefined) {
      renderer = {
        answer: (answer) => renderSlackBlocks(answer, { ...look, rating: "open" }),
        help: () => help,
      };
      renderers.set(key, renderer);
    }
    return renderer;
  };
  const flow = createQuestionFlow<SlackMessage>({
    platform: "slack",
    core,
    ops,
    conversations,
    render: rendererFor({ share: false, showQuestion: false }),
  });
  return guardAnswer(
    async (question: SlackQuestion, replies: QuestionReplies, look: AnswerLook) => {
      await flow(
        {
          text: question.text,
          userKey: rateLimitKey(question.teamId, question.userId),
          userId: question.userId,
          receivedAt: question.receivedAt,
          conversation: question.conversation ?? null,
        },
        replies,
        rendererFor(look),
      );
    },
    { logger: log, inFlight, apologise: (_question, replies) => replies.apologise(APOLOGY_TEXT) },
  );
}

/**
 * Replies to a slash command: the ack carries the reply (Slack waits up to 3 s for it; an empty ack shows
 * nothing). An apology after the ack already went out goes through the response_url instead.
 */
export function commandReplies(ack: AckFn<string | RespondArguments>, respond: RespondFn): QuestionReplies {
  let acked = false;
  const ackWith = async (response?: RespondArguments): Promise<void> => {
    acked = true;
    await ack(response);
  };
  const notice = (text: string): RespondArguments => ({ response_type: "ephemeral", text });
  return {
    send: (message) => ackWith({ response_type: "ephemeral", ...message }),
    tellLimited: (text) => ackWith(notice(text)),
    stayQuiet: () => ackWith(),
    apologise: (text) =>
      acked ? respond({ ...notice(text), replace_original: false }) : ackWith(notice(text)),
  };
}

/** The longest wait a Slack 429 may ask for before one retry; longer, and the call fails (apology path). */
export const RATE_LIMIT_MAX_WAIT_MS = 5000;

/**
 * A call Slack refuses with 429 is retried once after its Retry-After (at most RATE_LIMIT_MAX_WAIT_MS): the
 * answer arrives late in that channel while the others go on, since the client rejects rate-limited calls
 * instead of pausing its whole queue.
 */
export async function lateIfLimited<T>(
  call: () => Promise<T>,
  maxWaitMs = RATE_LIMIT_MAX_WAIT_MS,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    const retryAfter = (error as { code?: string; retryAfter?: number }).retryAfter;
    const limited = (error as { code?: string }).code === "slack_webapi_rate_limited_error";
    if (!limited || typeof retryAfter !== "number" || retryAfter * 1000 > maxWaitMs) throw error;
    await new Promise((resolve) => setTimeout(resolve, retryAfter * 1000));
    return call();
  }
}

/**
 * Replies in a channel thread (a mention) or a DM: chat.postMessage. Past the rate limit a mention's asker
 * is told with chat.postEphemeral, seen by them alone; in a DM, which only the asker reads anyway, the notice
 * is a plain message (an ephemeral one would vanish on reload).
 */
export function conversationReplies(
  client: webApi.WebClient,
  where: { channel: string; threadTs?: string; user: string; kind: "mention" | "dm" },
): QuestionReplies {
  const { channel, user } = where;
  const thread = where.threadTs === undefined ? {} : { thread_ts: where.threadTs };
  const post = (message: SlackMessage | { text: string }) =>
    lateIfLimited(() => client.chat.postMessage({ channel, ...thread, ...message }));
  return {
    send: post,
    tellLimited: (text) =>
      where.kind === "mention"
        ? client.chat.postEphemeral({ channel, user, ...thread, text })
        : post({ text }),
    stayQuiet: async () => {},
    apologise: (text) => post({ text }),
  };
}

/** Turns Slack payloads into questions for the core and button presses into their effects. */
import { performance } from "node:perf_hooks";
import type {
  AllMiddlewareArgs,
  App,
  SlackCommandMiddlewareArgs,
  SlackEventMiddlewareArgs,
} from "@slack/bolt";
import { LRUCache } from "lru-cache";
import type { Dom0Core } from "../../src/index.js";
import type { Logger } from "../common/logger.js";
import { RATING_ID_PREFIX } from "../common/rating-id.js";
import { answerAgain, decodeReplay } from "../common/replay.js";
import { APOLOGY_TEXT, guardAnswer } from "../common/shutdown.js";
import { HOME_TABLE_ACTION_ID, SHARE_ACTION_ID } from "./action-ids.js";
import { questionFromSlackText } from "./mrkdwn.js";
import {
  type AnswerLook,
  commandReplies,
  conversationReplies,
  createAsker,
  type SlackContext,
} from "./questions.js";
import { type ActionArgs, type ActionHandler, ratingPress } from "./ratings.js";
import { renderSlackBlocks } from "./render-answer.js";
import { DOM0_COMMAND, renderHomeView } from "./render-help.js";

/** A private answer to `/dom0`: it quotes the question and offers to share it. */
const COMMAND_LOOK: AnswerLook = { share: true, showQuestion: true };
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** An answer in a thread or DM, right under the question. */
const CONVERSATION_LOOK: AnswerLook = { share: false, showQuestion: false };

/**
 * Registers what the app answers, as one global middleware that routes by payload kind: `/dom0`, buttons, and
 * the events (mentions, direct messages, App Home). Shortcuts and modals are not handled (the manifest creates
 * none); one that arrives anyway gets the receiver's 400. Every handler is guarded: a failure is logged, apologised for where someone asked
 * something, and counted in flight until it settles.
 */
export function registerListeners(app: App, context: SlackContext): void {
  const { core, ops, log, inFlight } = context;
  const homeView = renderHomeView(core);
  const ask = createAsker(context);
  const guardAction = (handler: ActionHandler, apologise?: (args: ActionArgs) => Promise<unknown>) =>
    guardAnswer(handler, { logger: log, inFlight, ...(apologise ? { apologise } : {}) });

  const onCommand = async ({ command, ack, respond }: CommandArgs): Promise<void> => {
    const receivedAt = performance.now();
    if (command.command !== DOM0_COMMAND) {
      await ack({
        response_type: "ephemeral",
        text: `Sorry, I only know ${DOM0_COMMAND}. Try \`${DOM0_COMMAND} help\`.`,
      });
      return;
    }
    // Slack waits 3 s for this response; the core answers synchronously, so the answer is the ack itself.
    const question = {
      teamId: command.team_id,
      userId: command.user_id,
      text: questionFromSlackText(command.text),
      receivedAt,
    };
    await ask(question, commandReplies(ack, respond), COMMAND_LOOK);
  };

  const shareApology = (args: ActionArgs) =>
    args.respond?.({ response_type: "ephemeral", replace_original: false, text: APOLOGY_TEXT });
  const rate = guardAction(ratingPress(core, ops));
  const exact = new Map<string, ActionHandler>([
    [SHARE_ACTION_ID, guardAction(shareInChannel(core, log), shareApology)],
    [
      HOME_TABLE_ACTION_ID,
      guardAction(async ({ ack, action, body, client }) => {
        await ack();
        await publishHome(client, body.user.id, action.type === "button" ? action.value : undefined);
      }),
    ],
  ]);
  const onAction = async (args: ActionArgs): Promise<void> => {
    const actionId = "action_id" in args.action ? args.action.action_id : undefined;
    const handler = actionId?.startsWith(RATING_ID_PREFIX)
      ? rate
      : actionId === undefined
        ? undefined
        : exact.get(actionId);
    if (handler === undefined) {
      await args.ack();
      return;
    }
    await handler(args);
  };

  const publishHome = guardAnswer(
    (client: ActionArgs["client"], user: string, day?: string) => {
      // Today's view is drawn once; another day's table (a button under it) is drawn when asked for.
      const asOf = day !== undefined && DAY.test(day) ? day : undefined;
      const view = asOf === undefined ? homeView : renderHomeView(core, asOf);
      return client.views.publish({ user_id: user, view });
    },
    { logger: log, inFlight },
  );

  // Slack delivers an event again when it saw no 200 in 3 s (X-Slack-Retry-Num), and a replay carries the same
  // event_id: each is answered once. Bounded: the ids of the last hour, at most 10,000.
  const seenEvents = new LRUCache<string, true>({ max: 10_000, ttl: 60 * 60_000 });
  const onEvent = async ({ event, body, client, context: bolt }: EventArgs): Promise<void> => {
    const receivedAt = performance.now();
    const eventId = "event_id" in body && typeof body.event_id === "string" ? body.event_id : undefined;
    if (eventId !== undefined) {
      if (seenEvents.has(eventId)) return;
      seenEvents.set(eventId, true);
    }
    switch (event.type) {
      case "app_mention": {
        // Other bots' mentions (and our own) are not questions: two bots must never talk in a loop.
        if ("bot_id" in event && event.bot_id !== undefined) return;
        if (event.user === undefined || event.user === bolt.botUserId) return;
        const user = event.user;
        const text = questionFromSlackText(event.text, bolt.botUserId);
        const where = { channel: event.channel, threadTs: event.thread_ts ?? event.ts, user };
        const replies = conversationReplies(client, { ...where, kind: "mention" });
        // The thread is the conversation: a follow-up mention in it continues the last question asked there.
        const conversation = `slack:${body.team_id}:${event.channel}:${where.threadTs}`;
        await ask(
          { teamId: body.team_id, userId: user, text, receivedAt, conversation },
          replies,
          CONVERSATION_LOOK,
        );
        return;
      }
      case "message": {
        // Only what a person types in the app's DM: edits, joins and bot posts carry a subtype or a bot_id.
        if (event.channel_type !== "im" || event.subtype !== undefined || "bot_id" in event) return;
        if (event.user === bolt.botUserId) return;
        const text = questionFromSlackText(event.text ?? "");
        const threadTs = "thread_ts" in event ? event.thread_ts : undefined;
        const where = { channel: event.channel, user: event.user, ...(threadTs ? { threadTs } : {}) };
        const replies = conversationReplies(client, { ...where, kind: "dm" });
        // One DM is one person's conversation (a thread in it, its own).
        const conversation = `slack:${body.team_id}:${event.channel}:${event.user}:${threadTs ?? ""}`;
        await ask(
          { teamId: body.team_id, userId: event.user, text, receivedAt, conversation },
          replies,
          CONVERSATION_LOOK,
        );
        return;
      }
      case "app_home_opened":
        if (event.tab === "home") await publishHome(client, event.user);
        return;
      default:
        // Events the app does not subscribe to: already acknowledged by Bolt, nothing to do.
        return;
    }
  };

  // One global middleware routes by payload kind: Bolt runs every listener's matchers on every request, and
  // three listeners cost a measurable share of a slash command (bench/slack.ts). Events are acknowledged by
  // Bolt before this runs; a payload of another kind (a shortcut, a modal) is left unacknowledged, and the
  // receiver answers it 400.
  app.use(async (args) => {
    if ("command" in args && args.command !== undefined) return onCommand(args as unknown as CommandArgs);
    if ("action" in args && args.action !== undefined) return onAction(args as unknown as ActionArgs);
    if ("event" in args && args.event !== undefined) return onEvent(args as unknown as EventArgs);
  });
}

type CommandArgs = SlackCommandMiddlewareArgs & AllMiddlewareArgs;
type EventArgs = SlackEventMiddlewareArgs & AllMiddlewareArgs;

/**
 * "Share in channel": the same answer again (the question as understood, on its day), for everyone, then the
 * private copy is removed.
 */
function shareInChannel(core: Dom0Core, log: Logger): ActionHandler {
  return async ({ action, body, ack, respond, client }) => {
    await ack();
    const replay = decodeReplay(action.type === "button" ? action.value : undefined);
    if (replay === null) return;
    const look = { share: false, showQuestion: true, rating: "open" as const };
    const message = renderSlackBlocks(answerAgain(core, replay), look);
    const channelId = "channel" in body ? body.channel?.id : undefined;
    if (respond !== undefined) {
      await respond({ response_type: "in_channel", replace_original: false, ...message });
      await respond({ delete_original: true }).catch((error: unknown) => {
        log.warn({ err: String(error) }, "could not remove the ephemeral answer after sharing");
      });
    } else if (channelId !== undefined) {
      await client.chat.postMessage({ channel: channelId, ...message });
    }
  };
}

/** Turns Slack events into questions for the core and posts the rendered answers back. */
import type { AllMiddlewareArgs, App, SlackAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import type { Logger as PinoLogger } from "pino";
import type { Dom0Core } from "../../src/index.js";
import { SHARE_ACTION_ID } from "./action-ids.js";
import { questionFromSlackText } from "./mrkdwn.js";
import { renderSlackBlocks, type SlackMessage } from "./render-answer.js";
import { DOM0_COMMAND, renderHelpMessage, renderHomeView } from "./render-help.js";

type ActionArgs = SlackActionMiddlewareArgs<SlackAction> & AllMiddlewareArgs;
type ActionHandler = (args: ActionArgs) => Promise<void>;

const HELP_WORDS = new Set(["", "help", "?", "-h", "--help"]);

/** The reply to text typed at the bot: the help message for "help" or nothing, else the core's answer. */
function replyTo(core: Dom0Core, question: string, showQuestion: boolean, share: boolean): SlackMessage {
  if (HELP_WORDS.has(question.toLowerCase())) return renderHelpMessage(core);
  return renderSlackBlocks(core.answer(question), { share, showQuestion });
}

/**
 * Registers every listener the app has: `/dom0`, buttons, and the events (mentions, direct messages, App
 * Home). Shortcuts and modals are not registered (the manifest creates none); one that arrives anyway gets
 * the receiver's 400.
 */
export function registerListeners(app: App, core: Dom0Core, log: PinoLogger): void {
  const homeView = renderHomeView(core);

  app.command(/.*/, async ({ command, ack }) => {
    if (command.command !== DOM0_COMMAND) {
      await ack({
        response_type: "ephemeral",
        text: `Sorry, I only know ${DOM0_COMMAND}. Try \`${DOM0_COMMAND} help\`.`,
      });
      return;
    }
    // Slack waits 3 s for this response; the core answers synchronously, so the answer is the ack itself.
    const question = questionFromSlackText(command.text);
    await ack({ response_type: "ephemeral", ...replyTo(core, question, true, true) });
  });

  const actionHandlers = new Map<string, ActionHandler>([[SHARE_ACTION_ID, shareInChannel(core, log)]]);
  app.action(/.*/, async (args) => {
    const actionId = "action_id" in args.action ? args.action.action_id : undefined;
    const handler = actionId === undefined ? undefined : actionHandlers.get(actionId);
    if (handler === undefined) {
      await args.ack();
      return;
    }
    await handler(args);
  });

  // One listener per payload kind: Bolt runs every listener's matchers on every request, so fewer is faster.
  app.event(/.*/, async ({ event, client, context }) => {
    switch (event.type) {
      case "app_mention": {
        const question = questionFromSlackText(event.text, context.botUserId);
        const threadTs = event.thread_ts ?? event.ts;
        await client.chat.postMessage({
          channel: event.channel,
          thread_ts: threadTs,
          ...replyTo(core, question, false, false),
        });
        return;
      }
      case "message": {
        // Only what a person types in the app's DM: edits, joins and bot posts carry a subtype or a bot_id.
        if (event.channel_type !== "im" || event.subtype !== undefined || "bot_id" in event) return;
        if (event.user === context.botUserId) return;
        const question = questionFromSlackText(event.text ?? "");
        const threadTs = "thread_ts" in event ? event.thread_ts : undefined;
        const reply = replyTo(core, question, false, false);
        await client.chat.postMessage({
          channel: event.channel,
          ...reply,
          ...(threadTs ? { thread_ts: threadTs } : {}),
        });
        return;
      }
      case "app_home_opened":
        if (event.tab === "home") await client.views.publish({ user_id: event.user, view: homeView });
        return;
      default:
        // Events the app does not subscribe to: already acknowledged by Bolt, nothing to do.
        return;
    }
  });
}

/** "Share in channel": answers the button's question again, for everyone, then removes the private copy. */
function shareInChannel(core: Dom0Core, log: PinoLogger): ActionHandler {
  return async ({ action, body, ack, respond, client }) => {
    await ack();
    const question = action.type === "button" ? (action.value ?? "") : "";
    const message = renderSlackBlocks(core.answer(question), { share: false, showQuestion: true });
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

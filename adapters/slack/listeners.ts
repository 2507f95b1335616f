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

/** Registers every listener the app has: `/dom0`, buttons, mentions, direct messages and App Home. */
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
  // Interactions the app never asks for still get an ack, so Slack shows no error and nothing hangs.
  app.shortcut(/.*/, async ({ ack }) => ack());
  app.view(/.*/, async ({ ack }) => ack());

  app.event("app_mention", async ({ event, say, context }) => {
    const question = questionFromSlackText(event.text, context.botUserId);
    await say({ ...replyTo(core, question, false, false), thread_ts: event.thread_ts ?? event.ts });
  });

  app.message(async ({ message, say }) => {
    // Only what a person types in the app's DM; edits, joins and bot posts carry a subtype or bot_id.
    if (message.channel_type !== "im" || message.subtype !== undefined || "bot_id" in message) return;
    const question = questionFromSlackText(message.text ?? "");
    const threadTs = "thread_ts" in message ? message.thread_ts : undefined;
    await say({ ...replyTo(core, question, false, false), ...(threadTs ? { thread_ts: threadTs } : {}) });
  });

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    await client.views.publish({ user_id: event.user, view: homeView });
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

/** Slack in the platform registry: its variables, and a start that loads Bolt only when Slack is configured. */
import type { ChatPlatform } from "../common/platform.js";

export const slackPlatform = {
  name: "slack",
  variables: [
    {
      name: "SLACK_BOT_TOKEN",
      secret: true,
      enables: true,
      how: "api.slack.com/apps → your app → OAuth & Permissions",
    },
    {
      name: "SLACK_SIGNING_SECRET",
      secret: true,
      enables: true,
      how: "your app → Basic Information → App Credentials",
    },
    {
      name: "SLACK_APP_TOKEN",
      secret: true,
      enables: true,
      how: "your app → Basic Information → App-Level Tokens (Socket Mode)",
    },
    { name: "SLACK_API_URL", secret: false, enables: false, how: "optional: another Web API base (tests)" },
    { name: "PORT", secret: false, enables: false, how: "optional: the HTTP port (default 3000)" },
  ],
  async start({ core, ops, health, env }) {
    const { createSlackApp, slackConfigFromEnv } = await import("./index.js");
    // The Slack app serves /healthz on its own port and adds its check to the process's.
    const app = createSlackApp(slackConfigFromEnv(env), { core, ops, health });
    await app.start();
    return { stop: () => app.stop() };
  },
} as const satisfies ChatPlatform;

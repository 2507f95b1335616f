/** Starting and asking the Slack bench's child servers (bench/slack-servers.ts), for bench/slack.ts and bench/soak.ts. */
import { type ChildProcess, fork } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { PRODUCTION_NODE_FLAGS } from "./runtime.js";
import { BOT_TOKEN, SIGNING_SECRET } from "./slack-load.js";
import { CHILD_FLAG, type ChildMessage, type ServerKind } from "./slack-servers.js";

/**
 * The operations variables of each server. The Slack app runs as in production: an answer line per question
 * (to the child's stdout, /dev/null here), insights recorded in a file, a limit no bench user reaches (the
 * limiter still runs). The no-ops app is handed an operations layer that does nothing (see slack-servers.ts).
 */
function opsEnv(kind: ServerKind, insightsDb: string): Record<string, string> {
  if (kind === "slack") {
    return { LOG_LEVEL: "info", INSIGHTS: "1", INSIGHTS_DB: insightsDb, RATE_LIMIT_BURST: "100000" };
  }
  return { LOG_LEVEL: kind === "slackNoOps" ? "silent" : "warn", INSIGHTS: "0" };
}

export async function spawn(
  kind: ServerKind,
  apiUrl: string,
  insightsDb: string,
  extraEnv: Record<string, string> = {},
): Promise<{ child: ChildProcess; port: number }> {
  const servers = fileURLToPath(new URL("./slack-servers.js", import.meta.url));
  const child = fork(servers, [CHILD_FLAG, kind], {
    env: {
      ...process.env,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_API_URL: apiUrl,
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_QUESTIONS: "0",
      ...opsEnv(kind, insightsDb),
      ...extraEnv,
    },
    // Node as `npm start` runs it: flags of the parent (--input-type, loaders) do not apply to this file.
    execArgv: PRODUCTION_NODE_FLAGS,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const message = await nextMessage(child);
  if (!("port" in message)) throw new Error(`${kind} bench server did not report its port`);
  return { child, port: message.port };
}

/** The child's next IPC message; rejects if it exits first (a crash must not hang the bench). */
async function nextMessage(child: ChildProcess): Promise<ChildMessage> {
  // Both waits are dropped once one settles: a soak asks hundreds of times, and listeners must not pile up.
  const abort = new AbortController();
  const exited = once(child, "exit", { signal: abort.signal }).then(([code]) => {
    throw new Error(`bench child exited with code ${String(code)} before answering`);
  });
  try {
    const [message] = (await Promise.race([once(child, "message", { signal: abort.signal }), exited])) as [
      ChildMessage,
    ];
    return message;
  } finally {
    abort.abort();
    exited.catch(() => {});
  }
}

export async function usageOf(
  child: ChildProcess,
): Promise<{ rssMb: number; peakRssMb: number | null; cpuMs: number }> {
  child.send("report");
  const message = await nextMessage(child);
  if (!("rssMb" in message)) throw new Error("bench child did not report its usage");
  return message;
}

export async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, "exit");
  child.kill();
  await exited;
}

/** Stands in for the Web API during the bench: the app calls only auth.test at start-up. */
export async function startAuthStub(): Promise<{ url: string; close: () => void }> {
  const server = createServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok: true, user_id: "UBOT0DOM0", bot_id: "BBOT0DOM0", team_id: "T0001" }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`,
    close: () => server.close(),
  };
}

/** The Slack bench's load: signed `/dom0` slash commands over loopback, and their latencies. */
import { createHmac } from "node:crypto";
import { type Agent, request } from "node:http";

export const SIGNING_SECRET = "bench-signing-secret-0123456789abcdef";
export const BOT_TOKEN = "xoxb-0000000000-0000000000-benchtoken";
/** What is asked, in turn: support, list and FAQ answers, and one product the table does not list (recorded). */
export const QUESTIONS = [
  "does CentOS 6.3 work as dom0?",
  "is Debian squeeze OK with Xen 3.4?",
  "can I use Ubuntu 12.04 as dom0?",
  "which Fedora releases work as dom0?",
  "what is dom0?",
  "does FreeBSD 10 work as dom0?",
];
/** Askers the requests rotate through. */
const USERS = 50;

export function sign(timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

function slashBody(i: number, users: number): string {
  return new URLSearchParams({
    token: "bench",
    team_id: "T0001",
    channel_id: "C0BENCH",
    user_id: `U${i % users}`,
    command: "/dom0",
    text: QUESTIONS[i % QUESTIONS.length] ?? "",
    response_url: "http://127.0.0.1:9/unused",
    trigger_id: `${i}.bench`,
  }).toString();
}

/** One signed slash command; resolves with its latency in ms, rejects unless Slack would accept the reply. */
export function post(agent: Agent, port: number, i: number, users = USERS): Promise<number> {
  const body = slashBody(i, users);
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: "127.0.0.1",
        port,
        path: "/slack/events",
        method: "POST",
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          "x-slack-request-timestamp": String(timestamp),
          "x-slack-signature": sign(timestamp, body),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => {
          if (res.statusCode === 200) resolve(performance.now() - started);
          else reject(new Error(`slash command answered ${res.statusCode}`));
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

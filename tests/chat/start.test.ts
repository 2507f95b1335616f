import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import ids from "../fixtures/discord/ids.json" with { type: "json" };
import { FakeSlackApi } from "../slack/support/fake-slack-api.js";
import { slashCommandFields } from "../slack/support/fixtures.js";
import { postSlashCommand, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "../slack/support/signing.js";
import { type FakeDiscord, startFakeDiscord } from "../support/discord-fake-server.js";
import { callbackFor, commandPayload, dispatchInteraction } from "../support/discord-payloads.js";
import { type FakeHomeserver, startFakeHomeserver } from "../support/matrix-fake-homeserver.js";

const ROOT = join(import.meta.dirname, "../..");
const MAIN = join(ROOT, "dist/adapters/main.js");
const DISCORD_TOKEN = "fake-bot-token.for-tests.only";

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return child.exitCode !== null
    ? Promise.resolve(child.exitCode)
    : once(child, "exit").then(([code]) => code as number | null);
}

/** `npm start` in a child process with exactly these variables (and PATH); its stdout and stderr gathered. */
function startMain(
  env: Record<string, string>,
  cwd?: string,
): { child: ChildProcess; log: { text: string } } {
  const child = spawn(process.execPath, [MAIN], {
    ...(cwd ? { cwd } : {}),
    env: { PATH: process.env["PATH"] ?? "", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = { text: "" };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on("data", (chunk: Buffer) => {
      log.text += chunk.toString();
    });
  }
  return { child, log };
}

/** Polls GET /healthz on `port` until it answers `wanted` (15 s at most), failing with the process's log. */
async function healthUntil(
  port: number,
  wanted: number,
  log: { text: string },
): Promise<{ status: number; body: { ok: boolean; failing: string[]; draining: boolean } }> {
  for (let tries = 0; tries < 150; tries++) {
    const answer = await fetch(`http://127.0.0.1:${port}/healthz`)
      .then(async (response) => ({
        status: response.status,
        body: (await response.json()) as { ok: boolean; failing: string[]; draining: boolean },
      }))
      .catch(() => null);
    if (answer?.status === wanted) return answer;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`/healthz never answered ${wanted}:\n${log.text}`);
}

describe("npm start with Slack and Discord variables: both platforms in one process", () => {
  const dir = mkdtempSync(join(tmpdir(), "dom0-chat-"));
  const slack = new FakeSlackApi();
  let discord: FakeDiscord;
  let bot: ChildProcess;
  let port: number;
  let output = "";

  beforeAll(async () => {
    await slack.start();
    discord = await startFakeDiscord({ token: DISCORD_TOKEN });
    port = await freePort();
    bot = spawn(process.execPath, [MAIN], {
      cwd: dir,
      env: {
        PATH: process.env["PATH"] ?? "",
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: ids.application,
        DISCORD_API_URL: discord.apiUrl,
        INSIGHTS_DB: join(dir, "insights.db"),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    bot.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    bot.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await discord.waitForGateway("identified", 20_000);
    for (let tries = 0; tries < 100; tries++) {
      const healthy = await fetch(`http://127.0.0.1:${port}/healthz`).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the Slack app never became healthy:\n${output}`);
  });

  afterAll(async () => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await slack.stop();
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a signed Slack slash command", async () => {
    const response = await postSlashCommand(
      `http://127.0.0.1:${port}/slack/events`,
      slashCommandFields("does CentOS 6.3 work as dom0?", { response_url: `${slack.apiUrl}response/1` }),
    );
    expect(response.status).toBe(200);
    const body = JSON.stringify(await response.json());
    expect(body).toMatch(/No: .*CentOS 6\.3/);
  });

  it("answers a Discord /dom0 interaction through the gateway", async () => {
    const id = dispatchInteraction(
      discord,
      commandPayload([{ name: "question", type: 3, value: "debian 7.4 dom0?" }]),
    );
    const callback = await callbackFor(discord, id, 10_000);
    expect(JSON.stringify(callback.body)).toMatch(/Yes, with Xen >= 4\.0.*Debian 7\.4/);
    expect(callback.body.data.allowed_mentions).toMatchObject({ parse: [] });
  });

  it("logs one line per answer without secrets, and exits 0 on SIGTERM", async () => {
    bot.kill("SIGTERM");
    expect(await exitOf(bot)).toBe(0);
    expect(output).toMatch(/"event":"answer","platform":"slack"/);
    expect(output).toMatch(/"event":"answer","platform":"discord"/);
    for (const secret of [TEST_SIGNING_SECRET, TEST_BOT_TOKEN, DISCORD_TOKEN])
      expect(output).not.toContain(secret);
    expect(output).not.toContain("CentOS 6.3");
  });
});

describe("npm start with a chat variable missing", () => {
  it("stops with a message naming the variable, exit 1", async () => {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env["PATH"] ?? "", SLACK_BOT_TOKEN: TEST_BOT_TOKEN, INSIGHTS: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    expect(await exitOf(child)).toBe(1);
    expect(stderr).toContain("SLACK_SIGNING_SECRET");
  });
});

describe("npm start with a .env file", () => {
  const run = (dir: string, env: Record<string, string> = {}) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, [MAIN, "does CentOS 6.3 work as dom0?"], {
        cwd: dir,
        env: { PATH: process.env["PATH"] ?? "", ...env },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        stdout += chunk.toString();
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      void exitOf(child).then((code) => resolve({ code, stdout, stderr }));
    });

  it("reads .env from the working directory, the environment winning over it", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dom0-env-"));
    try {
      writeFileSync(join(dir, ".env"), "# a comment\nDOM0_AS_OF=2014-04-18\n");
      const fromFile = await run(dir);
      expect(fromFile.code).toBe(0);
      // As of the 2014 page alone, the answer cites its revision only.
      expect(fromFile.stdout).toMatch(/^Source: .*revision of 18 April 2014/m);
      const fromEnv = await run(dir, { DOM0_AS_OF: "2026-12-02" });
      expect(fromEnv.stdout).toMatch(/current revision, read 28 November 2026/);

      writeFileSync(join(dir, ".env"), "DOM0_AS_OF=someday\n");
      const bad = await run(dir);
      expect(bad.code).toBe(1);
      expect(bad.stderr).toContain("DOM0_AS_OF");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("ships a .env.example naming every variable the README's tables list", () => {
    const example = readFileSync(join(ROOT, ".env.example"), "utf8");
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)`(?:, `([A-Z_]+)`)?(?:, `([A-Z_]+)`)?/gm)].flatMap(
      (match) => match.slice(1).filter((name): name is string => name !== undefined),
    );
    expect(documented.length).toBeGreaterThan(5);
    for (const name of documented) expect(example, name).toMatch(new RegExp(`^#? ?${name}=`, "m"));
  });
});

describe("npm start with Discord alone and HEALTH_PORT: health that tells the truth", () => {
  const dir = mkdtempSync(join(tmpdir(), "dom0-health-"));
  let discord: FakeDiscord;
  let bot: ChildProcess;
  let log: { text: string };
  let healthPort: number;
  const until = (wanted: number) => healthUntil(healthPort, wanted, log);

  beforeAll(async () => {
    discord = await startFakeDiscord({ token: DISCORD_TOKEN });
    healthPort = await freePort();
    ({ child: bot, log } = startMain(
      {
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: ids.application,
        DISCORD_API_URL: discord.apiUrl,
        HEALTH_PORT: String(healthPort),
        INSIGHTS: "0",
      },
      dir,
    ));
  });

  afterAll(async () => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await discord.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers 200 while the gateway session is up, 503 naming discord once Discord closes it for good", async () => {
    const up = await until(200);
    expect(up.body).toEqual({ ok: true, failing: [], draining: false });
    // 4004: Discord no longer accepts the token; discord.js does not reconnect.
    discord.gateway.drop({ code: 4004 });
    const down = await until(503);
    expect(down.body.failing).toEqual(["discord"]);
  });

  it("exits on SIGTERM within the shutdown window", async () => {
    bot.kill("SIGTERM");
    const code = await exitOf(bot);
    expect(code).toBe(0);
  });
});

describe("npm start with Matrix and Discord variables: both in one process, from the one registry", () => {
  const dir = mkdtempSync(join(tmpdir(), "dom0-matrix-start-"));
  const MATRIX_TOKEN = "syt_ZG9tMGJvdA_fakeTokenForTestsOnly_start";
  let matrix: FakeHomeserver;
  let discord: FakeDiscord;
  let bot: ChildProcess;
  let log: { text: string };
  let healthPort: number;
  const until = (wanted: number) => healthUntil(healthPort, wanted, log);

  beforeAll(async () => {
    matrix = await startFakeHomeserver({ userId: "@dom0bot:localhost", accessToken: MATRIX_TOKEN });
    discord = await startFakeDiscord({ token: DISCORD_TOKEN });
    healthPort = await freePort();
    ({ child: bot, log } = startMain(
      {
        MATRIX_HOMESERVER_URL: matrix.url,
        MATRIX_ACCESS_TOKEN: MATRIX_TOKEN,
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: ids.application,
        DISCORD_API_URL: discord.apiUrl,
        HEALTH_PORT: String(healthPort),
        INSIGHTS: "0",
      },
      dir,
    ));
  });

  afterAll(async () => {
    if (bot.exitCode === null) bot.kill("SIGKILL");
    await Promise.all([matrix.close(), discord.close()]);
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers !dom0 in Matrix and /dom0 in Discord, is healthy, and never logs the Matrix token", async () => {
    expect((await until(200)).body.failing).toEqual([]);
    // Invited, as a bot is on a real homeserver: it joins, then answers.
    const room = matrix.createRoom({
      creator: "@alice:localhost",
      members: ["@alice:localhost"],
      invite: ["@dom0bot:localhost"],
    });
    for (let tries = 0; matrix.membership(room) !== "join" && tries < 100; tries++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const question = matrix.sendMessage(room, {
      sender: "@alice:localhost",
      body: "!dom0 does CentOS 6.3 work as dom0?",
    });
    const reply = await matrix
      .waitForSent((sent) => sent.roomId === room && sent.type === "m.room.message", 10_000)
      .catch((error: Error) => {
        throw new Error(`${error.message}\n${log.text}`);
      });
    expect((reply.content["m.relates_to"] as { event_id: string }).event_id).toBe(question);
    expect(reply.content["body"]).toMatch(/^❌ No/);
    const id = dispatchInteraction(
      discord,
      commandPayload([{ name: "question", type: 3, value: "is Debian squeeze OK with Xen 3.4?" }]),
    );
    expect(JSON.stringify((await callbackFor(discord, id)).body)).toMatch(/squeeze|Debian/i);
    // The log is written in batches: give the start-up line its moment.
    for (let tries = 0; tries < 50 && !log.text.includes('"platforms":'); tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(log.text).toMatch(/"platforms":\["discord","matrix"\]/);
    expect(log.text).not.toContain(MATRIX_TOKEN);
  });

  it("reports Matrix unhealthy by name while its sync keeps failing", async () => {
    matrix.failNext("/sync", 1000, 502);
    // Wakes the sync long-poll, so that the next one meets the 502s.
    const [room] = [...matrix.state.rooms.keys()];
    matrix.sendMessage(room as string, { sender: "@alice:localhost", body: "anyone there?" });
    const down = await until(503);
    expect(down.body.failing).toEqual(["matrix"]);
    matrix.clearFaults();
  });

  it("exits 0 on SIGTERM", async () => {
    bot.kill("SIGTERM");
    expect(await exitOf(bot)).toBe(0);
  });
});

describe("npm start with WEB_PORT alone: the web page and HTTP API, no terminal", () => {
  it("answers GET /api/ask and the page, and exits 0 on SIGTERM", async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env["PATH"] ?? "", WEB_PORT: String(port), HOST: "127.0.0.1", INSIGHTS: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    try {
      let response: Response | null = null;
      for (let tries = 0; tries < 100 && response === null; tries++) {
        response = await fetch(
          `http://127.0.0.1:${port}/api/ask?q=${encodeURIComponent("does CentOS 6.3 work as dom0?")}&as-of=2014-04-18`,
        ).catch(() => null);
        if (response === null) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(response?.status).toBe(200);
      expect(await response?.json()).toMatchObject({ product: "centos", version: "6.3", verdict: "no" });
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.headers.get("content-type")).toMatch(/text\/html/);
      child.kill("SIGTERM");
      expect(await exitOf(child)).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });
});

describe("npm start when start-up fails for a reason that is not a variable", () => {
  it("exits 1 with one line when the Slack port is already taken", async () => {
    const blocker = createServer().listen(0, "127.0.0.1");
    await once(blocker, "listening");
    const taken = (blocker.address() as { port: number }).port;
    const slack = new FakeSlackApi();
    await slack.start();
    try {
      const child = spawn(process.execPath, [MAIN], {
        env: {
          PATH: process.env["PATH"] ?? "",
          SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
          SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
          SLACK_API_URL: slack.apiUrl,
          PORT: String(taken),
          HOST: "127.0.0.1",
          INSIGHTS: "0",
          LOG_LEVEL: "silent",
        },
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stderr = "";
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      expect(await exitOf(child)).toBe(1);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^dom0bot: could not start: .*EADDRINUSE/);
    } finally {
      blocker.close();
      await slack.stop();
    }
  });
});

describe("npm start when Slack or Discord cannot be reached", () => {
  async function startFails(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
    const child = spawn(process.execPath, [MAIN], {
      env: { PATH: process.env["PATH"] ?? "", INSIGHTS: "0", LOG_LEVEL: "silent", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    return { code: await exitOf(child), stderr };
  }

  it("exits 1 with one line when Slack's API does not answer auth.test", async () => {
    const closed = await freePort();
    const { code, stderr } = await startFails({
      SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
      SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
      SLACK_API_URL: `http://127.0.0.1:${closed}/api/`,
      PORT: "0",
    });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^dom0bot: could not start: /);
  });

  it("exits 1 with one line when Slack's API answers 5xx to auth.test", async () => {
    const failing = new FakeSlackApi();
    await failing.start();
    try {
      failing.serverErrorNext("auth.test", 10, 503);
      const { code, stderr } = await startFails({
        SLACK_SIGNING_SECRET: TEST_SIGNING_SECRET,
        SLACK_BOT_TOKEN: TEST_BOT_TOKEN,
        SLACK_API_URL: failing.apiUrl,
        PORT: "0",
      });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^dom0bot: could not start: .*503/);
      expect(failing.calls.filter((call) => call.method === "auth.test").length).toBeLessThanOrEqual(2);
    } finally {
      await failing.stop();
    }
  });

  it("exits 1 with one line naming DISCORD_API_URL when Discord cannot be reached", async () => {
    const closed = await freePort();
    const { code, stderr } = await startFails({
      DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: ids.application,
      DISCORD_API_URL: `http://127.0.0.1:${closed}/api`,
    });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^dom0bot: Could not reach Discord at .*ECONNREFUSED.*DISCORD_API_URL/);
  });

  it("exits 1 with one line when Discord's REST API answers 5xx", async () => {
    const failing = await startFakeDiscord({ token: DISCORD_TOKEN });
    try {
      failing.rest.failNext(
        "GET",
        /^\/gateway\/bot$/,
        { status: 503, body: { message: "Service Unavailable" } },
        10,
      );
      const { code, stderr } = await startFails({
        DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: ids.application,
        DISCORD_API_URL: failing.apiUrl,
      });
      expect(code).toBe(1);
      expect(stderr.trim().split("\n")).toHaveLength(1);
      expect(stderr).toMatch(/^dom0bot: could not start: .*(503|Service Unavailable)/);
    } finally {
      await failing.close();
    }
  });
});

import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../adapters/common/logger.js";
import { createOps, type Ops } from "../../adapters/common/ops.js";
import { RATE_LIMIT_REPLY } from "../../adapters/common/rate-limit.js";
import { createMatrixBot, type MatrixBot, matrixConfigFromEnv } from "../../adapters/matrix/index.js";
import { loadCore } from "../../src/index.js";
import mentionFixture from "../fixtures/matrix/message-mention.json" with { type: "json" };
import {
  type FakeHomeserver,
  type SentEvent,
  startFakeHomeserver,
} from "../support/matrix-fake-homeserver.js";

const BOT = "@dom0bot:localhost";
const ALICE = "@alice:localhost";
const BOB = "@bob:localhost";
const TOKEN = "syt_ZG9tMGJvdA_fakeTokenForTestsOnly_0a1b2c";
const core = loadCore();
const dir = mkdtempSync(join(tmpdir(), "dom0-matrix-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Running {
  bot: MatrixBot;
  ops: Ops;
  logs: string[];
}

async function startBot(server: FakeHomeserver, env: Record<string, string> = {}, store = "sync.json") {
  const logs: string[] = [];
  const ops = createOps({
    env: {
      LOG_LEVEL: "debug",
      INSIGHTS: "0",
      RATE_LIMIT_BURST: "1000",
      RATE_LIMIT_PER_MINUTE: "1000",
      ...env,
    },
    logger: createLogger({ level: "debug", destination: { write: (line: string) => void logs.push(line) } }),
  });
  const config = matrixConfigFromEnv(
    { MATRIX_HOMESERVER_URL: server.url, MATRIX_ACCESS_TOKEN: TOKEN, MATRIX_STORE: join(dir, store) },
    dir,
  );
  const bot = createMatrixBot({ config, core, ops });
  await bot.start();
  return { bot, ops, logs } satisfies Running;
}

/** The bot's next m.room.message in `room` that replies to `questionId`. */
function replyTo(
  server: FakeHomeserver,
  room: string,
  questionId: string,
  timeoutMs = 5000,
): Promise<SentEvent> {
  return server.waitForSent(
    (sent) =>
      sent.roomId === room &&
      sent.type === "m.room.message" &&
      (sent.content["m.relates_to"] as { "m.in_reply_to"?: { event_id?: string } })?.["m.in_reply_to"]
        ?.event_id === questionId,
    timeoutMs,
  );
}

const repliesTo = (server: FakeHomeserver, questionId: string) =>
  server
    .sent()
    .filter(
      (sent) =>
        (sent.content["m.relates_to"] as { "m.in_reply_to"?: { event_id?: string } })?.["m.in_reply_to"]
          ?.event_id === questionId,
    );

const settle = (ms = 400) => new Promise((resolve) => setTimeout(resolve, ms));

describe("the Matrix bot, through matrix-js-sdk against a homeserver on loopback", () => {
  let server: FakeHomeserver;
  let running: Running;
  let room: string;

  beforeAll(async () => {
    server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN });
    room = server.createRoom({ members: [ALICE, BOB, BOT], name: "Xen users" });
    running = await startBot(server);
  });
  afterAll(async () => {
    await running?.bot.stop();
    await server?.close();
  });

  it("answers !dom0 QUESTION in a thread under it: the verdict in bold, reasons as a list, sources as links", async () => {
    const question = server.sendMessage(room, { sender: ALICE, body: "!dom0 does CentOS 6.3 work as dom0?" });
    const reply = await replyTo(server, room, question);
    expect(reply.content["m.relates_to"]).toEqual({
      rel_type: "m.thread",
      event_id: question,
      is_falling_back: true,
      "m.in_reply_to": { event_id: question },
    });
    expect(reply.content["body"]).toMatch(/^❌ No/);
    expect(reply.content["body"]).toMatch(/6\.4/);
    expect(reply.content["formatted_body"]).toMatch(/^<p><strong>❌ No[^<]*<\/strong><\/p><ul><li>/);
    expect(reply.content["formatted_body"]).toMatch(
      /<a href="https:\/\/wiki\.xenproject\.org\/wiki\/Dom0_Kernels_for_Xen">/,
    );
    expect(reply.content["m.mentions"]).toEqual({});
  });

  it("answers a mention (a pill with m.mentions), and leaves a message that does not address it alone", async () => {
    const ignored = server.sendMessage(room, { sender: BOB, body: "does Debian 7 work as dom0?" });
    const mention = server.sendMessage(room, {
      sender: ALICE,
      body: "dom0bot: is Debian squeeze OK with Xen 3.4?",
      formatted_body: mentionFixture.content.formatted_body.replace(
        /: .*$/,
        ": is Debian squeeze OK with Xen 3.4?",
      ),
      mentions: { user_ids: [BOT] },
    });
    const reply = await replyTo(server, room, mention);
    expect(reply.content["body"]).toMatch(/^❌ No/);
    expect(reply.content["body"]).toMatch(/4\.0/);
    await settle();
    expect(repliesTo(server, ignored)).toEqual([]);
  });

  it("takes a message in its thread as a follow-up without a mention, and says nothing to a thanks", async () => {
    const question = server.sendMessage(room, { sender: ALICE, body: "!dom0 does CentOS 6.3 work as dom0?" });
    await replyTo(server, room, question);
    const followUp = server.sendMessage(room, {
      sender: ALICE,
      body: "what about 6.5?",
      relatesTo: {
        rel_type: "m.thread",
        event_id: question,
        is_falling_back: true,
        "m.in_reply_to": { event_id: question },
      },
    });
    const reply = await replyTo(server, room, followUp);
    expect(reply.content["body"]).toMatch(/^✅ Yes/);
    expect((reply.content["m.relates_to"] as { event_id: string }).event_id).toBe(question);
    const thanks = server.sendMessage(room, {
      sender: ALICE,
      body: "thanks!",
      relatesTo: {
        rel_type: "m.thread",
        event_id: question,
        is_falling_back: true,
        "m.in_reply_to": { event_id: question },
      },
    });
    await settle();
    expect(repliesTo(server, thanks)).toEqual([]);
  });

  it("joins a direct room it is invited to and answers every message there", async () => {
    const dm = server.createRoom({ creator: BOB, members: [BOB], invite: [BOT], direct: true });
    await server.waitForRequest((request) => request.method === "POST" && request.path.includes("/join"));
    await settle(300);
    expect(server.membership(dm)).toBe("join");
    const question = server.sendMessage(dm, { sender: BOB, body: "ubuntu 12.04 dom0?" });
    const reply = await replyTo(server, dm, question);
    expect(reply.content["body"]).toMatch(/Ubuntu/);
  });

  it("joins all the same when the homeserver rate-limits its first join (the SDK retries no join)", async () => {
    server.rateLimitNext(/^POST \/_matrix\/client\/v3\/(join|rooms\/[^/]+\/join)/, 1, 300);
    const invitedTo = server.createRoom({ creator: ALICE, members: [ALICE], invite: [BOT], name: "limited" });
    for (let tries = 0; server.membership(invitedTo) !== "join" && tries < 60; tries++) await settle(50);
    expect(server.membership(invitedTo)).toBe("join");
    const joins = server.requests().filter((r) => r.method === "POST" && r.path.includes("/join"));
    expect(joins.map((r) => r.status)).toContain(429);
  });

  it("explains itself on !dom0 help and on a bare !dom0", async () => {
    for (const text of ["!dom0 help", "!dom0"]) {
      const question = server.sendMessage(room, { sender: BOB, body: text });
      const reply = await replyTo(server, room, question);
      expect(reply.content["body"]).toContain("!dom0 QUESTION");
      expect(reply.content["formatted_body"]).toContain("<code>!dom0 ");
    }
  });

  it("pings no one: @room stays text, the question's HTML is escaped, m.mentions is empty", async () => {
    const question = server.sendMessage(room, {
      sender: BOB,
      body: "!dom0 @room <script>alert(1)</script> does <b>Fedora 17</b> work as dom0 @room?",
    });
    const reply = await replyTo(server, room, question);
    const { body, formatted_body: html } = reply.content as { body: string; formatted_body: string };
    expect(reply.content["m.mentions"]).toEqual({});
    expect(body).not.toMatch(/@room/i);
    expect(html).not.toMatch(/@room/i);
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>");
  });

  it("answers a huge, binary or markup-laden message politely and at once, and an edit of a question not again", async () => {
    const huge = server.sendMessage(room, {
      sender: BOB,
      body: `!dom0 ${"?".repeat(40_000)}x @room \u0000\uFFFD <img src=x onerror=alert(1)>`,
    });
    const started = performance.now();
    const reply = await replyTo(server, room, huge);
    expect(performance.now() - started).toBeLessThan(2000);
    // The first 2,000 characters are read: punctuation alone asks nothing, and the bot says how to ask.
    expect(reply.content["body"]).toMatch(/^(Ask me|I could not tell)/);
    expect(String(reply.content["body"]).length).toBeLessThan(3000);
    expect(reply.content["formatted_body"]).not.toContain("<img");
    const edit = server.sendMessage(room, {
      sender: BOB,
      body: "* !dom0 does Debian 7 work as dom0?",
      relatesTo: { rel_type: "m.replace", event_id: huge },
    });
    await settle();
    expect(repliesTo(server, edit)).toEqual([]);
  });

  it("records a 👍 on an answer as its rating, once per person", async () => {
    const question = server.sendMessage(room, { sender: ALICE, body: "!dom0 does NetBSD work as dom0?" });
    const reply = await replyTo(server, room, question);
    server.react(room, { sender: ALICE, eventId: reply.eventId, key: "👍" });
    server.react(room, { sender: ALICE, eventId: reply.eventId, key: "👍" });
    server.react(room, { sender: BOB, eventId: question, key: "👎" });
    await settle();
    const ratings = running.logs.map((line) => JSON.parse(line)).filter((line) => line.event === "rating");
    expect(ratings).toEqual([
      expect.objectContaining({ platform: "matrix", rating: "up", product: "netbsd" }),
    ]);
  });

  it("retries a rate-limited reply after the homeserver's retry_after_ms and sends it once", async () => {
    server.rateLimitNext(/^PUT \/_matrix\/client\/v3\/rooms\/[^/]+\/send\/m\.room\.message\//, 1, 300, {
      header: false,
    });
    const question = server.sendMessage(room, { sender: BOB, body: "!dom0 does Alpine 2.4 work as dom0?" });
    const reply = await replyTo(server, room, question);
    expect(reply.content["body"]).toMatch(/Alpine/);
    await settle();
    expect(repliesTo(server, question)).toHaveLength(1);
    const puts = server
      .requests()
      .filter((r) => r.method === "PUT" && r.path.includes("/send/m.room.message/"));
    expect(puts.some((r) => r.status === 429)).toBe(true);
  });
});

describe("the Matrix bot's limits and restarts", () => {
  it("tells a user once when they ask too fast, then stays quiet", async () => {
    const server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN });
    const room = server.createRoom({ members: [ALICE, BOT] });
    const { bot } = await startBot(
      server,
      { RATE_LIMIT_BURST: "2", RATE_LIMIT_PER_MINUTE: "1" },
      "limits.json",
    );
    try {
      const asked = [1, 2, 3, 4].map((n) =>
        server.sendMessage(room, { sender: ALICE, body: `!dom0 does Debian ${n + 3} work as dom0?` }),
      );
      await replyTo(server, room, asked[2] as string);
      await settle();
      const bodies = asked.map((id) => repliesTo(server, id).map((sent) => sent.content["body"]));
      expect(bodies[0]?.[0]).toMatch(/Debian/);
      expect(bodies[1]?.[0]).toMatch(/Debian/);
      expect(bodies[2]).toEqual([RATE_LIMIT_REPLY]);
      expect(bodies[3]).toEqual([]);
    } finally {
      await bot.stop();
      await server.close();
    }
  });

  it("resumes after a restart: answers what came while it was down, once, and nothing it answered before", async () => {
    const server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN });
    const room = server.createRoom({ members: [ALICE, BOT] });
    const before = server.sendMessage(room, {
      sender: ALICE,
      body: "!dom0 sent before the bot ever started",
    });
    const first = await startBot(server, {}, "restart.json");
    const answered = server.sendMessage(room, { sender: ALICE, body: "!dom0 does CentOS 5 work as dom0?" });
    await replyTo(server, room, answered);
    await first.bot.stop();
    const whileDown = server.sendMessage(room, { sender: ALICE, body: "!dom0 does Debian 7 work as dom0?" });
    const second = await startBot(server, {}, "restart.json");
    try {
      await replyTo(server, room, whileDown);
      await settle(500);
      expect(repliesTo(server, whileDown)).toHaveLength(1);
      expect(repliesTo(server, answered)).toHaveLength(1);
      expect(repliesTo(server, before)).toEqual([]);
    } finally {
      await second.bot.stop();
      await server.close();
    }
  });

  it("after a crash (no final save) sees its answered questions again, and its own replies tell it not to answer twice", async () => {
    const server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN });
    const room = server.createRoom({ members: [ALICE, BOT] });
    const first = await startBot(server, {}, "crash.json");
    const answered = server.sendMessage(room, { sender: ALICE, body: "!dom0 does CentOS 5 work as dom0?" });
    await replyTo(server, room, answered);
    // A crash: the client stops, and the state saved on disk is the one from before this question.
    first.bot.client?.stopClient();
    const whileDown = server.sendMessage(room, { sender: ALICE, body: "!dom0 does Debian 7 work as dom0?" });
    const second = await startBot(server, {}, "crash.json");
    try {
      await replyTo(server, room, whileDown);
      await settle(500);
      expect(repliesTo(server, answered)).toHaveLength(1);
      expect(repliesTo(server, whileDown)).toHaveLength(1);
    } finally {
      await second.bot.stop();
      await server.close();
    }
  });

  it("fails start-up naming MATRIX_ACCESS_TOKEN when the homeserver refuses it, and MATRIX_HOMESERVER_URL when unreachable", async () => {
    const server = await startFakeHomeserver({ userId: BOT, accessToken: TOKEN });
    const ops = createOps({ env: { INSIGHTS: "0", LOG_LEVEL: "silent" } });
    try {
      const refused = createMatrixBot({
        config: { homeserverUrl: server.url, accessToken: "wrong", storePath: join(dir, "x.json") },
        core,
        ops,
      });
      await expect(refused.start()).rejects.toThrow(/refused MATRIX_ACCESS_TOKEN/);
    } finally {
      await server.close();
    }
    const unreachable = createMatrixBot({
      config: { homeserverUrl: server.url, accessToken: TOKEN, storePath: join(dir, "y.json") },
      core,
      ops,
    });
    await expect(unreachable.start()).rejects.toThrow(
      /Could not reach the Matrix homeserver.*MATRIX_HOMESERVER_URL/,
    );
  });
});

/** A failure inside one answer: logged through the operations logger, apologised for, and the server serves on. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APOLOGY_TEXT } from "../../adapters/common/shutdown.js";
import { fakeAnswer, fakeCore } from "../support/fake-core.js";
import { firstLine, type MessageBody } from "./support/blocks.js";
import { eventCallback, slashCommandFields } from "./support/fixtures.js";
import { postEvent, postSlashCommand, TEST_BOT_TOKEN, TEST_SIGNING_SECRET } from "./support/signing.js";
import { type SlackHarness, startSlackHarness } from "./support/slack-harness.js";

/** A core that fails on any question mentioning "boom", as a bug in the core would. */
const brittleCore = fakeCore((question) => {
  if (question.includes("boom")) throw new Error("the core broke on this question");
  return fakeAnswer({ question });
});

let h: SlackHarness;
beforeAll(async () => {
  h = await startSlackHarness({ core: brittleCore });
});
afterAll(async () => {
  await h?.stop();
});

async function slash(text: string): Promise<{ status: number; reply: MessageBody }> {
  const response = await postSlashCommand(h.eventsUrl, slashCommandFields(text));
  return { status: response.status, reply: (await response.json()) as MessageBody };
}

const errorLines = () => h.records().filter((record) => record["level"] === 50);

describe("an answer that fails", () => {
  it("answers a slash command whose answer throws with the apology, logs the error, and answers the next one", async () => {
    const failed = await slash("does boom work as dom0?");
    expect(failed.status).toBe(200);
    expect(failed.reply).toEqual({ response_type: "ephemeral", text: APOLOGY_TEXT });
    expect(errorLines()).toContainEqual(
      expect.objectContaining({
        component: "slack",
        msg: "answering failed; sending an apology",
        err: expect.objectContaining({ message: "the core broke on this question" }),
      }),
    );

    const next = await slash("does CentOS 6.3 work as dom0?");
    expect(next.status).toBe(200);
    expect(firstLine(next.reply.blocks)).toContain("CentOS 6.3 cannot be the dom0");
  });

  it("apologises in the thread when posting a mention's answer is refused, then answers the next mention", async () => {
    h.api.failNext("chat.postMessage", "msg_too_long");
    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0FAIL001" }));
    const apology = await h.api.waitFor(() =>
      h.api
        .callsOf("chat.postMessage")
        .find((call) => call.args.channel === "C0FAIL001" && call.args.text === APOLOGY_TEXT),
    );
    expect(apology.args.thread_ts).toBe("1515449522.000016");
    expect(errorLines().map((line) => JSON.stringify(line["err"]))).toContainEqual(
      expect.stringContaining("msg_too_long"),
    );

    await postEvent(h.eventsUrl, eventCallback("event-app-mention", { channel: "C0FAIL002" }));
    const answered = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "C0FAIL002"),
    );
    expect(firstLine(answered.args.blocks)).toContain("CentOS 6.3 cannot be the dom0");
  });

  it("apologises in a direct message whose answer throws", async () => {
    await postEvent(h.eventsUrl, eventCallback("event-message-im", { channel: "D0FAIL001", text: "boom?" }));
    const apology = await h.api.waitFor(() =>
      h.api.callsOf("chat.postMessage").find((call) => call.args.channel === "D0FAIL001"),
    );
    expect(apology.args.text).toBe(APOLOGY_TEXT);
  });

  it("logs no secret and no question while doing so", async () => {
    const all = h.logs.join("");
    expect(all).not.toContain(TEST_SIGNING_SECRET);
    expect(all).not.toContain(TEST_BOT_TOKEN);
    expect(all).not.toContain("does boom work");
  });
});

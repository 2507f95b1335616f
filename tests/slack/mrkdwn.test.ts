/** Slack text in, plain questions out; plain text in, escaped mrkdwn out. */
import { describe, expect, it } from "vitest";
import { escapeMrkdwn, questionFromSlackText, truncateMrkdwn } from "../../adapters/slack/mrkdwn.js";

describe("questionFromSlackText", () => {
  it.each([
    ["<@UBOT0DOM0> is wheezy OK with Xen 3.4?", "is wheezy OK with Xen 3.4?"],
    ["is wheezy OK <@UBOT0DOM0>", "is wheezy OK"],
    ["<@UBOT0DOM0|dom0bot> help", "help"],
    ["ask <@U123|boss> about CentOS", "ask @boss about CentOS"],
    ["ask <@U123> about CentOS", "ask @someone about CentOS"],
    ["<!here> does CentOS 6.3 work?", "@here does CentOS 6.3 work?"],
    ["<!subteam^S0123|@admins> ok?", "@admins ok?"],
    ["<!subteam^S0123> ok?", "@subteam ok?"],
    ["in <#C0GENERAL|general>", "in #general"],
    ["see <https://wiki.xenproject.org|the wiki>", "see the wiki"],
    ["see <https://wiki.xenproject.org>", "see https://wiki.xenproject.org"],
    ["Xen &gt;= 4.0 &amp; &lt;b&gt;", "Xen >= 4.0 & <b>"],
    ["  many \n  spaces\t here ", "many spaces here"],
  ])("turns %j into %j", (text, question) => {
    expect(questionFromSlackText(text, "UBOT0DOM0")).toBe(question);
  });

  it("decodes &amp;lt; once, so what a person typed stays literal", () => {
    expect(questionFromSlackText("&amp;lt;")).toBe("&lt;");
  });
});

describe("escapeMrkdwn and truncateMrkdwn", () => {
  it("escapes &, < and > (and & first, so nothing is escaped twice)", () => {
    expect(escapeMrkdwn("a & <b> &amp;")).toBe("a &amp; &lt;b&gt; &amp;amp;");
  });

  it("breaks plain @here, @channel and @everyone with a zero-width space so they can never broadcast", () => {
    expect(escapeMrkdwn("ask @here or @Channel, @everyone")).toBe(
      "ask @\u200bhere or @\u200bChannel, @\u200beveryone",
    );
    expect(escapeMrkdwn("mail me@hereford.example")).toBe("mail me@hereford.example");
  });

  it("leaves short text alone and cuts long text with an ellipsis within the limit", () => {
    expect(truncateMrkdwn("short", 10)).toBe("short");
    const cut = truncateMrkdwn("x".repeat(20), 10);
    expect(cut).toHaveLength(10);
    expect(cut.endsWith("…")).toBe(true);
  });

  it("drops a half entity at the cut instead of showing it", () => {
    expect(truncateMrkdwn("ab&amp;cdef", 6)).toBe("ab…");
  });
});

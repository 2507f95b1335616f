import { describe, expect, it } from "vitest";
import { renderMatrixAnswer } from "../../adapters/matrix/render.js";
import { loadCore } from "../../src/index.js";
import { fakeAnswer } from "../support/fake-core.js";

describe("renderMatrixAnswer", () => {
  it("escapes every piece of text into formatted_body and leaves no @room that could notify a room", () => {
    const hostile = fakeAnswer({
      headline: "Yes @room <img src=x onerror=alert(1)>",
      reasons: ['<a href="javascript:alert(1)">click</a> & @ROOM'],
    });
    const message = renderMatrixAnswer(hostile);
    expect(message.formatted_body).not.toMatch(/<img|<a href="javascript/);
    expect(message.formatted_body).toContain("&#60;img src=x onerror=alert(1)&#62;");
    expect(message.formatted_body).toContain("&#38;");
    expect(`${message.body} ${message.formatted_body}`).not.toMatch(/@room/i);
    expect(message.body).toContain("@\u2060room");
    expect(message["m.mentions"]).toEqual({});
  });

  it("marks each system's line with its own verdict when a message names several, and the whole with none", () => {
    const answer = loadCore().answer("does CentOS 6.3 or Debian 7 work as dom0?", { asOf: "2014-04-18" });
    const message = renderMatrixAnswer(answer);
    const [headline, , ...lines] = message.body.split("\n");
    expect(headline).not.toMatch(/^(✅|❌|⚠️|❔)/u);
    expect(lines.find((line) => line.includes("CentOS"))).toMatch(/^- ❌ /);
    expect(lines.find((line) => line.includes("Debian"))).toMatch(/^- ✅ /);
  });
});

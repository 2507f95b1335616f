import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { answerLines } from "../../adapters/terminal/batch.js";
import { loadCore } from "../../src/index.js";

const core = loadCore();

async function run(input: Buffer | string): Promise<string[]> {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  await answerLines(
    core,
    Readable.from([typeof input === "string" ? Buffer.from(input) : input]),
    output,
    "json",
  );
  return Buffer.concat(chunks)
    .toString("utf8")
    .split("\n")
    .filter((line) => line !== "");
}

describe("dom0 ask --json --stdin", () => {
  it("answers one JSON object a line, in the order asked", async () => {
    const lines = await run("does CentOS 6.3 work as dom0?\nDebian 7.4 dom0\nwhat is dom0?\n");
    const answers = lines.map((line) => JSON.parse(line));
    expect(answers.map((answer) => [answer.product, answer.verdict, answer.topic])).toEqual([
      ["centos", "no", null],
      ["debian", "yes", null],
      [null, null, "what-is-dom0"],
    ]);
  });

  it("gives empty lines, a 1 MB line, binary bytes and invalid UTF-8 an answer each, losing and moving none", async () => {
    const input = Buffer.concat([
      Buffer.from("ubuntu 12.04 dom0\n\n"),
      Buffer.from(`${"x".repeat(1_000_000)}\n`),
      Buffer.from([0x00, 0xff, 0xfe, 0x80, 0x0a]),
      Buffer.from([0xc3, 0x28, 0x64, 0x6f, 0x6d, 0x30, 0x0a]),
      Buffer.from("netbsd 6 dom0\r\n"),
      Buffer.from("fedora 14 dom0"),
    ]);
    const answers = (await run(input)).map((line) => JSON.parse(line));
    expect(answers).toHaveLength(7);
    expect(answers[0]).toMatchObject({ product: "ubuntu", verdict: "yes" });
    expect(answers[1]).toMatchObject({ intent: "unclear", question: "" });
    expect(answers[2]).toMatchObject({ intent: "unclear" });
    expect(answers[3]).toMatchObject({ intent: "unclear" });
    expect(answers[4]).toMatchObject({ intent: "unclear" });
    expect(answers[5]).toMatchObject({
      product: "netbsd",
      version: "6",
      verdict: "yes",
      question: "netbsd 6 dom0",
    });
    expect(answers[6]).toMatchObject({ product: "fedora", version: "14", verdict: "no" });
  });

  it("answers the last line even without a newline", async () => {
    const answers = (await run("fedora 14 dom0")).map((line) => JSON.parse(line));
    expect(answers).toEqual([expect.objectContaining({ product: "fedora", verdict: "no" })]);
  });

  it("keeps order over 5,000 lines", async () => {
    const questions = Array.from({ length: 5000 }, (_, i) =>
      i % 2 === 0 ? `centos 5.${i % 10} dom0` : `ubuntu 1${i % 10}.04 dom0`,
    );
    const answers = (await run(`${questions.join("\n")}\n`)).map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.question)).toEqual(questions);
  });
});

describe("dom0 ask --stdin line breaks and long lines", () => {
  it("breaks lines on \\n and \\r\\n only: a lone \\r is not a line break", async () => {
    expect(await run("debian 7 dom0\rcentos 6.3 dom0\n")).toHaveLength(1);
    expect(await run("debian 7 dom0\r\ncentos 6.3 dom0\r\n")).toHaveLength(2);
  });

  it("answers a 200 MB line as unclear, without holding it in memory, and the next line as asked", async () => {
    const megabyte = Buffer.alloc(1024 * 1024, "x");
    async function* huge() {
      for (let i = 0; i < 200; i++) yield megabyte;
      yield Buffer.from("\nubuntu 12.04 dom0\n");
    }
    const output = new PassThrough();
    const chunks: Buffer[] = [];
    output.on("data", (chunk: Buffer) => chunks.push(chunk));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 5);
    await answerLines(core, Readable.from(huge()), output, "json");
    clearInterval(sampler);
    const answers = Buffer.concat(chunks)
      .toString("utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.intent)).toEqual(["unclear", "support"]);
    expect(answers[1].product).toBe("ubuntu");
    // Held whole, the line alone would be 200 MB (400 MB as a JS string).
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);
  });
});

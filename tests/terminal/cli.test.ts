import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/dom0.js");

function dom0(args: string[], options: { input?: string | Buffer; env?: NodeJS.ProcessEnv } = {}) {
  return spawnSync(process.execPath, [BIN, ...args], {
    cwd: ROOT,
    input: options.input ?? "",
    encoding: "utf8",
    env: { ...process.env, ...options.env },
    timeout: 20_000,
  });
}

describe("the dom0 command", () => {
  it("answers one question as text, verdict line first, source last", () => {
    const result = dom0(["ask", "does CentOS 6.3 work as dom0?"]);
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^No: .*CentOS 6\.3.*6\.4/);
    expect(lines.at(-1)).toMatch(
      /^Source: "Dom0 Kernels for Xen".*18 April 2014.*https:\/\/wiki\.xenproject\.org/,
    );
  });

  it("answers --json with the contract's fields", () => {
    const result = dom0(["ask", "--json", "is Debian squeeze OK with Xen 3.4?"]);
    const answer = JSON.parse(result.stdout);
    expect(answer).toMatchObject({
      question: "is Debian squeeze OK with Xen 3.4?",
      intent: "support",
      product: "debian",
      version: "6.0",
      xen: "3.4",
      verdict: "no",
      topic: null,
    });
    expect(typeof answer.text).toBe("string");
  });

  it("streams --json --stdin, one object a line", () => {
    const result = dom0(["ask", "--json", "--stdin"], { input: "pvops or xenlinux?\n\nnetbsd 6 dom0\n" });
    const answers = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(answers.map((answer) => answer.intent)).toEqual(["faq", "unclear", "support"]);
  });

  it("logs one line per answer to stderr with LOG_LEVEL set, without the question unless LOG_QUESTIONS=1", () => {
    const quiet = dom0(["ask", "--json", "--stdin"], {
      input: "does centos 6.3 work?\n",
      env: { LOG_LEVEL: "" },
    });
    expect(quiet.stderr).toBe("");
    const logged = dom0(["ask", "--json", "--stdin"], {
      input: "does centos 6.3 work?\nhello\n",
      env: { LOG_LEVEL: "info" },
    });
    const lines = logged.stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({
        event: "answer",
        platform: "terminal",
        intent: "support",
        verdict: "no",
        product: "centos",
      }),
      expect.objectContaining({ event: "answer", platform: "terminal", intent: "unclear" }),
    ]);
    expect(logged.stderr).not.toContain("centos 6.3 work");
    expect(logged.stdout.trim().split("\n")).toHaveLength(2);
    const opted = dom0(["ask", "hello"], { env: { LOG_LEVEL: "info", LOG_QUESTIONS: "1" } });
    expect(JSON.parse(opted.stderr)).toMatchObject({ question: "hello" });
  });

  it("explains itself with --help", () => {
    const result = dom0(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("dom0 ask --json --stdin");
    expect(result.stdout).toContain("Ctrl-D");
  });

  it("refuses an unknown command or flag with a pointer to --help, exit 2", () => {
    expect(dom0(["frobnicate"])).toMatchObject({ status: 2, stderr: expect.stringContaining("--help") });
    expect(dom0(["ask", "--jsno", "x"])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining("--jsno"),
    });
  });

  it("runs the interactive prompt until end of input", () => {
    const result = dom0([], { input: "help\nubuntu 12.04 dom0\nexamples\n" });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/Ctrl-D/);
    expect(result.stdout).toMatch(/Yes, with Xen >= 4\.0: .*Ubuntu 12\.04/);
    expect(result.stdout).toContain("does CentOS 6.3 work as dom0?");
  });

  it("answers a follow-up at the prompt against the question before it", () => {
    const result = dom0([], { input: "does CentOS 6.3 work as dom0?\nwhat about 6.5?\nand with xen 3.4?\n" });
    expect(result.status).toBe(0);
    const answers = result.stdout.split("dom0> ").slice(1);
    expect(answers[0]).toMatch(/^No: .*CentOS 6\.3/);
    expect(answers[1]).toMatch(/^Yes: CentOS 6\.5 .*falls under the table's row "CentOS 6\.4\+"/);
    expect(answers[2]).toMatch(/CentOS 6\.5/);
    expect(answers[2]).not.toMatch(/Which system/);
  });

  it("keeps the follow-up's context with LOG_LEVEL set, logging one line per answer to stderr", () => {
    const result = dom0([], {
      input: "does CentOS 6.3 work as dom0?\nwhat about 6.5?\n",
      env: { LOG_LEVEL: "info" },
    });
    expect(result.status).toBe(0);
    const answers = result.stdout.split("dom0> ").slice(1);
    expect(answers[1]).toMatch(/^Yes: CentOS 6\.5 /);
    const logged = result.stderr
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(logged.map((line) => [line.platform, line.product, line.version])).toEqual([
      ["terminal", "centos", "6.3"],
      ["terminal", "centos", "6.5"],
    ]);
  });

  it("asks for the system by name when a first message is a fragment", () => {
    const result = dom0([], { input: "what about 6.5?\n" });
    expect(result.stdout).toMatch(/Which system do you mean\?/);
  });

  it("exits quietly when its reader leaves early (dom0 ask --stdin | head -1)", () => {
    const dir = mkdtempSync(join(tmpdir(), "dom0-pipe-"));
    try {
      const input = join(dir, "questions.txt");
      writeFileSync(input, "does centos 6.3 work as dom0?\n".repeat(200_000));
      const result = spawnSync(
        "bash",
        ["-c", `set -o pipefail; "${process.execPath}" "${BIN}" ask --json --stdin < "${input}" | head -1`],
        { cwd: ROOT, encoding: "utf8", timeout: 60_000 },
      );
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout).product).toBe("centos");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("stops on a bad data file with the file, the JSON path and the reason, exit 1", () => {
    const dir = mkdtempSync(join(tmpdir(), "dom0-cli-"));
    try {
      cpSync(join(ROOT, "data"), dir, { recursive: true });
      writeFileSync(
        join(dir, "sources/wiki-2014.json"),
        '{"id": "wiki-2014", "title": "Dom0 Kernels for Xen", "site": "Xen Project wiki", "short": "the table", "url": "https://wiki.xenproject.org/", "date": "2014-04-18", "dated": "revision", "dateText": "18 April 2014", "notes": [{"id": "x", "table": "linux", "mark": "1"}]}',
      );
      const result = dom0(["ask", "hello"], { env: { DOM0_DATA_DIR: dir } });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/sources\/wiki-2014\.json/);
      expect(result.stderr).toMatch(/\$\.notes\[0\]\.text/);
      expect(result.stdout).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("npm start", () => {
  it("answers once with a question and no chat variables", () => {
    const result = spawnSync(process.execPath, [join(ROOT, "dist/adapters/main.js"), "Debian 7.4 dom0?"], {
      cwd: ROOT,
      encoding: "utf8",
      env: { PATH: process.env["PATH"] ?? "" },
      timeout: 20_000,
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Yes, with Xen >= 4\.0: Debian 7\.4 \(Wheezy\)/);
  });
});

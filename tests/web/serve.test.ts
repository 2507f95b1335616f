/** `dom0 serve`: the compiled command listens, answers, and exits 0 on SIGTERM; bad ports stop it with a reason. */
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const BIN = join(import.meta.dirname, "../../bin/dom0.js");
const dir = mkdtempSync(join(tmpdir(), "dom0-serve-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function serve(
  args: string[],
  env: Record<string, string> = {},
): { child: ChildProcess; stderr: () => string } {
  const child = spawn(process.execPath, [BIN, "serve", ...args], {
    cwd: dir,
    env: { PATH: process.env["PATH"] ?? "", INSIGHTS: "0", LOG_LEVEL: "warn", ...env },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return { child, stderr: () => stderr };
}

async function exitCode(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const [code] = (await once(child, "exit")) as [number | null];
  return code;
}

describe("dom0 serve", () => {
  it("serves the page and the API on the port asked (0: any), and exits 0 on SIGTERM", async () => {
    const { child, stderr } = serve(["--port", "0", "--host", "127.0.0.1"]);
    try {
      const deadline = Date.now() + 15_000;
      while (!/listening on http:\/\/127\.0\.0\.1:\d+\//.test(stderr()) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(stderr())?.[1];
      expect(url, stderr()).toBeDefined();
      expect((await fetch(`${url}/healthz`)).status).toBe(200);
      const answer = (await (
        await fetch(`${url}/api/ask?q=${encodeURIComponent("is centos 6.5 ok as dom0?")}`)
      ).json()) as { verdict: string };
      expect(answer.verdict).toBe("yes");
      child.kill("SIGTERM");
      expect(await exitCode(child)).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  });

  it.each([
    [["--port", "http"], {}, /--port must be a port number/],
    [[], { WEB_PORT: "70000" }, /WEB_PORT must be a port number/],
    [["--verbose"], {}, /Unknown option '--verbose'/],
  ])("refuses %j %j with exit 2 and the reason", async (args, env, reason) => {
    const { child, stderr } = serve(args, env);
    expect(await exitCode(child)).toBe(2);
    expect(stderr()).toMatch(reason);
    expect(stderr()).toContain("Usage: dom0 serve");
  });

  it("exits 1 naming the address when the port is taken", async () => {
    const taken = createServer().listen(0, "127.0.0.1");
    await once(taken, "listening");
    const { port } = taken.address() as { port: number };
    try {
      const { child, stderr } = serve(["--port", String(port)]);
      expect(await exitCode(child)).toBe(1);
      expect(stderr()).toContain(`127.0.0.1:${port} cannot be used`);
      expect(stderr()).toContain("EADDRINUSE");
    } finally {
      taken.close();
    }
  });
});

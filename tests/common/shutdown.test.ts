import { type ChildProcess, spawn } from "node:child_process";
import { request } from "node:http";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../adapters/common/logger.js";
import {
  APOLOGY_TEXT,
  createInFlight,
  guardAnswer,
  installGracefulShutdown,
} from "../../adapters/common/shutdown.js";
import { LineCapture, type LogLine } from "./helpers/capture.js";
import { compiledModulesDir, removeTempDirs } from "./helpers/files.js";

afterAll(removeTempDirs);

describe("guardAnswer", () => {
  it("logs a handler that throws, sends the apology, and never rejects", async () => {
    const out = new LineCapture();
    const sent: string[] = [];
    const handler = guardAnswer(
      async (_question: string) => {
        throw new Error("resolver exploded");
      },
      { logger: createLogger({ destination: out }), apologise: async () => void sent.push(APOLOGY_TEXT) },
    );
    await expect(handler("does centos work")).resolves.toBeUndefined();
    expect(sent).toEqual([APOLOGY_TEXT]);
    expect(out.json()[0]).toMatchObject({ level: 50, msg: "answering failed; sending an apology" });
    expect(out.text).toContain("resolver exploded");
  });

  it("logs an apology that fails too, still without rejecting", async () => {
    const out = new LineCapture();
    const handler = guardAnswer(() => Promise.reject(new Error("platform 500")), {
      logger: createLogger({ destination: out }),
      apologise: () => Promise.reject(new Error("platform still 500")),
    });
    await expect(handler()).resolves.toBeUndefined();
    expect(out.json().map((line) => line.msg)).toEqual([
      "answering failed; sending an apology",
      "the apology could not be sent either",
    ]);
  });

  it("counts handlers in flight until they settle, failed ones included", async () => {
    const inFlight = createInFlight();
    const releases: Array<() => void> = [];
    const handler = guardAnswer(() => new Promise<void>((release) => releases.push(release)), {
      logger: createLogger({ level: "silent", destination: new LineCapture() }),
      inFlight,
    });
    const failing = guardAnswer(() => Promise.reject(new Error("x")), {
      logger: createLogger({ level: "silent", destination: new LineCapture() }),
      inFlight,
    });
    void handler();
    void handler();
    const failed = failing();
    expect(inFlight.count).toBe(3);
    await failed;
    expect(inFlight.count).toBe(2);
    let drained = false;
    const drain = inFlight.drained().then(() => {
      drained = true;
    });
    releases[0]?.();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(drained).toBe(false);
    releases[1]?.();
    await drain;
    expect(inFlight.count).toBe(0);
  });
});

describe("installGracefulShutdown", () => {
  function shutdownWith(stops: Array<() => Promise<void>>, cleanups: Array<() => Promise<void>> = []) {
    const out = new LineCapture();
    const exits: number[] = [];
    const handle = installGracefulShutdown({
      logger: createLogger({ destination: out }),
      stops,
      cleanups,
      exit: (code) => void exits.push(code),
      logProcessErrors: false,
      signals: [],
    });
    return { out, exits, handle };
  }

  it("exits 0 once every stop and then every cleanup has finished", async () => {
    const order: string[] = [];
    const slowStop = () =>
      new Promise<void>((resolve) => setTimeout(() => resolve(void order.push("stop")), 20));
    const { exits, handle } = shutdownWith([slowStop], [async () => void order.push("cleanup")]);
    await handle.shutdown("test");
    expect(order).toEqual(["stop", "cleanup"]);
    expect(exits).toEqual([0]);
    expect(handle.stopping).toBe(true);
  });

  it("exits 1 and logs each failure when a stop rejects or throws, after running the others", async () => {
    let cleaned = false;
    const throwing = (): Promise<void> => {
      throw new Error("threw synchronously");
    };
    const { out, exits, handle } = shutdownWith(
      [() => Promise.reject(new Error("socket close failed")), throwing],
      [
        async () => {
          cleaned = true;
        },
      ],
    );
    await handle.shutdown("test");
    expect(exits).toEqual([1]);
    expect(cleaned).toBe(true);
    expect(out.json().filter((line) => line.msg === "a stop failed during shutdown")).toHaveLength(2);
    expect(out.text).toContain("socket close failed");
    expect(out.text).toContain("threw synchronously");
  });

  it("exits 1 at once on a second signal", async () => {
    const { exits, handle } = shutdownWith([() => new Promise<void>(() => {})]);
    void handle.shutdown("SIGTERM");
    await handle.shutdown("SIGINT");
    expect(exits).toEqual([1]);
  });
});

describe("graceful shutdown of a real process", () => {
  let modules: string;
  beforeAll(() => {
    modules = compiledModulesDir();
  });

  function startServer(mode: "graceful" | "stuck", delayMs: number, timeoutMs: number) {
    const child = spawn(
      process.execPath,
      [
        join(import.meta.dirname, "fixtures/shutdown-server.mjs"),
        modules,
        mode,
        String(delayMs),
        String(timeoutMs),
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const port = new Promise<number>((resolve, reject) => {
      child.stdout?.once("data", (chunk: Buffer) =>
        resolve((JSON.parse(chunk.toString()) as { port: number }).port),
      );
      child.once("exit", () => reject(new Error(`server exited early: ${stderr}`)));
    });
    const logs = (): LogLine[] =>
      stderr
        .split("\n")
        .filter(Boolean)
        .map((line) => JSON.parse(line) as LogLine);
    return { child, port, exited, logs };
  }

  function get(port: number, path: string): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port, path, agent: false }, (res) => {
        let body = "";
        res.on("data", (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on("error", reject);
      req.end();
    });
  }

  async function whenReceived(logs: () => LogLine[], count: number): Promise<void> {
    while (logs().filter((line) => line.msg === "received").length < count) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  function signalled(child: ChildProcess): number {
    child.kill("SIGTERM");
    return Date.now();
  }

  it("on SIGTERM answers every request in flight, refuses new ones, and exits 0", async () => {
    const server = startServer("graceful", 700, 10_000);
    const port = await server.port;
    const inFlight = Array.from({ length: 5 }, (_, i) => get(port, `/q${i}`));
    await whenReceived(server.logs, 5);
    const sentAt = signalled(server.child);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(get(port, "/late")).rejects.toThrow(/ECONNREFUSED|ECONNRESET/);
    const answers = await Promise.all(inFlight);
    expect(answers).toEqual(Array.from({ length: 5 }, (_, i) => ({ status: 200, body: `answered /q${i}` })));
    expect(await server.exited).toBe(0);
    expect(Date.now() - sentAt).toBeLessThan(5_000);
    const messages = server.logs().map((line) => line.msg);
    expect(messages).toContain("shutting down: finishing work in flight");
    // Cleanups (writing queued insights) run only once the server has stopped and its answers are out.
    expect(messages.slice(-3)).toEqual(["server stopped", "cleanup ran", "shut down"]);
  }, 20_000);

  it("survives a throwing answer, a stray rejection and a throw in a timer, logging each", async () => {
    const server = startServer("graceful", 10, 10_000);
    const port = await server.port;
    expect(await get(port, "/throw")).toEqual({ status: 200, body: APOLOGY_TEXT });
    expect(await get(port, "/after")).toEqual({ status: 200, body: "answered /after" });
    const messages = server.logs().map((line) => line.msg);
    expect(messages).toContain("answering failed; sending an apology");
    expect(messages).toContain("unhandled promise rejection; the process carries on");
    expect(messages).toContain("uncaught exception; the process carries on");
    signalled(server.child);
    expect(await server.exited).toBe(0);
  }, 20_000);

  it("cuts off a stop that never finishes: exits 1 at the timeout with a log line", async () => {
    const server = startServer("stuck", 10, 800);
    await server.port;
    const sentAt = signalled(server.child);
    expect(await server.exited).toBe(1);
    const elapsed = Date.now() - sentAt;
    expect(elapsed).toBeGreaterThanOrEqual(750);
    expect(elapsed).toBeLessThan(5_000);
    expect(server.logs().at(-1)).toMatchObject({
      level: 50,
      msg: "shutdown timed out with work still running; exiting 1",
    });
  }, 20_000);
});

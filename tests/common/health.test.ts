import { afterAll, describe, expect, it } from "vitest";
import { createHealthServer, HEALTH_PATH, Health, listen } from "../../adapters/common/health.js";

describe("Health", () => {
  it("is healthy only while every platform is, naming the ones that are not", () => {
    const health = new Health();
    expect(health.status()).toEqual({ ok: false, failing: [], draining: false });
    let discordUp = true;
    health.add({ name: "slack", healthy: () => true });
    health.add({ name: "discord", healthy: () => discordUp });
    expect(health.status()).toEqual({ ok: true, failing: [], draining: false });
    discordUp = false;
    expect(health.status()).toEqual({ ok: false, failing: ["discord"], draining: false });
    discordUp = true;
    health.drain();
    expect(health.status()).toEqual({ ok: false, failing: [], draining: true });
  });

  describe("over HTTP", () => {
    const health = new Health();
    let up = true;
    health.add({ name: "matrix", healthy: () => up });
    const server = createHealthServer(health);
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("answers 200, then 503 with the failing platform, and 404 elsewhere", async () => {
      const port = await listen(server, 0, "127.0.0.1");
      const get = (path: string) => fetch(`http://127.0.0.1:${port}${path}`);
      const ok = await get(HEALTH_PATH);
      expect([ok.status, await ok.json()]).toEqual([200, { ok: true, failing: [], draining: false }]);
      up = false;
      const down = await get(HEALTH_PATH);
      expect([down.status, await down.json()]).toEqual([
        503,
        { ok: false, failing: ["matrix"], draining: false },
      ]);
      expect((await get("/other")).status).toBe(404);
    });

    it("refuses a port already taken, so start-up can fail loudly", async () => {
      const address = server.address();
      const taken = typeof address === "object" && address ? address.port : 0;
      await expect(listen(createHealthServer(health), taken, "127.0.0.1")).rejects.toThrow(/EADDRINUSE/);
    });
  });
});

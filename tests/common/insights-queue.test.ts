import { describe, expect, it } from "vitest";
import { createWriteQueue, type InsightRecord } from "../../adapters/common/insights-queue.js";

const record = (n: number): InsightRecord => ({
  table: "misses",
  at: n,
  platform: "slack",
  kind: "unclear",
  question: `q${n}`,
  productName: null,
  userId: null,
});

describe("the insights write queue", () => {
  it("keeps memory bounded while the store hangs: past the cap records are dropped and counted, not queued", async () => {
    const batches: number[] = [];
    let release: () => void = () => {};
    const hanging = new Promise<void>((resolve) => {
      release = resolve;
    });
    const dropped: number[] = [];
    const queue = createWriteQueue(
      async (batch) => {
        batches.push(batch.length);
        await hanging;
      },
      { lost: () => {}, dropped: (count) => dropped.push(count) },
      { afterMs: 10_000, atRows: 5, maxQueued: 20 },
    );
    // The first 5 go out in one batch that never finishes; 20 more wait; the other 75 are dropped.
    for (let i = 0; i < 100; i++) queue.push(record(i));
    expect(batches).toEqual([5]);
    release();
    await queue.flush();
    expect(batches).toEqual([5, 20]);
    expect(dropped).toEqual([75]);
    queue.stop();
  });

  it("reports a failed batch with its size and goes on writing the next", async () => {
    const lost: number[] = [];
    let calls = 0;
    const queue = createWriteQueue(
      () => {
        calls++;
        if (calls === 1) throw new Error("disk full");
      },
      { lost: (_error, count) => lost.push(count), dropped: () => {} },
      { afterMs: 10_000, atRows: 100, maxQueued: 1000 },
    );
    queue.push(record(1));
    queue.push(record(2));
    await queue.flush();
    queue.push(record(3));
    await queue.flush();
    expect(lost).toEqual([2]);
    expect(calls).toBe(2);
    queue.stop();
  });
});

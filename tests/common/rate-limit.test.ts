import { describe, expect, it } from "vitest";
import { createRateLimiter } from "../../adapters/common/rate-limit.js";

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe("createRateLimiter", () => {
  it("answers a burst of `capacity` questions, then tells the user once and stays silent", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 1 / 6, now: time.now });
    const decisions = Array.from({ length: 14 }, () => limiter.take("slack:T1:U1"));
    expect(decisions.slice(0, 10)).toEqual(Array(10).fill("ok"));
    expect(decisions.slice(10)).toEqual(["limited-first", "limited", "limited", "limited"]);
  });

  it("gives back one question per refill interval, and a new refusal run is told again", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 2, refillPerSecond: 1 / 6, now: time.now });
    expect([limiter.take("u"), limiter.take("u"), limiter.take("u")]).toEqual(["ok", "ok", "limited-first"]);
    time.advance(5_999);
    expect(limiter.take("u")).toBe("limited");
    time.advance(1);
    expect(limiter.take("u")).toBe("ok");
    expect(limiter.take("u")).toBe("limited-first");
  });

  it("refills no further than the burst, however long the user was away", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 3, refillPerSecond: 1, now: time.now });
    limiter.take("u");
    time.advance(3_600_000);
    const decisions = Array.from({ length: 4 }, () => limiter.take("u"));
    expect(decisions).toEqual(["ok", "ok", "ok", "limited-first"]);
  });

  it("keeps users apart: one user's flood does not limit another", () => {
    const time = clock();
    const limiter = createRateLimiter({ capacity: 1, refillPerSecond: 0.1, now: time.now });
    expect(limiter.take("discord:1")).toBe("ok");
    expect(limiter.take("discord:1")).toBe("limited-first");
    expect(limiter.take("discord:2")).toBe("ok");
  });

  it("stays bounded with 100,000 users: idle buckets are forgotten once they would be full again", () => {
    const time = clock();
    // Full refill takes 10 / (10/60) = 60 s.
    const limiter = createRateLimiter({ capacity: 10, refillPerSecond: 10 / 60, now: time.now });
    let largest = 0;
    for (let user = 0; user < 100_000; user += 1) {
      limiter.take(`user-${user}`);
      time.advance(10); // 100 new users a second
      largest = Math.max(largest, limiter.size);
    }
    // 60 s of users at 100 a second.
    expect(largest).toBeLessThanOrEqual(6_001);
    time.advance(60_000);
    limiter.take("late");
    expect(limiter.size).toBe(1);
  });

  it("stays under maxKeys even when 100,000 users arrive in the same instant", () => {
    const time = clock();
    const limiter = createRateLimiter({
      capacity: 10,
      refillPerSecond: 1 / 6,
      maxKeys: 5_000,
      now: time.now,
    });
    for (let user = 0; user < 100_000; user += 1) limiter.take(`user-${user}`);
    expect(limiter.size).toBe(5_000);
    // The most recent users are the ones remembered: a flooder still active stays limited.
    for (let i = 0; i < 9; i += 1) limiter.take("user-99999");
    expect(limiter.take("user-99999")).toBe("limited-first");
  });
});

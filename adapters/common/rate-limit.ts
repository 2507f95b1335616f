/** A per-user token bucket: past the burst, one polite reply, then silence until the user has tokens again. */

/** The one reply a user gets when they pass the limit; the adapter stays silent after it. */
export const RATE_LIMIT_REPLY =
  "You're asking faster than I can answer. Please wait a minute, then ask again.";

/** ok: answer. limited-first: send RATE_LIMIT_REPLY once. limited: stay silent. */
export type RateDecision = "ok" | "limited-first" | "limited";

export interface RateLimiterOptions {
  /** Questions a user may ask in a burst (`RATE_LIMIT_BURST`, default 10). */
  capacity: number;
  /** Questions regained per second (`RATE_LIMIT_PER_MINUTE` / 60; default 1 every 6 s). */
  refillPerSecond: number;
  /** Most users remembered at once; past it the longest-idle user is forgotten (default 50,000). */
  maxKeys?: number;
  /** Milliseconds clock, injectable for tests. */
  now?: () => number;
}

export interface RateLimiter {
  /** Takes one question from `key`'s bucket (e.g. `slack:T123:U456`, `discord:1234`). */
  take(key: string): RateDecision;
  /** Users currently remembered (for tests and metrics). */
  readonly size: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
  /** The user was told once in this run of refusals. */
  told: boolean;
}

/** Creates a per-key token bucket limiter whose memory stays bounded (idle buckets are forgotten). */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { capacity, refillPerSecond } = options;
  const maxKeys = options.maxKeys ?? 50_000;
  const now = options.now ?? Date.now;
  // A bucket idle this long is full again, so forgetting it changes nothing.
  const refillAllMs = (capacity / refillPerSecond) * 1000;
  // Insertion order is last-use order (a bucket is re-inserted on every take), so idle buckets come first.
  const buckets = new Map<string, Bucket>();

  function forgetIdle(at: number): void {
    for (const [key, bucket] of buckets) {
      if (at - bucket.updatedAt < refillAllMs && buckets.size <= maxKeys) return;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      const bucket = buckets.get(key) ?? { tokens: capacity, updatedAt: at, told: false };
      buckets.delete(key);
      const elapsedSeconds = Math.max(0, at - bucket.updatedAt) / 1000;
      bucket.tokens = Math.min(capacity, bucket.tokens + elapsedSeconds * refillPerSecond);
      bucket.updatedAt = at;
      buckets.set(key, bucket);
      forgetIdle(at);
      // The epsilon absorbs float error: 6 s at 1/6 a second must give back a whole question.
      if (bucket.tokens >= 1 - 1e-9) {
        bucket.tokens = Math.max(0, bucket.tokens - 1);
        bucket.told = false;
        return "ok";
      }
      if (bucket.told) return "limited";
      bucket.told = true;
      return "limited-first";
    },
    get size() {
      return buckets.size;
    },
  };
}

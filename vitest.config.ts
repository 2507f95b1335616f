import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    globalSetup: ["tests/global-setup.ts"],
    exclude: ["node_modules/**", "dist/**"],
    testTimeout: 20_000,
    // The suites written for the 2014 page answer as of that page's day (as `--as-of 2014-04-18` does); the
    // present-day suites pass their day explicitly, so no test depends on the day it runs.
    env: { DOM0_AS_OF: "2014-04-18" },
    hookTimeout: 30_000,
  },
});

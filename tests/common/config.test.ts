import { describe, expect, it } from "vitest";
import { loadOpsConfig } from "../../adapters/common/config.js";
import { ConfigError } from "../../src/errors.js";

describe("loadOpsConfig", () => {
  it("defaults to info logs, no question text, 10 a burst and 1 every 6 s, insights on in the working directory", () => {
    expect(loadOpsConfig({}, "/srv/dom0bot")).toEqual({
      logLevel: "info",
      logQuestions: false,
      rateLimit: { capacity: 10, refillPerSecond: 10 / 60 },
      insights: {
        enabled: true,
        path: "/srv/dom0bot/dom0bot-insights.db",
        userIds: false,
        retentionDays: 180,
        maxRows: 100_000,
      },
    });
  });

  it("reads every variable, treating empty ones as unset", () => {
    const config = loadOpsConfig(
      {
        LOG_LEVEL: "DEBUG",
        LOG_QUESTIONS: "1",
        RATE_LIMIT_BURST: "3",
        RATE_LIMIT_PER_MINUTE: "30",
        INSIGHTS: "0",
        INSIGHTS_DB: "var/insights.db",
        INSIGHTS_USER_IDS: "true",
        INSIGHTS_RETENTION_DAYS: "30",
        INSIGHTS_MAX_ROWS: "5000",
      },
      "/srv",
    );
    expect(config).toEqual({
      logLevel: "debug",
      logQuestions: true,
      rateLimit: { capacity: 3, refillPerSecond: 0.5 },
      insights: {
        enabled: false,
        path: "/srv/var/insights.db",
        userIds: true,
        retentionDays: 30,
        maxRows: 5000,
      },
    });
    expect(loadOpsConfig({ LOG_LEVEL: "", INSIGHTS_DB: " " }, "/x").insights.path).toBe(
      "/x/dom0bot-insights.db",
    );
  });

  it.each([
    ["LOG_LEVEL", "loud"],
    ["LOG_QUESTIONS", "maybe"],
    ["RATE_LIMIT_BURST", "0"],
    ["RATE_LIMIT_BURST", "2.5"],
    ["RATE_LIMIT_PER_MINUTE", "-1"],
    ["RATE_LIMIT_PER_MINUTE", "ten"],
    ["INSIGHTS", "nope"],
    ["INSIGHTS_USER_IDS", "2"],
  ])("rejects %s=%s with a ConfigError naming the variable and what it accepts", (variable, value) => {
    let thrown: unknown;
    try {
      loadOpsConfig({ [variable]: value });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ConfigError);
    expect((thrown as ConfigError).variable).toBe(variable);
    expect((thrown as ConfigError).message).toContain(`${variable}="${value}"`);
    expect((thrown as ConfigError).message).toMatch(/expected .+/);
  });
});

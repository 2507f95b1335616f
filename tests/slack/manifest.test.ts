/** The app manifest asks for what the adapter handles, and no more. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const manifest = readFileSync(new URL("../../adapters/slack/manifest.yml", import.meta.url), "utf8");

/** The YAML list right under `key:` (comments skipped), e.g. the bot scopes. */
function listUnder(key: string): string[] {
  const after = manifest.split(new RegExp(`\\s${key}:\n`))[1] ?? "";
  const items: string[] = [];
  for (const line of after.split("\n")) {
    if (/^\s*#/.test(line)) continue;
    const item = /^\s+- (\S+)\s*$/.exec(line);
    if (item === null) break;
    items.push(item[1] ?? "");
  }
  return items;
}

describe("adapters/slack/manifest.yml", () => {
  it("registers /dom0 and points every URL at /slack/events", () => {
    expect(manifest).toMatch(/- command: \/dom0\n/);
    const urls = [...manifest.matchAll(/(?:url|request_url): (\S+)/g)].map((match) => match[1]);
    expect(urls).toHaveLength(3);
    for (const url of urls) expect(url).toMatch(/\/slack\/events$/);
  });

  it("subscribes to exactly the events the app answers", () => {
    expect(listUnder("bot_events").sort()).toEqual(["app_home_opened", "app_mention", "message.im"]);
  });

  it("asks for exactly the bot scopes the app uses", () => {
    expect(listUnder("bot").sort()).toEqual(["app_mentions:read", "chat:write", "commands", "im:history"]);
  });

  it("enables the Home tab, DMs to the app, and interactivity for the Share button", () => {
    expect(manifest).toMatch(/home_tab_enabled: true/);
    expect(manifest).toMatch(/messages_tab_read_only_enabled: false/);
    expect(manifest).toMatch(/interactivity:\n\s+is_enabled: true/);
  });
});

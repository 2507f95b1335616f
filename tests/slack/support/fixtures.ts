/** Loads the payload fixtures in tests/fixtures/slack/, shaped exactly as Slack sends them. */
import { readFileSync } from "node:fs";

const FIXTURES = new URL("../../fixtures/slack/", import.meta.url);

/** A fresh copy of one fixture, to modify freely. */
export function slackFixture<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(readFileSync(new URL(`${name}.json`, FIXTURES), "utf8")) as T;
}

export interface SlashCommandFields extends Record<string, string> {
  command: string;
  text: string;
  response_url: string;
}

export function slashCommandFields(
  text: string,
  overrides: Partial<SlashCommandFields> = {},
): SlashCommandFields {
  return { ...slackFixture<SlashCommandFields>("slash-command"), text, ...overrides };
}

let events = 0;

/**
 * An Events API callback fixture with fields of its `event` replaced, and an event_id of its own, as Slack
 * gives each event (the app answers an event_id once: a retry or replay of the same id is not answered again).
 */
export function eventCallback(name: string, event: Record<string, unknown> = {}): Record<string, unknown> {
  const body = slackFixture<{ event: Record<string, unknown>; event_id?: string }>(name);
  events += 1;
  return { ...body, event_id: `${body.event_id ?? "Ev"}${events}`, event: { ...body.event, ...event } };
}

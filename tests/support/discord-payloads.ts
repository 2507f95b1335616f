import autocomplete from "../fixtures/discord/interaction-autocomplete.json" with { type: "json" };
import button from "../fixtures/discord/interaction-button.json" with { type: "json" };
import command from "../fixtures/discord/interaction-command.json" with { type: "json" };
import direct from "../fixtures/discord/message-create-dm.json" with { type: "json" };
import mention from "../fixtures/discord/message-create-mention.json" with { type: "json" };
import type { FakeDiscord } from "./discord-fake-server.js";

/** A slash command option as Discord sends it: 3 is a string, 5 a boolean. */
export interface OptionPayload {
  name: string;
  type: 3 | 5;
  value: string | boolean;
  focused?: boolean;
}

let counter = 0n;
function nextId(): string {
  counter += 1n;
  return (1200000000000000000n + counter).toString();
}

function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Dispatches an INTERACTION_CREATE built from a fixture, registering its token with the REST fake; returns its id. */
export function dispatchInteraction(discord: FakeDiscord, payload: Record<string, unknown>): string {
  const id = nextId();
  const token = `interaction-token-${id}`;
  discord.rest.pendingInteractions.set(id, token);
  discord.rest.interactionSentAt.set(id, performance.now());
  discord.gateway.dispatch("INTERACTION_CREATE", { ...payload, id, token });
  return id;
}

/** `/dom0` with the given options (a command name other than dom0 for the unknown-command case). */
export function commandPayload(options: OptionPayload[], name = "dom0"): Record<string, unknown> {
  const payload = clone(command) as Record<string, unknown> & { data: Record<string, unknown> };
  payload.data = { ...payload.data, name, options };
  return payload;
}

/** An autocomplete request for /dom0; one option carries focused: true. */
export function autocompletePayload(options: OptionPayload[]): Record<string, unknown> {
  const payload = clone(autocomplete) as Record<string, unknown> & { data: Record<string, unknown> };
  payload.data = { ...payload.data, options };
  return payload;
}

/** A button press on one of the bot's messages; `message` overrides fields of the pressed message (its
 *  components, embeds, flags), as when pressing a button under an answer the bot sent. */
export function buttonPayload(
  customId: string,
  message: Record<string, unknown> = {},
  user?: { id: string; username: string },
): Record<string, unknown> {
  const payload = clone(button) as Record<string, unknown> & {
    data: Record<string, unknown>;
    message: Record<string, unknown>;
    member: { user: Record<string, unknown> };
  };
  payload.data = { ...payload.data, custom_id: customId };
  payload.message = { ...payload.message, ...message };
  if (user) payload.member.user = { ...payload.member.user, ...user };
  return payload;
}

/** A MESSAGE_CREATE in the guild channel with this content (mentions as the fixture: the bot). */
export function dispatchMessage(
  discord: FakeDiscord,
  content: string,
  overrides: Record<string, unknown> = {},
): string {
  const id = nextId();
  discord.gateway.dispatch("MESSAGE_CREATE", { ...clone(mention), id, content, ...overrides });
  return id;
}

/** The callback request for an interaction, once the bot sends it. */
export function callbackFor(discord: FakeDiscord, interactionId: string, timeoutMs?: number) {
  return discord.waitForRequest(
    (request) => request.method === "POST" && request.path.startsWith(`/interactions/${interactionId}/`),
    timeoutMs,
  );
}

/** A MESSAGE_CREATE in a direct message to the bot: no guild, no member, no mention needed. */
export function dispatchDirectMessage(discord: FakeDiscord, content: string): string {
  const id = nextId();
  discord.gateway.dispatch("MESSAGE_CREATE", { ...clone(direct), id, content });
  return id;
}

/** An interaction payload as another guild member sends it (the user rides in member.user). */
export function fromUser(payload: Record<string, unknown>, userId: string): Record<string, unknown> {
  const copy = clone(payload) as Record<string, unknown> & { member?: { user?: Record<string, unknown> } };
  if (copy.member?.user)
    copy.member.user = { ...copy.member.user, id: userId, username: `user${userId.slice(-4)}` };
  return copy;
}

/** MESSAGE_CREATE overrides for a message written by another (human) user. */
export function authoredBy(userId: string): Record<string, unknown> {
  return { author: { ...clone(mention.author), id: userId, username: `user${userId.slice(-4)}` } };
}

/**
 * What each conversation remembers for a follow-up ("what about 6.5?"): the last question as the core
 * understood it. Kept per conversation (a Slack thread or DM, a Discord reply chain or DM, the terminal
 * prompt), bounded in count and age, never shared between conversations, and forgotten on restart: the core
 * stays stateless and gets it back as `context`.
 */
import { LRUCache } from "lru-cache";
import { contextOf } from "../../src/core.js";
import type { Answer, StructuredQuestion } from "../../src/types.js";

export interface ConversationMemory {
  /** The conversation's last question, if it has one that has not expired. */
  recall(conversation: string): StructuredQuestion | null;
  /** Keeps what a follow-up needs of this answer (an answer with nothing to keep leaves the last one). */
  remember(conversation: string, answer: Answer): void;
  readonly size: number;
}

export interface ConversationOptions {
  /** At most this many conversations are remembered; the least recently used go first. */
  max?: number;
  /** A conversation quiet for this long is forgotten. */
  ttlMs?: number;
}

export const CONVERSATION_DEFAULTS = { max: 10_000, ttlMs: 30 * 60_000 } as const;

export function createConversations(options: ConversationOptions = {}): ConversationMemory {
  const cache = new LRUCache<string, StructuredQuestion>({
    max: options.max ?? CONVERSATION_DEFAULTS.max,
    ttl: options.ttlMs ?? CONVERSATION_DEFAULTS.ttlMs,
    updateAgeOnGet: true,
  });
  return {
    recall: (conversation) => cache.get(conversation) ?? null,
    remember(conversation, answer) {
      const context = contextOf(answer);
      if (context !== null) cache.set(conversation, context);
    },
    get size() {
      return cache.size;
    },
  };
}

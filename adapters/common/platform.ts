/** The shape every chat platform has, so `npm start` can start whichever are configured from one registry. */
import type { Dom0Core } from "../../src/types.js";
import type { Health } from "./health.js";
import type { Ops } from "./ops.js";

/** One environment variable a platform reads: whether it is a secret (scrubbed from logs) and how to get it. */
export interface PlatformVariable {
  name: string;
  secret: boolean;
  /** Set alone, does it ask for the platform? (`DISCORD_TOKEN` does; `DISCORD_GUILD_ID` does not.) */
  enables: boolean;
  how: string;
}

/** What a platform is given when it starts: the process's one core, operations layer and health. */
export interface PlatformDeps {
  core: Dom0Core;
  ops: Ops;
  health: Health;
  env: NodeJS.ProcessEnv;
  /** For a start that launches what a signal must stop before start resolves (Discord's shard processes). */
  stopOnSignal(stop: () => Promise<void>): void;
}

/** A running platform. */
export interface RunningPlatform {
  /** Stops taking questions, finishes the answers in flight, disconnects. */
  stop(): Promise<void>;
}

/** A chat platform: its name, its variables, and how it starts. Its SDK is loaded only when it starts. */
export interface ChatPlatform {
  /** Its name in logs, health and insights; the registry's names make the logger's `Platform` type. */
  name: string;
  variables: readonly PlatformVariable[];
  /**
   * Reads its configuration (throwing ConfigError naming a missing or refused variable), connects, registers
   * its health check, and resolves once it takes questions; rejects on a failed start.
   */
  start(deps: PlatformDeps): Promise<RunningPlatform>;
}

/** True when any of the platform's enabling variables is set. */
export function isConfigured(platform: ChatPlatform, env: NodeJS.ProcessEnv): boolean {
  return platform.variables.some((variable) => variable.enables && Boolean(env[variable.name]?.trim()));
}

/** The values of every secret variable of these platforms: the logs scrub them wherever they appear. */
export function secretValues(platforms: readonly ChatPlatform[], env: NodeJS.ProcessEnv): string[] {
  return platforms
    .flatMap((platform) => platform.variables.filter((variable) => variable.secret))
    .map((variable) => env[variable.name]?.trim() ?? "")
    .filter((value) => value !== "");
}

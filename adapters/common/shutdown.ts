/** Graceful shutdown, in-flight tracking and the guard that turns a failed answer into an apology. */
import type { Logger } from "./logger.js";

/** What a user reads when answering their question failed. */
export const APOLOGY_TEXT = "Sorry, something went wrong while answering that. Please try again in a moment.";
/** SIGTERM to exit: Kubernetes and systemd wait about this long before killing. */
export const SHUTDOWN_TIMEOUT_MS = 10_000;

/** Counts handlers that have started and not finished, so a stop can wait for them. */
export interface InFlight {
  /** Counts `work` until it settles; returns it unchanged. */
  track<T>(work: Promise<T>): Promise<T>;
  readonly count: number;
  /** Resolves once nothing is in flight (at once if nothing is). */
  drained(): Promise<void>;
}

export function createInFlight(): InFlight {
  let count = 0;
  let waiters: Array<() => void> = [];
  const settle = (): void => {
    count -= 1;
    if (count > 0) return;
    for (const wake of waiters) wake();
    waiters = [];
  };
  return {
    track(work) {
      count += 1;
      work.then(settle, settle);
      return work;
    },
    get count() {
      return count;
    },
    drained: () => (count === 0 ? Promise.resolve() : new Promise((wake) => waiters.push(wake))),
  };
}

export interface GuardOptions<A extends unknown[]> {
  logger: Logger;
  /** Counts the handler while it runs, for the adapter's stop. */
  inFlight?: InFlight;
  /** Sends APOLOGY_TEXT to the asker; its own failure is logged too. */
  apologise?: (...args: A) => Promise<unknown> | undefined;
}

/** Wraps a platform handler so that it never rejects: a failure is logged and the user gets an apology. */
export function guardAnswer<A extends unknown[]>(
  handler: (...args: A) => Promise<unknown>,
  options: GuardOptions<A>,
): (...args: A) => Promise<void> {
  const { logger, inFlight, apologise } = options;
  const guarded = async (...args: A): Promise<void> => {
    try {
      await handler(...args);
    } catch (error) {
      logger.error({ err: error }, "answering failed; sending an apology");
      try {
        await apologise?.(...args);
      } catch (apologyError) {
        logger.error({ err: apologyError }, "the apology could not be sent either");
      }
    }
  };
  return (...args) => (inFlight ? inFlight.track(guarded(...args)) : guarded(...args));
}

/** Logs unhandled rejections and uncaught exceptions instead of dying of them; returns an uninstaller. */
export function installProcessErrorLogging(logger: Logger): () => void {
  const onRejection = (reason: unknown): void => {
    logger.error({ err: reason }, "unhandled promise rejection; the process carries on");
  };
  const onException = (error: Error): void => {
    logger.error({ err: error }, "uncaught exception; the process carries on");
  };
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}

export interface ShutdownOptions {
  logger: Logger;
  /** Each stops taking new work, awaits its in-flight handlers and closes its sockets. Run together. */
  stops: Array<() => Promise<void>>;
  /** Run once every stop has settled, e.g. `ops.close` to write queued insights after the last answer. */
  cleanups?: Array<() => Promise<void>>;
  /** After this the process exits 1 regardless (default 10 s). */
  timeoutMs?: number;
  /** Injectable for tests; default process.exit. */
  exit?: (code: number) => void;
  /** Also log unhandled rejections and uncaught exceptions instead of dying (default true). */
  logProcessErrors?: boolean;
  /** The signals that start shutdown (default SIGTERM and SIGINT). */
  signals?: readonly NodeJS.Signals[];
}

export interface ShutdownHandle {
  /** What a signal does; callable directly (e.g. after a fatal start-up error). */
  shutdown(reason: string): Promise<void>;
  readonly stopping: boolean;
}

/** On SIGTERM or SIGINT: run the stops, then the cleanups; exit 0 when all finish, 1 if one fails or the
 *  timeout passes. A second signal exits 1 at once. */
export function installGracefulShutdown(options: ShutdownOptions): ShutdownHandle {
  const { logger, stops, timeoutMs = SHUTDOWN_TIMEOUT_MS, exit = (code) => process.exit(code) } = options;
  let stopping = false;
  if (options.logProcessErrors ?? true) installProcessErrorLogging(logger);

  async function shutdown(reason: string): Promise<void> {
    if (stopping) {
      logger.warn({ reason }, "second signal during shutdown; exiting now");
      exit(1);
      return;
    }
    stopping = true;
    const started = Date.now();
    logger.info({ reason, timeoutMs }, "shutting down: finishing work in flight");
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, "shutdown timed out with work still running; exiting 1");
      exit(1);
    }, timeoutMs);
    // Promise.resolve().then: a stop that throws synchronously is a failed stop, not a stuck shutdown.
    const stopped = await Promise.allSettled(stops.map((stop) => Promise.resolve().then(stop)));
    const cleaned = await Promise.allSettled(
      (options.cleanups ?? []).map((clean) => Promise.resolve().then(clean)),
    );
    clearTimeout(timer);
    const failed = [...stopped, ...cleaned].filter((result) => result.status === "rejected");
    for (const failure of failed) logger.error({ err: failure.reason }, "a stop failed during shutdown");
    logger.info({ ms: Date.now() - started, failed: failed.length }, "shut down");
    exit(failed.length === 0 ? 0 : 1);
  }

  for (const signal of options.signals ?? (["SIGTERM", "SIGINT"] as const)) {
    process.on(signal, () => void shutdown(signal));
  }
  return {
    shutdown,
    get stopping() {
      return stopping;
    },
  };
}

/**
 * The Matrix sync state in one JSON file (MATRIX_STORE): matrix-js-sdk's accumulated sync (rooms, their state,
 * a recent timeline, account data), as its IndexedDB store keeps it in a browser. After a restart the client
 * resumes from it: what it had seen comes back as history, not as new messages, so nothing is answered twice.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { type ISyncResponse, MemoryStore, SyncAccumulator } from "matrix-js-sdk";
import type { ISavedSync } from "matrix-js-sdk/lib/store/index.js";

const SAVE_EVERY_MS = 5000;

/** A store whose sync state survives restarts in `path`; an unreadable file starts afresh, with `onProblem` told. */
export class FileSyncStore extends MemoryStore {
  private readonly accumulator = new SyncAccumulator();
  private saved: ISavedSync | null = null;
  private savedAt = 0;

  constructor(
    private readonly path: string,
    private readonly onProblem: (message: string) => void = () => {},
  ) {
    super();
    if (!existsSync(path)) return;
    try {
      const saved = JSON.parse(readFileSync(path, "utf8")) as ISavedSync;
      if (typeof saved?.nextBatch !== "string") throw new Error("no sync token in it");
      this.accumulator.accumulate(
        {
          next_batch: saved.nextBatch,
          rooms: saved.roomsData,
          account_data: { events: saved.accountData },
        } as ISyncResponse,
        true,
      );
      this.saved = saved;
    } catch (error) {
      onProblem(`cannot read ${path} (${(error as Error).message}); starting without it`);
    }
  }

  override setSyncData(data: ISyncResponse): Promise<void> {
    this.accumulator.accumulate(data);
    return Promise.resolve();
  }

  /**
   * At most every SAVE_EVERY_MS while running (writing the whole state after every sync cost more than the
   * answers), and on stop. A crash loses at most that much sync progress: the bot then sees those events again,
   * and its own replies among them tell it which it answered (see the bot's `alreadyAnswered`).
   */
  override wantsSave(): boolean {
    return Date.now() - this.savedAt >= SAVE_EVERY_MS;
  }

  /** Written aside and renamed: a crash mid-write leaves the previous state, never half a file. */
  override save(): Promise<void> {
    const json = this.accumulator.getJSON();
    try {
      const partial = `${this.path}.${process.pid}.tmp`;
      writeFileSync(partial, JSON.stringify(json));
      renameSync(partial, this.path);
      this.saved = json;
      this.savedAt = Date.now();
    } catch (error) {
      this.onProblem(`cannot write ${this.path} (${(error as Error).message})`);
    }
    return Promise.resolve();
  }

  override getSavedSync(): Promise<ISavedSync | null> {
    return Promise.resolve(this.saved ? structuredClone(this.saved) : null);
  }

  override getSavedSyncToken(): Promise<string | null> {
    return Promise.resolve(this.saved?.nextBatch ?? null);
  }
}

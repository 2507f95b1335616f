/**
 * A real PostgreSQL server on loopback for one test file: initdb into a temp dir, `postgres` on a free port,
 * password authentication. CI installs Debian's postgresql package (.ci/run) and sets DOM0_REQUIRE_SERVICES=1,
 * so there a missing server fails the tests; on a machine without one they are skipped, saying why.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";

/** Where Debian puts the server binaries, newest version first; or the PATH's. */
export function findPostgresBin(): string | null {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  for (const version of versions) {
    const bin = join(root, version, "bin");
    if (existsSync(join(bin, "initdb")) && existsSync(join(bin, "postgres"))) return bin;
  }
  try {
    const initdb = execFileSync("sh", ["-c", "command -v initdb"], { encoding: "utf8" }).trim();
    return initdb ? join(initdb, "..") : null;
  } catch {
    return null;
  }
}

/** Skip reason when no server can run here and CI did not ask for one; null when the tests must run. */
export function postgresSkipReason(): string | null {
  if (findPostgresBin() !== null) return null;
  if (process.env["DOM0_REQUIRE_SERVICES"] === "1") return null;
  return "PostgreSQL is not installed (apt-get install postgresql); CI installs it";
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }).trim());
  return { uid: id("-u"), gid: id("-g") };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

export interface TestPostgres {
  /** `postgres://dom0:PASSWORD@127.0.0.1:PORT/insights` */
  url: string;
  password: string;
  port: number;
  /** Stops the server (fast shutdown) and removes its files. */
  stop(): Promise<void>;
}

/** Starts a throwaway server with one database, `insights`, owned by `dom0`. */
export async function startPostgres(): Promise<TestPostgres> {
  const bin = findPostgresBin();
  if (bin === null)
    throw new Error("PostgreSQL is required here (DOM0_REQUIRE_SERVICES=1) but not installed");
  const dir = mkdtempSync(join(tmpdir(), "dom0-pg-"));
  const data = join(dir, "data");
  const password = `pw-${Math.random().toString(36).slice(2)}`;
  writeFileSync(join(dir, "pwfile"), `${password}\n`);
  // initdb and postgres refuse to run as root: as root, they run as Debian's postgres user.
  const user = process.getuid?.() === 0 ? postgresUser() : null;
  if (user !== null) {
    chmodSync(dir, 0o755);
    chownSync(dir, user.uid, user.gid);
    chownSync(join(dir, "pwfile"), user.uid, user.gid);
  }
  execFileSync(
    join(bin, "initdb"),
    ["-D", data, "-U", "dom0", "--pwfile", join(dir, "pwfile"), "-A", "scram-sha-256", "--no-sync"],
    { stdio: "ignore", ...(user ?? {}) },
  );
  const port = await freePort();
  const server: ChildProcess = spawn(
    join(bin, "postgres"),
    [
      ...["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1"],
      ...["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
    ],
    { stdio: "ignore", ...(user ?? {}) },
  );
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  const admin = `postgres://dom0:${password}@127.0.0.1:${port}/postgres`;
  for (let attempt = 0; ; attempt++) {
    const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.query("CREATE DATABASE insights");
      await client.end();
      break;
    } catch (error) {
      await client.end().catch(() => {});
      if (attempt > 100 || server.exitCode !== null) {
        server.kill("SIGKILL");
        throw new Error(`PostgreSQL did not start: ${String(error)}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url: `postgres://dom0:${password}@127.0.0.1:${port}/insights`,
    password,
    port,
    async stop() {
      if (server.exitCode === null) {
        server.kill("SIGINT");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

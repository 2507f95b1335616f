/** The systemd unit in deploy/: valid for systemd (where systemd-analyze is installed), and what it promises. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "../..");
const UNIT = readFileSync(join(ROOT, "deploy/dom0bot.service"), "utf8");
const hasAnalyze = spawnSync("systemd-analyze", ["--version"], { encoding: "utf8" }).status === 0;

describe("deploy/dom0bot.service", () => {
  it("restarts on failure, reads the env file, runs as its own user, hardened", () => {
    for (const line of [
      "Restart=on-failure",
      "EnvironmentFile=/etc/dom0bot/dom0bot.env",
      "User=dom0bot",
      "NoNewPrivileges=yes",
      "ProtectSystem=strict",
      "ExecStart=/usr/bin/node --max-semi-space-size=4 /opt/dom0bot/dist/adapters/main.js",
    ]) {
      expect(UNIT).toContain(`\n${line}\n`);
    }
  });

  it.skipIf(!hasAnalyze)("passes systemd-analyze verify with no warning", () => {
    const dir = mkdtempSync(join(tmpdir(), "dom0-unit-"));
    try {
      // verify checks that ExecStart's program exists: point it at this machine's node and this checkout.
      const unit = join(dir, "dom0bot.service");
      writeFileSync(
        unit,
        UNIT.replaceAll("/usr/bin/node", process.execPath).replaceAll("/opt/dom0bot", ROOT),
      );
      const result = spawnSync("systemd-analyze", ["verify", unit], { encoding: "utf8" });
      expect(result.stderr).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

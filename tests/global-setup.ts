import { execFileSync } from "node:child_process";
import { join } from "node:path";

/** Tests that start the real `dom0` command or a bot process run the compiled code: build it first (incremental). */
export default function buildOnce(): void {
  const root = join(import.meta.dirname, "..");
  execFileSync(
    process.execPath,
    [join(root, "node_modules/typescript/bin/tsc"), "-p", "tsconfig.build.json"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}

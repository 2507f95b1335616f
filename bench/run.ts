/** `npm run bench`: every benchmark in turn, printing its figures. `npm run bench -- core slack` picks some. */
const SUITES: Record<string, () => Promise<{ run: () => Promise<void> }>> = {
  core: () => import("./core.js"),
  ops: () => import("./ops.js"),
  slack: () => import("./slack.js"),
  discord: () => import("./discord.js"),
  matrix: () => import("./matrix.js"),
  soak: () => import("./soak.js"),
  web: () => import("./web.js"),
};

const wanted = process.argv.slice(2).filter((name) => !name.startsWith("-"));
const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
for (const name of names) {
  const load = SUITES[name];
  if (!load) {
    console.error(`unknown benchmark "${name}"; choose from ${Object.keys(SUITES).join(", ")}`);
    process.exitCode = 2;
    continue;
  }
  const suite = await load();
  await suite.run();
}

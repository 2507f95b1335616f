import { parseArgs } from "node:util";
import { parseAsOf } from "../../src/as-of.js";
import { Dom0Error } from "../../src/errors.js";
import { openCore } from "../../src/open-core.js";
import { answerLines, formatAnswer } from "./batch.js";
import { answerLogFromEnv, withAnswerLog } from "./logging.js";
import { runPrompt } from "./prompt.js";

export const HELP = `dom0: can this system be the Xen Project dom0? Answers from the Xen wiki's table
"Dom0 Kernels for Xen" (its 2014 revision and its current one), its FAQ, and the distributions'
own documents, each cited with its date.

Usage:
  dom0                              interactive prompt (Ctrl-D to leave)
  dom0 ask "QUESTION"               one answer as text
  dom0 ask --json "QUESTION"        one answer as one JSON object
  dom0 ask --json --stdin           one question a line in, one JSON object a line out, in order
  dom0 ask --stdin                  the same, as text answers separated by blank lines
  dom0 ask --as-of YYYY-MM-DD ...   answer from the sources dated on or before that day only
                                    (also DOM0_AS_OF; default: today)
  dom0 report [--json] [--db PATH]  what people asked that the bot could not answer, and the ratings
  dom0 import-wiki FILE [--json] [--write --date YYYY-MM-DD]
                                    compare the wiki page (markup or saved HTML) with data/, or store it
  dom0 serve [--port N] [--host H]  the web page and HTTP API (default WEB_PORT or 8080, on 127.0.0.1)
  dom0 check-data                   validate data/ (DOM0_DATA_DIR) and report what it holds
  dom0 --help                       this help

Examples:
  dom0 ask "does CentOS 6.3 work as dom0?"
  dom0 ask --json "is Debian squeeze OK with Xen 3.4?"
  printf 'ubuntu 12.04 dom0\\npvops or xenlinux?\\n' | dom0 ask --json --stdin

JSON fields: question, intent (support|list|faq|unclear), product, version, xen,
verdict (yes|no|partial|unlisted), topic, text, sources (each consulted source, newest first,
with its own verdict); plus headline, reasons, notes, suggestions, source, asOf.
`;

/** Runs the `dom0` command; resolves to the exit code. */
export async function runCli(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined)
    return runPrompt(await openCore(), process.stdin, process.stdout, await answerLogFromEnv());
  if (command === "check-data") {
    const core = await openCore();
    process.stdout.write(`data/ is valid: ${core.table().length} table rows, cited as ${core.source.url}\n`);
    return 0;
  }
  if (command === "--help" || command === "-h" || command === "help") {
    process.stdout.write(HELP);
    return 0;
  }
  if (command === "report") {
    const { runReport } = await import("./report.js");
    return runReport(rest, process.stdout);
  }
  if (command === "import-wiki") {
    const { runImportWiki } = await import("../../src/import/index.js");
    return runImportWiki(rest, process.stdout, process.stderr);
  }
  if (command === "serve") {
    const { runServe } = await import("../web/serve.js");
    return runServe(rest);
  }
  if (command !== "ask") {
    process.stderr.write(`dom0: unknown command "${command.slice(0, 40)}". Try: dom0 --help\n`);
    return 2;
  }
  let parsed: ReturnType<typeof parseAsk>;
  try {
    parsed = parseAsk(rest);
  } catch (error) {
    process.stderr.write(
      `dom0 ask: ${error instanceof Error ? error.message : String(error)}\nTry: dom0 --help\n`,
    );
    return 2;
  }
  let asOf: string | undefined;
  try {
    asOf = parseAsOf(parsed.values["as-of"], "--as-of");
  } catch (error) {
    process.stderr.write(`dom0 ask: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const core = await withAnswerLog(await openCore(asOf === undefined ? {} : { asOf }));
  const format = parsed.values.json ? "json" : "text";
  if (parsed.values.stdin) {
    await answerLines(core, process.stdin, process.stdout, format);
    return 0;
  }
  const question = parsed.positionals.join(" ");
  process.stdout.write(`${formatAnswer(core.answer(question), format).trimEnd()}\n`);
  return 0;
}

function parseAsk(args: string[]) {
  return parseArgs({
    args,
    options: { json: { type: "boolean" }, stdin: { type: "boolean" }, "as-of": { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
}

/** Entry point: a bad data file or another real failure prints one readable message and exits 1. */
export async function main(argv: readonly string[]): Promise<void> {
  // `dom0 ask --stdin ... | head -1`: a reader that leaves early ends the run quietly, as Unix tools do.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  try {
    process.exitCode = await runCli(argv);
  } catch (error) {
    if (error instanceof Dom0Error) {
      process.stderr.write(`dom0: ${error.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw error;
  }
}

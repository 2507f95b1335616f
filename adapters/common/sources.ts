/** What every platform shows of an answer's sources: the deciding one, and any that said otherwise. */
import type { Answer, SourceFinding, Verdict } from "../../src/types.js";

export { longDate as dayText } from "../../src/word/dates.js";

const VERDICT_WORDS: Record<Verdict, string> = {
  yes: "yes",
  no: "no",
  partial: "partly",
  unlisted: "not listed",
};

/**
 * The sources that gave another verdict than the answer's (the 2014 table where today's differs), newest
 * first. A source that merely says nothing of the release is no difference.
 */
export function differingSources(answer: Pick<Answer, "sources" | "source" | "verdict">): SourceFinding[] {
  if (answer.verdict === null) return [];
  return answer.sources.filter(
    (finding) =>
      finding.id !== answer.source.id &&
      finding.verdict !== null &&
      finding.verdict !== "unlisted" &&
      finding.verdict !== answer.verdict,
  );
}

/** "said no" / "says partly": a differing source's verdict, in the tense its date against the deciding one's gives. */
export function differenceWords(finding: SourceFinding, answer: Pick<Answer, "source">): string {
  const tense = finding.date < answer.source.revision ? "said" : "says";
  return `${tense} ${VERDICT_WORDS[finding.verdict ?? "unlisted"]}`;
}

/** True when the answer is about several systems: no one verdict stands for the whole message. */
export function isSeveral(answer: Pick<Answer, "answers">): boolean {
  return (answer.answers?.length ?? 0) > 1;
}

/**
 * The verdict of the system a reason line of a several-systems answer is about ("RHEL 6: No, ..."), or null for
 * a line of the message as a whole (and for every line of a one-system answer).
 */
export function lineVerdict(answer: Pick<Answer, "answers">, reason: string): Verdict | null {
  if (!isSeveral(answer)) return null;
  return answer.answers?.find((one) => reason.endsWith(`: ${one.headline}`))?.verdict ?? null;
}

/** What the real Discord API refuses with 400 "Invalid Form Body", so the fake refuses it too. */

interface Embed {
  title?: string;
  description?: string;
  footer?: { text?: string };
  fields?: { name?: string; value?: string }[];
}

interface Component {
  type?: number;
  custom_id?: string;
  label?: string;
  components?: Component[];
}

function embedText(embed: Embed): number {
  const fields = (embed.fields ?? []).reduce(
    (sum, field) => sum + (field.name?.length ?? 0) + (field.value?.length ?? 0),
    0,
  );
  return (
    (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text?.length ?? 0) + fields
  );
}

function componentProblems(components: Component[]): string[] {
  return components.flatMap((component) => [
    ...(component.custom_id !== undefined && component.custom_id.length > 100
      ? ["custom_id longer than 100"]
      : []),
    ...(component.label !== undefined && component.label.length > 80 ? ["label longer than 80"] : []),
    ...componentProblems(component.components ?? []),
  ]);
}

/** The parts of a message body Discord checks. */
export interface MessageBody {
  content?: unknown;
  embeds?: unknown;
  components?: unknown;
  flags?: unknown;
  message_reference?: { message_id?: string };
}

/** The problems Discord would report for a message body (content, embeds, components); empty when valid. */
export function messageProblems(body: MessageBody): string[] {
  const problems: string[] = [];
  const content = typeof body.content === "string" ? body.content : "";
  if (content.length > 2000) problems.push("content longer than 2000");
  const embeds = Array.isArray(body.embeds) ? (body.embeds as Embed[]) : [];
  if (embeds.length > 10) problems.push("more than 10 embeds");
  for (const embed of embeds) {
    if ((embed.title?.length ?? 0) > 256) problems.push("embed title longer than 256");
    if ((embed.description?.length ?? 0) > 4096) problems.push("embed description longer than 4096");
    if ((embed.footer?.text?.length ?? 0) > 2048) problems.push("embed footer longer than 2048");
  }
  if (embeds.reduce((sum, embed) => sum + embedText(embed), 0) > 6000)
    problems.push("embeds longer than 6000 in all");
  const rows = Array.isArray(body.components) ? (body.components as Component[]) : [];
  if (rows.length > 5) problems.push("more than 5 action rows");
  if (rows.some((row) => (row.components ?? []).length > 5)) problems.push("more than 5 buttons in a row");
  const customIds = rows.flatMap((row) => (row.components ?? []).map((component) => component.custom_id));
  if (new Set(customIds).size < customIds.length) problems.push("custom_id used twice in one message");
  problems.push(...componentProblems(rows));
  return problems;
}

/** The problems Discord would report for an autocomplete result's choices. */
export function choiceProblems(choices: unknown): string[] {
  if (!Array.isArray(choices)) return ["choices missing"];
  const problems = choices.length > 25 ? ["more than 25 choices"] : [];
  for (const choice of choices as { name?: unknown; value?: unknown }[]) {
    const name = typeof choice.name === "string" ? choice.name : "";
    if (name.length < 1 || name.length > 100)
      problems.push(`choice name length ${name.length} outside 1-100`);
    if (typeof choice.value === "string" && choice.value.length > 100)
      problems.push("choice value longer than 100");
  }
  return problems;
}

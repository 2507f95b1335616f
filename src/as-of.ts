import { ConfigError } from "./errors.js";

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar day written YYYY-MM-DD. */
export function isDay(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/**
 * The day to answer for, from `--as-of` or DOM0_AS_OF: undefined when neither is set (answers are then
 * given for each call's today). A malformed value is a ConfigError naming where it came from.
 */
export function parseAsOf(value: string | undefined, from = "DOM0_AS_OF"): string | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  const day = value.trim();
  if (!isDay(day))
    throw new ConfigError(
      from,
      `${from} must be a day written YYYY-MM-DD (e.g. 2014-04-18), not ${JSON.stringify(day.slice(0, 40))}`,
    );
  return day;
}

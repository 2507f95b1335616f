const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

const written = new Map<string, string>();

/** "2015-04-25" -> "25 April 2015", as the answers write dates; the data's few hundred dates are remembered. */
export function longDate(iso: string): string {
  let text = written.get(iso);
  if (text === undefined) {
    const [year, month, day] = iso.split("-").map((part) => Number.parseInt(part, 10));
    text = `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`;
    if (written.size >= 10_000) written.clear();
    written.set(iso, text);
  }
  return text;
}

/** Today in UTC, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

const WRITTEN =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * The date as the writer wrote it: `2025-06-20T00:30:00+01:00` is 20 June at 00:30, wherever the build runs.
 * The time zone is dropped (times are kept as UTC wall-clock times) so the day shown is always the day written.
 */
export function asWritten(text: string): Date | undefined {
  const match = WRITTEN.exec(text.trim());
  if (!match) return undefined;
  const [year, month, day, hours, minutes, seconds] = match.slice(1, 7).map((part) => Number(part ?? 0));
  return new Date(Date.UTC(year!, month! - 1, day!, hours, minutes, seconds));
}

/** The raw text of a `date:`-like field on its own line of YAML, unquoted, or undefined. */
export function writtenField(yaml: string, field: string): string | undefined {
  const match = new RegExp(`^${field}\\s*:\\s*["']?([^"'#\\n]+?)["']?\\s*(?:#.*)?$`, 'm').exec(yaml);
  return match?.[1];
}

/**
 * YAML parsers silently roll impossible dates over (`2013-02-30` becomes 2 March), so dates are checked on
 * the raw text. Returns a message when the value is not a real date, or undefined when it is.
 */
export function checkRawDate(raw: unknown): string | undefined {
  if (raw instanceof Date || raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  const match = WRITTEN.exec(text);
  if (!match) {
    return `"${text}" is not a date: write it as YYYY-MM-DD, e.g. 2025-03-14`;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12) return `"${text}" is not a real date: there is no month ${month}`;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > days) {
    const name = new Date(Date.UTC(year, month - 1, 1)).toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' });
    return `"${text}" is not a real date: ${name} ${year} has ${days} days`;
  }
  const [hours, minutes, seconds] = [Number(match[4] ?? 0), Number(match[5] ?? 0), Number(match[6] ?? 0)];
  if (hours > 23 || minutes > 59 || seconds > 59) return `"${text}" is not a real time of day`;
  return undefined;
}

/** `YYYY-MM-DD` of a date in UTC. */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

const DAY = 24 * 60 * 60 * 1000;

/** Dates that are real but probably not what the writer meant, as warnings. */
export function dateWarnings(
  date: Date,
  updated: Date | undefined,
  now: Date,
): { field: 'date' | 'updated'; code: string; message: string }[] {
  const problems: { field: 'date' | 'updated'; code: string; message: string }[] = [];
  if (date.getTime() > now.getTime() + 366 * DAY) {
    problems.push({
      field: 'date',
      code: 'date-far-future',
      message: `${isoDay(date)} is more than a year ahead, so the post stays hidden until then: check the year`,
    });
  }
  if (date.getUTCFullYear() < 1990) {
    problems.push({
      field: 'date',
      code: 'date-too-old',
      message: `${isoDay(date)} is before 1990: check the year`,
    });
  }
  if (updated && updated.getTime() > now.getTime() + DAY) {
    problems.push({
      field: 'updated',
      code: 'updated-in-future',
      message: `${isoDay(updated)} is in the future: updated is the day you last changed the post, so use today's date or earlier`,
    });
  }
  return problems;
}

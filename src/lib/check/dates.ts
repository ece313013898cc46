/**
 * YAML parsers silently roll impossible dates over (`2013-02-30` becomes 2 March), so dates are checked on
 * the raw text. Returns a message when the value is not a real date, or undefined when it is.
 */
export function checkRawDate(raw: unknown): string | undefined {
  if (raw instanceof Date || raw === undefined || raw === null) return undefined;
  const text = String(raw).trim();
  const match =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
      text,
    );
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

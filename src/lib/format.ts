/** `YYYY-MM-DD`, for `datetime` attributes. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/** Initials for an avatar placeholder, e.g. `SO` for Sarah Okafor. */
export const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word[0])
    .slice(0, 2)
    .join('')
    .toUpperCase();

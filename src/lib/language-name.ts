/**
 * A language's name in that language, for the search page's language filter:
 * `cy` → `Cymraeg`, `en-GB` → `English`. Regional variants share one name so they filter together.
 */
export function languageName(lang: string): string {
  const base = lang.split('-')[0]!.toLowerCase();
  try {
    const name = new Intl.DisplayNames([base], { type: 'language' }).of(base);
    if (name && name !== base) return name.charAt(0).toLocaleUpperCase(base) + name.slice(1);
  } catch {
    // An invalid tag falls through to the tag itself.
  }
  return lang;
}

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** A post's language: its own `lang`, else its school's, else the network's. */
export const postLanguage = (own: string | undefined, school: string | undefined, network: string) =>
  own ?? school ?? network;

/**
 * The language a build's own pages speak (listings, directories, search, 404, feeds' titles): a school's own
 * site speaks the school's language, any other build the network's. Posts speak their own.
 */
export const siteLanguage = (schoolOfOwnSite: { lang?: string | undefined } | undefined, network: string) =>
  schoolOfOwnSite?.lang ?? network;

const yamlLanguages = new Map<string, string | undefined>();

function yamlLanguage(file: string): string | undefined {
  if (!yamlLanguages.has(file)) {
    let lang: string | undefined;
    try {
      const data = parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
      lang = typeof data?.['lang'] === 'string' ? data['lang'] : undefined;
    } catch {
      lang = undefined;
    }
    yamlLanguages.set(file, lang);
  }
  return yamlLanguages.get(file);
}

/**
 * The language of the post file `content/posts/<publisher>/<slug>.md`, read from the YAML files before the
 * content layer has run (for the sitemap and the Markdown plugins): the same rule as `postLanguage`.
 */
export function postFileLanguage(contentRoot: string, publisher: string, own: unknown): string {
  return postLanguage(
    typeof own === 'string' ? own : undefined,
    yamlLanguage(join(contentRoot, 'schools', `${publisher}.yaml`)),
    yamlLanguage(join(contentRoot, 'network.yaml')) ?? 'en-GB',
  );
}

/** The language of a post from its file path (`…/posts/<publisher>/<slug>.md`) and front matter `lang`. */
export function postPathLanguage(path: string | undefined, own: unknown): string | undefined {
  const match = path ? /^(.*)[\\/]posts[\\/]([^\\/]+)[\\/][^\\/]+$/.exec(path) : null;
  if (!match) return typeof own === 'string' ? own : undefined;
  return postFileLanguage(match[1]!, match[2]!, own);
}

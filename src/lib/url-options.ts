import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { settings } from './settings.ts';
import type { UrlOptions } from './urls.ts';

/**
 * Reads just enough of the content (the network's site, each school's site and families) for URLs to be
 * decided before the content layer runs: `astro.config.mjs` needs `site`, and Markdown links need resolving.
 */
export function readUrlOptions(root = settings().contentRoot): UrlOptions {
  const { base, scope, site } = settings();
  const network = parse(readFileSync(join(root, 'network.yaml'), 'utf8').replace(/^\uFEFF/, '')) as {
    site?: string;
  } | null;
  const schoolDir = join(root, 'schools');
  // A network that starts with a family of schools has no schools/ folder yet.
  const schools = (existsSync(schoolDir) ? readdirSync(schoolDir) : [])
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => {
      const data = (parse(readFileSync(join(schoolDir, name), 'utf8').replace(/^\uFEFF/, '')) ?? {}) as {
        site?: string;
        families?: string[];
      };
      return { id: name.replace(/\.ya?ml$/, ''), site: data.site, families: data.families ?? [] };
    });
  return {
    networkSite: network?.site ?? 'https://example.org',
    base,
    scope,
    schools,
    site,
  };
}

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { settings } from './settings.ts';
import type { UrlOptions } from './urls.ts';

/**
 * A YAML file's fields, or none when it cannot be read: `npm run check` (and so `npm run build`) names the
 * mistake, and `npm run dev` shows it on the pages that need the file rather than failing to start.
 */
function readYaml(file: string): Record<string, unknown> {
  try {
    const data: unknown = parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** A web address the URL module can use, or nothing, for the same reason. */
const address = (value: unknown) => (typeof value === 'string' && URL.canParse(value) ? value : undefined);

/**
 * Reads just enough of the content (the network's site, each school's site and families) for URLs to be
 * decided before the content layer runs: `astro.config.mjs` needs `site`, and Markdown links need resolving.
 */
export function readUrlOptions(root = settings().contentRoot): UrlOptions {
  const { base, scope, site } = settings();
  const network = readYaml(join(root, 'network.yaml'));
  const schoolDir = join(root, 'schools');
  // A network that starts with a family of schools has no schools/ folder yet.
  const schools = (existsSync(schoolDir) ? readdirSync(schoolDir) : [])
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => {
      const data = readYaml(join(schoolDir, name));
      const families = Array.isArray(data['families']) ? data['families'].filter((f) => typeof f === 'string') : [];
      return { id: name.replace(/\.ya?ml$/, ''), site: address(data['site']), families };
    });
  return {
    networkSite: address(network['site']) ?? 'https://example.org',
    base,
    scope,
    schools,
    site,
  };
}

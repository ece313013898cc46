import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { headerRules, renderHeadersFile } from '../lib/hosting/headers.ts';

/** Partner networks' roots from `network.yaml`, read before the content layer runs. */
function readPartnerSites(contentRoot: string): string[] {
  const network = parse(readFileSync(join(contentRoot, 'network.yaml'), 'utf8').replace(/^\uFEFF/, '')) as {
    partners?: { url?: string }[];
  } | null;
  return (network?.partners ?? []).flatMap((partner) => (partner.url ? [partner.url] : []));
}

/**
 * Writes `_headers` (read by Netlify and Cloudflare Pages) at the root of the build output, with paths under
 * `base` and the partner networks' origins in the Content-Security-Policy.
 */
export default function hostingHeaders(options: { base: string; contentRoot: string }): AstroIntegration {
  return {
    name: 'commonroom:hosting-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const rules = headerRules({ base: options.base, partners: readPartnerSites(options.contentRoot) });
        await writeFile(new URL('_headers', dir), renderHeadersFile(rules));
        logger.info('_headers written');
      },
    },
  };
}

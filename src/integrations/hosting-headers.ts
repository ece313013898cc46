import { readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AstroIntegration } from 'astro';
import { parse } from 'yaml';
import { backendFor } from '../lib/cms/backend.ts';
import { headerRules, renderHeadersFile, type AdminOrigins } from '../lib/hosting/headers.ts';
import { editorSchema } from '../schemas/editor.ts';

type RawNetwork = { partners?: { url?: string }[]; editor?: unknown } | null;

const readNetwork = (contentRoot: string) =>
  parse(readFileSync(join(contentRoot, 'network.yaml'), 'utf8').replace(/^\uFEFF/, '')) as RawNetwork;

/** Partner networks' roots from `network.yaml`, read before the content layer runs. */
function readPartnerSites(network: RawNetwork): string[] {
  return (network?.partners ?? []).flatMap((partner) => (partner.url ? [partner.url] : []));
}

/** The origins the browser editor talks to, from the `editor:` block of `network.yaml`. */
function readAdminOrigins(network: RawNetwork): AdminOrigins {
  const editor = editorSchema.optional().safeParse(network?.editor);
  const { connect, images } = backendFor(editor.success ? editor.data : undefined);
  return { connect, images };
}

/**
 * Writes `_headers` (read by Netlify and Cloudflare Pages) at the root of the build output, with paths under
 * `base` and the partner networks' origins in the Content-Security-Policy.
 */
export default function hostingHeaders(options: {
  base: string;
  contentRoot: string;
  admin: boolean;
}): AstroIntegration {
  return {
    name: 'commonroom:hosting-headers',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const network = readNetwork(options.contentRoot);
        const rules = headerRules({
          base: options.base,
          partners: readPartnerSites(network),
          admin: options.admin ? readAdminOrigins(network) : undefined,
        });
        await writeFile(new URL('_headers', dir), renderHeadersFile(rules));
        logger.info('_headers written');
      },
    },
  };
}

import { rm, writeFile } from 'node:fs/promises';
import type { AstroIntegration } from 'astro';
import { readRedirects, renderRedirectsFile, resolveRedirects } from '../lib/hosting/redirects.ts';
import type { Urls } from '../lib/urls.ts';

/**
 * Writes `_redirects` (read by Netlify and Cloudflare Pages) from `content/redirects.yaml`, so the old
 * addresses of an imported blog lead to its posts here. Other hosts get theirs from `npm run redirects`.
 */
export default function redirects(options: { contentRoot: string; urls: Urls }): AstroIntegration {
  return {
    name: 'commonroom:redirects',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const file = new URL('_redirects', dir);
        const text = renderRedirectsFile(resolveRedirects(readRedirects(options.contentRoot), options.urls));
        if (!text) {
          await rm(file, { force: true });
          return;
        }
        await writeFile(file, text);
        logger.info(`_redirects written (${text.split('\n').length - 2} old addresses)`);
      },
    },
  };
}

/**
 * `npm run redirects -- <netlify|nginx|apache|cloudfront> [--out FILE]`: the old addresses of imported blogs
 * (`content/redirects.yaml`) in a host's own format, for this build's scope and base (the same settings as
 * `npm run build`). `npm run build` already writes `dist/_redirects` for Netlify and Cloudflare Pages.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  readRedirects,
  renderApache,
  renderCloudFrontFunction,
  renderNginx,
  renderRedirectsFile,
  resolveRedirects,
} from '../src/lib/hosting/redirects.ts';
import { settingsOrExit } from '../src/lib/settings.ts';
import { readUrlOptions } from '../src/lib/url-options.ts';
import { createUrls } from '../src/lib/urls.ts';

const renderers = {
  netlify: renderRedirectsFile,
  nginx: renderNginx,
  apache: renderApache,
  cloudfront: renderCloudFrontFunction,
};

const { values, positionals } = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
const host = positionals[0] as keyof typeof renderers | undefined;
if (!host || !(host in renderers)) {
  console.error('Usage: npm run redirects -- <netlify|nginx|apache|cloudfront> [--out FILE]');
  process.exit(2);
}
const settings = settingsOrExit();
const redirects = resolveRedirects(
  readRedirects(settings.contentRoot),
  createUrls(readUrlOptions(settings.contentRoot)),
);
const text = renderers[host](redirects);
if (values.out) {
  await writeFile(values.out, text);
  console.error(`${redirects.length} redirects written to ${values.out}`);
} else process.stdout.write(text);

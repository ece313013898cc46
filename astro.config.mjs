// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import admin from './src/integrations/admin.ts';
import cards from './src/integrations/cards.ts';
import devLock from './src/integrations/dev-lock.ts';
import hostingHeaders from './src/integrations/hosting-headers.ts';
import faces from './src/integrations/faces.ts';
import imagePrivacy from './src/integrations/image-privacy.ts';
import keepOutput from './src/integrations/keep-output.ts';
import { markdownOptions } from './src/integrations/markdown/pipeline.ts';
import mdxCache, { compilerFingerprint } from './src/integrations/mdx-cache.ts';
import pagefind from './src/integrations/pagefind.ts';
import redirects from './src/integrations/redirects.ts';
import virtualBuild from './src/integrations/virtual-build.ts';
import { planSitemap, readSitemapPosts } from './src/lib/discovery/sitemap.ts';
import { settings } from './src/lib/settings.ts';
import { readUrlOptions } from './src/lib/url-options.ts';
import { IMAGE_BREAKPOINTS } from './src/lib/images/sizes.ts';
import { createUrls } from './src/lib/urls.ts';
import { manifestFile } from './src/lib/cards/cache.ts';
import { bodyCacheFile } from './src/lib/check/body-cache.ts';
import { integrationFolders } from './src/lib/output-folder.ts';
import { unwatched } from './src/lib/dev-watch.ts';

const options = settings();
const { contentRoot } = options;
const urlOptions = readUrlOptions();
const cardManifest = manifestFile(options.cardsCache, options.outDir);
const searchIndex = pagefind({ cacheDir: options.searchCache });
const urls = createUrls(urlOptions);
// The check that `npm run build` runs first keeps its reading of every post's front matter; the sitemap uses it.
const sitemapPlan = planSitemap(
  readSitemapPosts(contentRoot, bodyCacheFile(options.checkCache, contentRoot)),
  urlOptions,
  options.now,
);

const markdownProcessor = unified(markdownOptions(urlOptions));
const markdownPipeline = {
  settings: { urlOptions, processor: options.markdown },
  // The fingerprint follows these modules' imports: the plugins, their helpers and the URL rules, and which
  // `.mdx` posts are rendered as Markdown.
  code: ['src/integrations/markdown/pipeline.ts', 'src/lib/plain-mdx-loader.ts'],
};
// Astro's content layer keeps each rendered Markdown post by the file's content alone, so a change to the
// Markdown pipeline's code (a plugin, the rules reader) starts a fresh cache rather than serving old HTML.
const pipelineFingerprint = compilerFingerprint(markdownPipeline, fileURLToPath(new URL('.', import.meta.url)));

export default defineConfig({
  site: urls.site,
  base: urls.base,
  outDir: options.outDir,
  cacheDir: join(options.astroCacheDir, pipelineFingerprint.slice(0, 10)),
  trailingSlash: 'always',
  // Every image, in posts as in components, gets a srcset of the sizes a reader's screen can use, up to twice
  // the reading column (1600 px), with its width and height so nothing shifts while it loads.
  image: { layout: 'constrained', responsiveStyles: true, breakpoints: IMAGE_BREAKPOINTS },
  build: { format: 'directory' },
  // Unchanged post pages and feeds are copied from the last build (see src/lib/page-keys.ts);
  // `COMMONROOM_INCREMENTAL=off` renders everything.
  experimental: { incrementalBuild: options.incremental },
  integrations: [
    devLock(),
    virtualBuild({
      scope: options.scope,
      cardManifest: options.cards ? cardManifest : undefined,
    }),
    mdx(),
    mdxCache(markdownPipeline),
    sitemap({
      // Search engines want canonical pages only: a self-hosting school's posts are listed by its own site.
      filter: (page) => !sitemapPlan.nonCanonical.has(page) && !/\/404\/?$/.test(page) && !/\/admin\//.test(page),
      serialize: (item) => {
        const lastmod = sitemapPlan.lastmod.get(item.url);
        const links = sitemapPlan.alternates.get(item.url);
        return { ...item, ...(lastmod ? { lastmod: lastmod.toISOString() } : {}), ...(links ? { links } : {}) };
      },
    }),
    hostingHeaders({ base: urls.base, contentRoot, admin: options.admin }),
    redirects({ contentRoot, urls }),
    // After the integrations that rewrite their files among the pages and before search and cards, which read
    // them. The editor, faces and cards fill folders of their own, which search does not read, so Pagefind's
    // process starts on the pages while they are written.
    keepOutput({ owned: [...integrationFolders] }),
    searchIndex.start,
    admin({ enabled: options.admin, contentRoot, scope: options.scope, cacheDir: options.adminCache }),
    faces({ contentRoot }),
    imagePrivacy({ generated: [...integrationFolders] }),
    cards({ cacheDir: options.cardsCache, enabled: options.cards, manifest: cardManifest }),
    searchIndex.finish,
  ],
  vite: {
    server: {
      watch: { ignored: [unwatched(fileURLToPath(new URL('.', import.meta.url)), contentRoot, options.outDir)] },
    },
    build: {
      rollupOptions: {
        // MDX modules carry Astro's "use astro:head-inject" directive; the bundler's notice about it is noise.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
  },
  markdown: {
    // `COMMONROOM_MARKDOWN=satteri` (benchmark only) measures Astro's default processor, which runs none
    // of the plugins above: no rule anchors or link rewriting, so it is not for publishing.
    ...(options.markdown === 'satteri' ? {} : { processor: markdownProcessor }),
  },
});

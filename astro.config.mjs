// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import cards from './src/integrations/cards.ts';
import hostingHeaders from './src/integrations/hosting-headers.ts';
import faces from './src/integrations/faces.ts';
import imagePrivacy from './src/integrations/image-privacy.ts';
import keepOutput from './src/integrations/keep-output.ts';
import mdxCache, { compilerFingerprint } from './src/integrations/mdx-cache.ts';
import pagefind from './src/integrations/pagefind.ts';
import redirects from './src/integrations/redirects.ts';
import virtualBuild from './src/integrations/virtual-build.ts';
import rehypeContentLinks from './src/integrations/markdown/rehype-content-links.ts';
import rehypeImageSizeCap from './src/integrations/markdown/rehype-image-size-cap.ts';
import rehypeTaskListLabels from './src/integrations/markdown/rehype-task-list-labels.ts';
import remarkRuleAnchors from './src/integrations/markdown/remark-rule-anchors.ts';
import remarkTypography from './src/integrations/markdown/remark-typography.ts';
import { planSitemap, readSitemapPosts } from './src/lib/discovery/sitemap.ts';
import { settings } from './src/lib/settings.ts';
import { readUrlOptions } from './src/lib/url-options.ts';
import { IMAGE_BREAKPOINTS } from './src/lib/images/sizes.ts';
import { createUrls } from './src/lib/urls.ts';
import { manifestFile } from './src/lib/cards/cache.ts';

const options = settings();
const { contentRoot } = options;
const urlOptions = readUrlOptions();
const cardManifest = manifestFile(options.cardsCache, options.outDir);
const urls = createUrls(urlOptions);
const sitemapPlan = planSitemap(readSitemapPosts(contentRoot), urlOptions, options.now);

const markdownPipeline = {
  settings: { urlOptions, processor: options.markdown },
  code: ['astro.config.mjs', 'src/integrations/markdown', 'src/lib'],
};
// Astro's content layer keeps each rendered Markdown post by the file's content alone, so a change to the
// Markdown pipeline's code (a plugin, the rules reader) starts a fresh cache rather than serving old HTML.
const pipelineFingerprint = compilerFingerprint(markdownPipeline, fileURLToPath(new URL('.', import.meta.url)));

const markdownProcessor = unified({
  // remark-gfm is listed here rather than through `gfm: true` so its options live with the project.
  gfm: false,
  // Curly quotes, dashes and ellipses come from remarkTypography, several times faster than the built-in option.
  smartypants: false,
  remarkPlugins: [remarkGfm, remarkTypography, remarkRuleAnchors],
  rehypePlugins: [
    rehypeHeadingIds,
    [
      rehypeAutolinkHeadings,
      {
        behavior: 'append',
        properties: { className: ['anchor'], ariaHidden: 'true', tabIndex: -1 },
        content: { type: 'text', value: '#' },
      },
    ],
    rehypeTaskListLabels,
    rehypeImageSizeCap,
    [rehypeContentLinks, { resolve: urls.contentLink }],
  ],
});

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
    virtualBuild({
      scope: options.scope,
      cardManifest: options.cards ? cardManifest : undefined,
    }),
    mdx(),
    mdxCache(markdownPipeline),
    sitemap({
      // Search engines want canonical pages only: a self-hosting school's posts are listed by its own site.
      filter: (page) => !sitemapPlan.nonCanonical.has(page) && !/\/404\/?$/.test(page),
      serialize: (item) => {
        const lastmod = sitemapPlan.lastmod.get(item.url);
        return lastmod ? { ...item, lastmod: lastmod.toISOString() } : item;
      },
    }),
    hostingHeaders({ base: urls.base, contentRoot }),
    redirects({ contentRoot, urls }),
    // After the integrations that rewrite their files and before cards and search, which read the output.
    keepOutput({ owned: ['cards', 'pagefind', 'faces'] }),
    faces({ contentRoot }),
    imagePrivacy({ generated: ['cards', 'pagefind', 'faces'] }),
    cards({ cacheDir: options.cardsCache, enabled: options.cards, manifest: cardManifest }),
    pagefind({ cacheDir: options.searchCache }),
  ],
  vite: {
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

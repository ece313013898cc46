// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import cards from './src/integrations/cards';
import { previewMode } from './src/integrations/preview-mode';
import rehypeContentLinks from './src/integrations/markdown/rehype-content-links';
import rehypeTaskListLabels from './src/integrations/markdown/rehype-task-list-labels';
import remarkRuleAnchors from './src/integrations/markdown/remark-rule-anchors';
import { astroCacheDir } from './src/lib/build-options';
import { readUrlOptions } from './src/lib/url-options';
import { createUrls } from './src/lib/urls';

const urls = createUrls(readUrlOptions());

export default defineConfig({
  site: urls.site,
  base: urls.base,
  outDir: process.env.COMMONROOM_OUT ?? './dist',
  cacheDir: astroCacheDir,
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [previewMode(), mdx(), cards()],
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
    processor: unified({
      // remark-gfm is listed here rather than through `gfm: true` so its options live with the project.
      gfm: false,
      remarkPlugins: [remarkGfm, remarkRuleAnchors],
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
        [rehypeContentLinks, { resolve: urls.contentLink }],
      ],
    }),
  },
});

// @ts-check
import mdx from '@astrojs/mdx';
import { rehypeHeadingIds, unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import pagefind from './src/integrations/pagefind';
import rehypeContentLinks from './src/integrations/markdown/rehype-content-links';
import remarkRuleAnchors from './src/integrations/markdown/remark-rule-anchors';
import { readUrlOptions } from './src/lib/url-options';
import { createUrls } from './src/lib/urls';

const urls = createUrls(readUrlOptions());

export default defineConfig({
  site: urls.site,
  base: urls.base,
  outDir: process.env.COMMONROOM_OUT ?? './dist',
  trailingSlash: 'always',
  build: { format: 'directory' },
  integrations: [mdx(), pagefind()],
  markdown: {
    processor: unified({
      // remark-gfm is listed here rather than through `gfm: true` so its options live with the project.
      gfm: false,
      remarkPlugins: [remarkGfm, remarkRuleAnchors],
      rehypePlugins: [
        rehypeHeadingIds,
        [rehypeAutolinkHeadings, { behavior: 'append', properties: { className: ['anchor'], ariaHidden: 'true', tabIndex: -1 }, content: { type: 'text', value: '#' } }],
        [rehypeContentLinks, { resolve: urls.contentLink }],
      ],
    }),
  },
});

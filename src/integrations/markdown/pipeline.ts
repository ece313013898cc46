import { rehypeHeadingIds, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import rehypeAutolinkHeadings from 'rehype-autolink-headings';
import remarkGfm from 'remark-gfm';
import { createUrls, type UrlOptions } from '../../lib/urls.ts';
import rehypeContentLinks from './rehype-content-links.ts';
import rehypeImageSizeCap from './rehype-image-size-cap.ts';
import rehypeTaskListLabels from './rehype-task-list-labels.ts';
import remarkRuleAnchors from './remark-rule-anchors.ts';
import remarkTypography from './remark-typography.ts';

/**
 * Everything the Markdown pipeline runs, in one module: the MDX cache's fingerprint covers this file and
 * what it imports (see `codeGraph`), so editing code outside it never recompiles every post.
 */
export function markdownOptions(urlOptions: UrlOptions) {
  const urls = createUrls(urlOptions);
  return {
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
  } satisfies UnifiedProcessorOptions;
}

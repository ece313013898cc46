// @ts-check
// The benchmark's baseline: Astro with MDX and remark-gfm building the same posts, and nothing else.
// `scripts/bench.ts` sets BENCH_CONTENT (the generated network), BENCH_OUT and BENCH_CACHE.
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import remarkGfm from 'remark-gfm';

export default defineConfig({
  outDir: process.env.BENCH_OUT ?? 'dist',
  cacheDir: process.env.BENCH_CACHE ?? 'node_modules/.astro',
  integrations: [mdx()],
  markdown: { processor: unified({ gfm: false, smartypants: false, remarkPlugins: [remarkGfm] }) },
});

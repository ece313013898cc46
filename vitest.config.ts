import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/.tmp/**', 'node_modules/**'],
    // Build tests run `astro build`, which shares `.astro/` and the content cache: one test file at a time.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});

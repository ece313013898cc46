import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/.tmp/**', 'node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // Fixture builds share Astro's content cache (.astro/, node_modules/.astro/), so test files run one at a time.
    fileParallelism: false,
  },
});

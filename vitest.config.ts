import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/.tmp/**', 'node_modules/**'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // Build tests each run `astro build`; two at once is what a 2-core machine takes.
    maxWorkers: 2,
  },
});

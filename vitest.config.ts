import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/.tmp/**', 'node_modules/**'],
    // Builds from every worker take turns through one lock (tests/helpers/build.ts), so a test of two builds
    // may first wait for another file's build of the whole demo.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    // Build tests each run `astro build`; two at once is what a 2-core machine takes.
    maxWorkers: 2,
  },
});

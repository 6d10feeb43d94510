import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 300_000,
    projects: [
      // Calculations and content checks, no build needed: `npx vitest run --project unit`.
      { extends: true, test: { name: 'unit', include: ['tests/unit/**/*.test.ts'] } },
      // The built sample site: builds it once per run, then inspects dist/.
      {
        extends: true,
        // One file at a time: the failing-build test runs Astro too, and builds share Astro's cache.
        test: { name: 'site', include: ['tests/site/**/*.test.ts'], globalSetup: ['tests/helpers/build-site.ts'], fileParallelism: false },
      },
    ],
  },
});

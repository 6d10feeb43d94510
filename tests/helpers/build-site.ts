/**
 * Vitest global setup of the site tests: builds each sample plan once per test run
 * (Musterstadt into dist/, the Großstadt plan into .tmp/dist-grossstadt/, the Kleinstadt plan
 * into .tmp/dist-kleinstadt/, see tests/helpers/plaene.ts), then starts what all browser tests share: one Chromium (tests
 * connect to it) and one `astro preview` per plan. Each test file opens its own contexts.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { chromium } from 'playwright-core';
import { BEISPIELPLAENE } from './plaene.ts';
import { BROWSER_ARGS, browserVerfuegbar, CHROME, startPreview } from './vorschau.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where the shared Chromium listens (empty without a browser). */
    browserWs: string;
    /** Per sample plan (by name): where `astro preview` serves its root, without the final slash. */
    vorschau: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  for (const plan of BEISPIELPLAENE) {
    const started = Date.now();
    execFileSync(process.execPath, ['src/cli/bauen.ts', '--outDir', plan.dist], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: plan.inhalt },
    });
    console.log(`Beispielplan ${plan.name} gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const vorschauen = await Promise.all(BEISPIELPLAENE.map((plan) => startPreview(plan)));
  project.provide('vorschau', Object.fromEntries(BEISPIELPLAENE.map((plan, i) => [plan.name, vorschauen[i]!.adresse])));
  const server = browserVerfuegbar() ? await chromium.launchServer({ executablePath: CHROME, args: BROWSER_ARGS }) : undefined;
  project.provide('browserWs', server?.wsEndpoint() ?? '');
  return async () => {
    await server?.close();
    for (const v of vorschauen) v.stop();
  };
}

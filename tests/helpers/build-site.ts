/**
 * Vitest global setup: builds each sample plan once per test run, Musterstadt into dist/
 * and the Großstadt plan into .tmp/dist-grossstadt/ (see tests/helpers/plaene.ts).
 */
import { execFileSync } from 'node:child_process';
import { BEISPIELPLAENE } from './plaene.ts';

export default function setup() {
  for (const plan of BEISPIELPLAENE) {
    const started = Date.now();
    execFileSync(process.execPath, ['src/cli/bauen.ts', '--outDir', plan.dist], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: plan.inhalt },
    });
    console.log(`Beispielplan ${plan.name} gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

/** Vitest global setup: builds the bundled sample plan into dist/ once per test run. */
import { execFileSync } from 'node:child_process';

export default function setup() {
  const started = Date.now();
  execFileSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PLANWERK_CONTENT: '', ASTRO_TELEMETRY_DISABLED: '1' },
  });
  console.log(`Beispielplan gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/**
 * Vitest global setup: builds the bundled sample plan into dist/ once per test run
 * (or the plan in PLANWERK_CONTENT, if set).
 */
import { execFileSync } from 'node:child_process';

export default function setup() {
  const started = Date.now();
  execFileSync(process.execPath, ['src/cli/bauen.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  console.log(`Beispielplan gebaut in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

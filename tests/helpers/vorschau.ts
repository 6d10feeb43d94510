/**
 * What the browser tests share and the global setup starts (tests/helpers/build-site.ts): the
 * system Chromium (CHROME_PATH, else /usr/bin/chromium; in CI a missing browser is an error,
 * locally the tests are skipped with a printed reason) and `astro preview` of a sample plan;
 * also `astro dev` (the live preview) of a plan folder, for tests/site/vorschau.test.ts.
 * No vitest import here: the global setup runs outside the test workers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { PROJECT } from './fixture.ts';
import { MUSTERSTADT, type Beispielplan } from './plaene.ts';

export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

export function browserVerfuegbar(): boolean {
  if (existsSync(CHROME)) return true;
  if (process.env.CI) throw new Error(`Chromium fehlt (${CHROME}): in CI installiert .ci/run das Debian-Paket „chromium“.`);
  console.warn(`Browser-Tests übersprungen: kein Chromium unter ${CHROME} (CHROME_PATH setzen oder „apt-get install chromium“).`);
  return false;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `astro preview` of a sample plan's build on a free loopback port and waits until it
 * answers. `adresse` is where the site's root is served: the origin and the plan's base path,
 * without the final slash (`http://127.0.0.1:4321` or `http://127.0.0.1:4321/digitale-bildung`),
 * so that `${adresse}/massnahmen/` is a page's address under either.
 */
export async function startPreview(plan: Beispielplan = MUSTERSTADT): Promise<{ adresse: string; stop: () => void }> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', '127.0.0.1', '--port', String(port), '--outDir', plan.dist, '--ignore-lock'], {
    cwd: PROJECT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: plan.inhalt },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
  const adresse = `http://127.0.0.1:${port}${plan.basis.slice(0, -1)}`;
  // Up to 30 s: on a loaded 2-core machine three previews start at once.
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${adresse}/`)).ok) return { adresse, stop: () => child.kill() };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`astro preview antwortet nicht auf ${adresse}/\n${stderr}`);
}

/** The arguments `planwerk pruefen-site` starts Chromium with. */
export { BROWSER_ARGS } from '../../src/cli/sitepruefung/barrierefreiheit.ts';

/**
 * Starts `astro dev` (the live preview) for the plan in `inhalt` on a free loopback port and
 * waits until its start page answers. `ausgabe()` is what the server printed so far.
 */
export async function startDevServer(inhalt: string): Promise<{ adresse: string; stop: () => void; ausgabe: () => string }> {
  const port = await freePort();
  // Not the test runner's environment: with VITEST set, Astro's dev server serves no pages (it takes
  // itself for a test of Astro's own), and with NODE_ENV=test the browser is not reloaded after a change.
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST') && name !== 'NODE_ENV'));
  const child: ChildProcess = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: PROJECT,
    env: { ...env, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_CONTENT: inhalt },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let ausgabe = '';
  child.stdout?.on('data', (chunk) => (ausgabe += String(chunk)));
  child.stderr?.on('data', (chunk) => (ausgabe += String(chunk)));
  const adresse = `http://127.0.0.1:${port}`;
  // Up to 60 s: the first start renders every text and prepares Vite's dependencies.
  for (let i = 0; i < 600 && child.exitCode === null; i++) {
    try {
      if ((await fetch(`${adresse}/`)).ok) return { adresse, stop: () => child.kill(), ausgabe: () => ausgabe };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill();
  throw new Error(`astro dev antwortet nicht auf ${adresse}/\n${ausgabe}`);
}

/**
 * The live preview (`npm run dev`, `planwerk vorschau`): what Astro's development server needs
 * from Planwerk beyond the build.
 * - A saved file of the plan reloads the plan once (a burst of saves while it loads gives one
 *   more load, not one per event), then clears Astro's cache of getStaticPaths results (the
 *   props of every page come from the model) and reloads the page in the browser.
 * - While the plan has problems, every page request is answered with a German page listing
 *   them as `npm run pruefen` does (src/ausgabe/fehlerseite.ts), not with Vite's overlay; the
 *   page reloads itself when the fix is saved.
 * - Output of builds, tests and benchmarks in the project is not watched.
 */
import { join, resolve } from 'node:path';
import type { ViteDevServer, Connect } from 'vite';
import type { AstroIntegrationLogger } from 'astro';
import { ladePlan } from './planladen.ts';
import { vergissPlan } from '../plan/aktuell.ts';
import { formatProblem } from '../plan/problems.ts';
import type { PlanLocation } from '../plan/sources.ts';
import { liegtIn } from '../ausgabe/ausgabe.ts';
import { fehlerseite } from '../ausgabe/fehlerseite.ts';

/** Folders of the project that builds, tests and benchmarks write into: never a reason to reload. */
export const AUSGABEORDNER = ['.tmp', 'dist', 'dist.neu', 'dist.alt', '.astro-cache', 'paket', 'node_modules/.astro', 'test-results'] as const;

/**
 * For Vite's `server.watch.ignored`: true for a path in one of the project's output folders
 * (AUSGABEORDNER and `weitere`, e.g. the configured outDir and the plan's cache folder), except
 * the plan's content folder, what lies in it and the folders on the way to it (a plan under
 * .tmp/, as the tests and benchmarks keep theirs, is still watched).
 */
export function vorschauIgnoriert(projekt: string, inhalt: string, weitere: readonly string[] = []): (pfad: string) => boolean {
  const ordner = [...AUSGABEORDNER.map((o) => join(projekt, o)), ...weitere].map((o) => resolve(o));
  const plan = resolve(inhalt);
  return (pfad) => {
    const p = resolve(pfad);
    if (liegtIn(p, plan) || liegtIn(plan, p)) return false;
    return ordner.some((o) => liegtIn(p, o));
  };
}

/** Astro's dev environments that keep getStaticPaths results (cleared on 'astro:content-changed'). */
const SEITENUMGEBUNGEN = ['ssr', 'prerender'] as const;

/** Reloads the plan after changes, at most one load at a time, and then the pages in the browser. */
function neuLader(ort: PlanLocation, cacheDir: string, server: ViteDevServer, logger: AstroIntegrationLogger): () => void {
  let laeuft = false;
  let nochmal = false;
  const lade = async () => {
    laeuft = true;
    do {
      nochmal = false;
      vergissPlan(ort.contentDir);
      try {
        const geladen = await ladePlan(ort, cacheDir);
        if (geladen.model) logger.info(`Plan neu geladen in ${Math.round(geladen.dauerMs)} ms (${geladen.neuGerendert} Texte neu gerendert).`);
        else logger.error(geladen.problems.map(formatProblem).join('\n'));
      } catch (error) {
        logger.error(String(error));
      }
    } while (nochmal);
    laeuft = false;
    for (const name of SEITENUMGEBUNGEN) server.environments[name]?.hot.send('astro:content-changed', {});
    server.environments.client.hot.send({ type: 'full-reload', path: '*' });
  };
  return () => {
    if (laeuft) nochmal = true;
    else void lade();
  };
}

/** Is this a request for a page (a browser navigation), not for a script, a style or Vite's own files? */
function seitenanfrage(req: Connect.IncomingMessage): boolean {
  const pfad = req.url ?? '';
  if (req.method !== 'GET' || pfad.includes('/@') || pfad.includes('/__') || pfad.includes('/node_modules/')) return false;
  return (req.headers.accept ?? '').includes('text/html');
}

/** Answers page requests with the German error page while the plan has problems. */
function fehlerMiddleware(ort: PlanLocation, cacheDir: string, client: string): Connect.NextHandleFunction {
  return (req, res, next) => {
    if (!seitenanfrage(req)) return next();
    ladePlan(ort, cacheDir).then(
      (geladen) => {
        if (geladen.model) return next();
        res.statusCode = 500;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.setHeader('cache-control', 'no-store');
        res.end(fehlerseite(geladen.problems, client));
      },
      () => next(),
    );
  };
}

/**
 * `astro:server:setup`: watches the plan's folder, reloads the plan and the browser on each
 * change, and shows problems as a German page.
 */
export function richteVorschauEin(ort: PlanLocation, cacheDir: string, server: ViteDevServer, logger: AstroIntegrationLogger) {
  const neu = neuLader(ort, cacheDir, server, logger);
  const geaendert = (pfad: string) => {
    if (liegtIn(resolve(pfad), ort.contentDir)) neu();
  };
  server.watcher.add(ort.contentDir);
  for (const ereignis of ['change', 'add', 'unlink'] as const) server.watcher.on(ereignis, geaendert);
  server.middlewares.use(fehlerMiddleware(ort, cacheDir, `${server.config.base}@vite/client`));
}

/**
 * Astro's log while `npm run build` runs (src/cli/bauen.ts loads this as Astro's logger; Astro
 * takes a logger only as a JavaScript file). Warnings and notes are written as Astro's own Node
 * logger writes them. Errors are held back: a failing build ends with Planwerk's German line on
 * which step failed, and Astro's English line would stand above it. bauen.ts prints what was held
 * back if the build succeeds after all, so nothing is lost; with PLANWERK_DEBUG=1 every message is
 * written at once.
 *
 * Astro's notes (level info) are not written; of them, only the pages Astro copied from the last
 * build instead of rendering them (incremental build, src/ausgabe/seitenschluessel.ts) are counted
 * for bauen.ts's summary.
 */
import node from 'astro/logger/node';

/** The held-back error messages, shared with bauen.ts through globalThis (Astro imports this file itself). */
export const ZURUECKGEHALTEN = Symbol.for('planwerk.astroFehler');
/** How many pages Astro took from the last build, shared with bauen.ts the same way. */
export const UEBERNOMMEN = Symbol.for('planwerk.uebernommeneSeiten');
/** Astro's note after such a page's path (astro/dist/core/build/generate.js). */
const AUS_DEM_CACHE = /^\s*\((cached|restored)\)\s*$/;

export default function protokoll(config = {}) {
  const ziel = node(config);
  const zurueck = (globalThis[ZURUECKGEHALTEN] ??= []);
  let vorige = '';
  return {
    write(event) {
      if (event.level === 'info' || event.level === 'debug') {
        // Astro names the file in one note and says "(cached)" in the next; only HTML pages are counted.
        const text = event.message.replace(/\x1b\[[0-9;]*m/g, '');
        if (AUS_DEM_CACHE.test(text) && /\.html\s*$/.test(vorige)) globalThis[UEBERNOMMEN] = (globalThis[UEBERNOMMEN] ?? 0) + 1;
        vorige = text;
      } else if (event.level === 'error' && !process.env.PLANWERK_DEBUG) zurueck.push(event.message);
      else ziel.write(event);
    },
  };
}

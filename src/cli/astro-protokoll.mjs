/**
 * Astro's log while `npm run build` runs (src/cli/bauen.ts loads this as Astro's logger; Astro
 * takes a logger only as a JavaScript file). Warnings and notes are written as Astro's own Node
 * logger writes them. Errors are held back: a failing build ends with Planwerk's German line on
 * which step failed, and Astro's English line would stand above it. bauen.ts prints what was held
 * back if the build succeeds after all, so nothing is lost; with PLANWERK_DEBUG=1 every message is
 * written at once.
 */
import node from 'astro/logger/node';

/** The held-back error messages, shared with bauen.ts through globalThis (Astro imports this file itself). */
export const ZURUECKGEHALTEN = Symbol.for('planwerk.astroFehler');

export default function protokoll(config = {}) {
  const ziel = node(config);
  const zurueck = (globalThis[ZURUECKGEHALTEN] ??= []);
  return {
    write(event) {
      if (event.level === 'error' && !process.env.PLANWERK_DEBUG) zurueck.push(event.message);
      else ziel.write(event);
    },
  };
}

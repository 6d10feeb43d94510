/**
 * The build's output as a whole or not at all. Astro, Pagefind and the PDF write into a fresh
 * folder beside the target (`dist.neu/`); only when every step and every check has passed does
 * that folder replace `dist/`. After any failure the fresh folder is removed, and `dist/` is
 * either the last site that was built completely, or absent: never a partial site that looks
 * deployable. `verwerfen()` says which, in German, for the build's last line.
 *
 * The swap is two renames within one folder: `dist/` → `dist.alt/`, `dist.neu/` → `dist/`.
 * A build stopped between them (power cut, killed process) leaves `dist.alt/`, which the next
 * build puts back before it starts.
 */
import { existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';

export interface Ausgabe {
  /** The folder the site is published from (`dist/`). */
  ziel: string;
  /** The folder this build writes into (`dist.neu/`). */
  bau: string;
  /** Puts the finished build in place of the target. */
  veroeffentlichen(): void;
  /** Removes the unfinished build; returns the German sentence about what `dist/` now holds. */
  verwerfen(): string;
}

/** Is `inner` the folder `outer` or inside it? */
export const liegtIn = (inner: string, outer: string) => inner === outer || inner.startsWith(outer.endsWith(sep) ? outer : outer + sep);

/** A folder as messages name it: relative to the working folder, with a trailing slash. */
export const ordnerName = (ordner: string) => `${relative(process.cwd(), ordner) || '.'}/`;

/** The German words for when a site was built: „6.12.2026, 20:31 Uhr“. */
function gebautAm(ordner: string): string | undefined {
  const seite = join(ordner, 'index.html');
  if (!existsSync(seite)) return undefined;
  const zeit = statSync(seite).mtime;
  return `${zeit.toLocaleDateString('de-DE')}, ${zeit.toLocaleTimeString('de-DE', { hour: '2-digit', minute: '2-digit' })} Uhr`;
}

/**
 * Prepares the output for `ziel`. `geschuetzt` are folders the output must never contain or be
 * (the project, the plan, the cache): an `--outDir` pointing at or above one of them is refused
 * with a German message, because the swap would move them.
 */
export function neueAusgabe(zielOrdner: string, geschuetzt: string[]): Ausgabe {
  const ziel = resolve(zielOrdner);
  const name = ordnerName(ziel);
  for (const g of geschuetzt) {
    if (liegtIn(resolve(g), ziel)) {
      throw new Error(`Die Ausgabe ${name} enthält ${ordnerName(resolve(g))}: Planwerk ersetzt die Ausgabe als Ganzes und würde ihn mitnehmen. Eine eigene Ausgabe wählen, z. B. --outDir dist`);
    }
  }
  const bau = join(dirname(ziel), `${basename(ziel)}.neu`);
  const alt = join(dirname(ziel), `${basename(ziel)}.alt`);
  // A build stopped between the two renames: the last complete site goes back in place.
  if (existsSync(alt)) {
    if (existsSync(ziel)) rmSync(alt, { recursive: true, force: true });
    else renameSync(alt, ziel);
  }
  rmSync(bau, { recursive: true, force: true });
  return {
    ziel,
    bau,
    veroeffentlichen() {
      if (existsSync(ziel)) renameSync(ziel, alt);
      renameSync(bau, ziel);
      rmSync(alt, { recursive: true, force: true });
    },
    verwerfen() {
      rmSync(bau, { recursive: true, force: true });
      if (!existsSync(ziel)) return `Nichts veröffentlicht: ${name} gibt es nicht (es wurde noch keine Website vollständig gebaut).`;
      const wann = gebautAm(ziel);
      return `Nichts veröffentlicht: ${name} enthält weiter die letzte vollständig gebaute Website${wann ? ` (gebaut ${wann})` : ''}, nicht diesen Stand des Plans.`;
    },
  };
}

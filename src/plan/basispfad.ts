/**
 * The base path given for a build (`--basis` or PLANWERK_BASIS), checked before anything is
 * built: `npm run build` and `npm run pruefen` both call this, so both report a bad base path
 * with the same German message.
 */
import type { Problem } from './problems.ts';
import { gueltigeBasis } from './urls.ts';

/** Where a base path came from, as the message names it. */
export type Basisquelle = '--basis' | 'PLANWERK_BASIS';

/** The problem with a base path, if it has one; an empty or missing one means the site's own path. */
export function pruefeBasis(basis: string | undefined, quelle: Basisquelle): Problem[] {
  if (!basis || gueltigeBasis(basis)) return [];
  return [{ file: quelle, expected: 'einen Pfad aus Buchstaben, Ziffern und - . _ ~ zwischen Schrägstrichen, z. B. /mep/', found: `„${basis}“` }];
}

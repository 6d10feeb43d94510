/**
 * The plan's project folder for the Befehle that start Astro (`bauen`, `vorschau`): the current
 * folder, which must hold the astro.config.mjs that binds the Planwerk integration.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Astro configuration a plan repository has (the one `planwerk neu plan` writes). */
export const ASTRO_CONFIG = 'astro.config.mjs';

/** The current folder, or the German reason why Planwerk cannot build there. */
export function projektordner(ordner = process.cwd()): { ordner: string; fehler?: string } {
  if (existsSync(join(ordner, ASTRO_CONFIG))) return { ordner };
  return { ordner, fehler: `In ${ordner} liegt keine ${ASTRO_CONFIG}. Planwerk im Ordner des Plans aufrufen, neben ${ASTRO_CONFIG} und content/.` };
}

/**
 * `planwerk portal`: builds the portal of several plans from portal.yaml in the current folder
 * (src/portal/bauen.ts). Options: `--outDir <ordner>` (default dist/). A mistake in portal.yaml
 * is printed in German with file, line and field; a plan that cannot be read is named with the
 * reason and stays in the portal with a note.
 */
import { parseArgs } from 'node:util';
import { ContentError } from '../plan/problems.ts';
import { bauePortal } from '../portal/bauen.ts';

process.env.ASTRO_TELEMETRY_DISABLED = '1';
const { values } = parseArgs({ options: { outDir: { type: 'string' } } });

try {
  const ergebnis = await bauePortal({ ordner: process.cwd(), outDir: values.outDir });
  for (const p of ergebnis.plaene) for (const h of p.hinweise) console.warn(`Hinweis: ${p.name}: ${h}`);
  for (const h of ergebnis.hinweise) console.warn(`Hinweis: ${h}`);
  const s = (ms: number) => (ms / 1000).toLocaleString('de-DE', { maximumFractionDigits: 1 });
  const durchsucht = ergebnis.plaene.filter((p) => p.suche).length;
  const n = ergebnis.plaene.length;
  console.log(`Planwerk: Portal mit ${n} ${n === 1 ? 'Plan' : 'Plänen'} gebaut (${durchsucht} durchsuchbar): Pläne gelesen in ${s(ergebnis.lesenMs)} s, Seiten und Suche in ${s(ergebnis.bauenMs)} s.`);
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message.replace(/^Der Plan enthält/, 'portal.yaml enthält'));
  } else {
    console.error(`Der Bau des Portals ist abgebrochen. ${(error as Error).message}`);
    if (process.env.PLANWERK_DEBUG) console.error((error as Error).cause ?? error);
    else console.error('Mit PLANWERK_DEBUG=1 erscheint die technische Ursache.');
    process.exit(1);
  }
  console.error('Nichts veröffentlicht.');
  process.exit(1);
}

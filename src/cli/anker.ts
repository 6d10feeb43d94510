/**
 * npm run anker — writes the anchor register (content/anker.json) from the last build.
 * Published anchors are kept; new pages and anchors are added. With --ersetzen the
 * register becomes exactly what the build produced (for anchors that are meant to go).
 *
 * The last build is the built site in dist/ (or `--outDir <ordner>`), or, when the last
 * build stopped because published anchors are missing (and so left no site behind),
 * the anchors that build produced, as long as the plan has not changed since.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { cacheOrdner, inhaltsordner } from '../plan/aktuell.ts';
import { fortgeschriebenesRegister, kommuneDerSite, letzterBau, leseRegister, REGISTER_DATEI, sammleAnker, schreibeRegister, type AnkerRegister } from '../ausgabe/anker.ts';

const projekt = process.cwd();
const { values } = parseArgs({ options: { ersetzen: { type: 'boolean', default: false }, outDir: { type: 'string', default: 'dist' } } });
const inhalt = inhaltsordner(projekt);
const file = join(inhalt, REGISTER_DATEI);
const dist = resolve(projekt, values.outDir);

function abbruch(text: string): never {
  console.error(text);
  process.exit(1);
}

let aktuell: AnkerRegister;
const gemerkt = letzterBau(cacheOrdner(projekt, inhalt), inhalt);
if (gemerkt && !gemerkt.veraltet) {
  aktuell = gemerkt.register;
  console.log('Ankerregister: nimmt die Anker des letzten Builds, der wegen fehlender Anker oder Weiterleitungen abgebrochen ist.');
} else if (gemerkt?.veraltet) {
  abbruch(`Der letzte Build ist abgebrochen, und der Plan in ${relative(projekt, inhalt) || '.'}/ hat sich seitdem geändert. Zuerst „npm run bauen“, dann „npm run anker${values.ersetzen ? ' -- --ersetzen' : ''}“.`);
} else if (existsSync(join(dist, 'index.html'))) {
  // The site in dist/ may be another plan's (one repository, two plans): its anchors must not
  // go into this plan's register.
  const kommune = (parse(readFileSync(join(inhalt, 'plan.yaml'), 'utf8')) as { kommune?: unknown } | null)?.kommune;
  const gebaut = kommuneDerSite(dist);
  if (typeof kommune === 'string' && gebaut !== undefined && gebaut !== kommune) {
    abbruch(`Die Website in ${relative(projekt, dist) || '.'}/ ist der Plan von „${gebaut}“, nicht der von „${kommune}“ in ${relative(projekt, inhalt) || '.'}/. Zuerst diesen Plan bauen (PLANWERK_CONTENT=${relative(projekt, inhalt) || '.'} npm run bauen), dann „npm run anker“; oder mit „-- --outDir <ordner>“ den Ordner seiner Website angeben.`);
  }
  aktuell = sammleAnker(dist);
} else {
  abbruch(`In ${relative(projekt, dist) || '.'}/ liegt keine gebaute Website. Zuerst „npm run bauen“, dann „npm run anker${values.ersetzen ? ' -- --ersetzen' : ''}“.`);
}

const alt = leseRegister(file);
const neu = values.ersetzen ? aktuell : fortgeschriebenesRegister(alt, aktuell);
schreibeRegister(file, neu);
const zaehle = (r: Record<string, string[]> | undefined) => Object.values(r ?? {}).reduce((n, ids) => n + 1 + ids.length, 0);
const weg = alt ? Object.entries(alt).reduce((n, [seite, ids]) => n + (neu[seite] ? ids.filter((id) => !neu[seite]!.includes(id)).length : 1 + ids.length), 0) : 0;
console.log(`Ankerregister ${relative(projekt, file)}: ${zaehle(neu)} Einträge (vorher ${zaehle(alt)}${weg > 0 ? `, ${weg} entfernt` : ''}).`);

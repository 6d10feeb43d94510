/**
 * npm run anker — writes the anchor register (content/anker.json) from the last build.
 * Published anchors are kept; new pages and anchors are added. With --ersetzen the
 * register becomes exactly what the build produces (for anchors that are meant to go).
 */
import { join, relative } from 'node:path';
import { inhaltsordner } from '../src/lib/planladen.ts';
import { fortgeschriebenesRegister, leseRegister, REGISTER_DATEI, sammleAnker, schreibeRegister } from '../src/lib/anker.ts';

const file = join(inhaltsordner(process.cwd()), REGISTER_DATEI);
const aktuell = sammleAnker(join(process.cwd(), 'dist'));
const alt = leseRegister(file);
const neu = process.argv.includes('--ersetzen') ? aktuell : fortgeschriebenesRegister(alt, aktuell);
schreibeRegister(file, neu);
const zaehle = (r: Record<string, string[]> | undefined) => Object.values(r ?? {}).reduce((n, ids) => n + 1 + ids.length, 0);
console.log(`Ankerregister ${relative(process.cwd(), file)}: ${zaehle(neu)} Einträge (vorher ${zaehle(alt)}).`);

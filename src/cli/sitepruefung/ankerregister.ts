/**
 * The anchor register (content/anker.json) against the built site: every page and anchor the
 * plan has ever published must still be produced, directly, as an alias or through a redirect
 * page (src/ausgabe/anker.ts, the same check the build runs). Pages and anchors of the build
 * that the register does not list yet are a note: `planwerk anker` takes them in.
 */
import { join } from 'node:path';
import { ankerMeldung, fehlendeAnker, fortgeschriebenesRegister, leseRegister, REGISTER_DATEI, sammleAnker, weiterleitungsseiten } from '../../ausgabe/anker.ts';
import { anzahl, type Befund } from './befunde.ts';

export interface Ankerpruefung {
  befunde: Befund[];
  hinweise: string[];
  /** Pages and anchors of the register. */
  seiten: number;
  anker: number;
  /** The plan has no register: nothing was checked. */
  ohneRegister?: boolean;
}

/**
 * Checks the register of the plan in `inhalt` against the output `dist`. `angezeigt` is the
 * plan folder as messages name it (content).
 */
export function pruefeAnkerregister(dist: string, inhalt: string, angezeigt = 'content'): Ankerpruefung {
  const datei = `${angezeigt}/${REGISTER_DATEI}`;
  let register: Record<string, string[]> | undefined;
  try {
    register = leseRegister(join(inhalt, REGISTER_DATEI));
  } catch {
    return { befunde: [{ seite: datei, befund: 'erwartet gültiges JSON (das Ankerregister); gefunden: eine Datei, die sich nicht lesen lässt' }], hinweise: [], seiten: 0, anker: 0 };
  }
  if (!register) return { befunde: [], hinweise: [`Kein Ankerregister (${datei}): „planwerk anker“ legt es an; ohne Register prüft pruefen-site nicht, ob Veröffentlichtes erhalten bleibt.`], seiten: 0, anker: 0, ohneRegister: true };
  const aktuell = sammleAnker(dist);
  const befunde = fehlendeAnker(register, aktuell, weiterleitungsseiten(dist, aktuell)).map((f) => ({ seite: f.seite, befund: ankerMeldung(f, angezeigt) }));
  const neu = neueEintraege(register, aktuell);
  const hinweise = neu > 0 ? [`${datei} kennt ${anzahl(neu, 'Seite oder Anker', 'Seiten oder Anker')} dieses Builds noch nicht: „planwerk anker“ nimmt sie auf.`] : [];
  return { befunde, hinweise, seiten: Object.keys(register).length, anker: Object.values(register).reduce((n, ids) => n + ids.length, 0) };
}

/** How many pages and anchors of the build the register does not list. */
function neueEintraege(register: Record<string, string[]>, aktuell: Record<string, string[]>): number {
  const fortgeschrieben = fortgeschriebenesRegister(register, aktuell);
  return Object.entries(fortgeschrieben).reduce((n, [seite, ids]) => n + (register[seite] ? ids.length - register[seite].length : ids.length + 1), 0);
}

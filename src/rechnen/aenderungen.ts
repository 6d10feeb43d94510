/**
 * What changed between an earlier edition of the plan and the current one, computed
 * from the data: Maßnahmen added, finished, with another status, or dropped, and the
 * finance totals of both horizons. A status may be missing on either side (plans need not
 * give one): `undefined` means the edition does not say; a change from or to "not given"
 * counts as a status change.
 */
import type { PlanModel, Entry } from '../plan/model.ts';
import type { Data, Status } from '../plan/schemas/index.ts';
import type { Prognose } from './prognose.ts';
import { seite } from '../plan/urls.ts';
import { vergleicheDaten } from '../plan/datum.ts';

/** A public note on a page's change (`aenderungshinweis`), with the page it belongs to (a site path). */
export interface Aenderungshinweis {
  titel: string;
  pfad: string;
  /** As the plan dates it: a day, month or year (src/plan/datum.ts). */
  datum: string;
  text: string;
}

/** The change notes of chapters, Handlungsfelder and Maßnahmen, newest first (for /aenderungen/ and its feed). */
export function aenderungshinweise(model: Pick<PlanModel, 'kapitel' | 'handlungsfelder' | 'massnahmen'>): Aenderungshinweis[] {
  return [
    ...model.kapitel.map((e) => ({ e, pfad: seite.kapitel(e.id) })),
    ...model.handlungsfelder.map((e) => ({ e, pfad: seite.handlungsfeld(e.id) })),
    ...model.massnahmen.map((e) => ({ e, pfad: seite.massnahme(e.id) })),
  ]
    .flatMap(({ e, pfad }) => (e.data.aenderungshinweis ? [{ titel: e.data.titel, pfad, ...e.data.aenderungshinweis }] : []))
    .sort((a, b) => vergleicheDaten(b.datum, a.datum));
}

export interface Vergleich {
  fassung: Entry<'fassungen'>;
  neu: { id: string; titel: string; status?: Status }[];
  abgeschlossen: { id: string; titel: string; vorher?: Status }[];
  statusGeaendert: { id: string; titel: string; vorher?: Status; jetzt?: Status }[];
  entfallen: { id: string; titel: string; vorher?: Status }[];
  /** Earlier code → current code, where a Maßnahme was renumbered (its `aliase`). */
  umbenannt: { vorher: string; jetzt: string }[];
  finanzen?: { vorher: NonNullable<Data<'fassungen'>['finanzen']>; jetzt: { von: number; bis: number; bedarf: number; finanzierung: number } };
}

export function vergleiche(model: Pick<PlanModel, 'massnahmen'>, fassung: Entry<'fassungen'>, prognose?: Pick<Prognose, 'von' | 'bis' | 'summe'>): Vergleich {
  const jetztNachAltemCode = new Map<string, Entry<'massnahmen'>>();
  for (const m of model.massnahmen) {
    jetztNachAltemCode.set(m.id, m);
    for (const alt of m.data.aliase) jetztNachAltemCode.set(alt, m);
  }
  const vorher = new Map(fassung.data.massnahmen.map((m) => [m.id, m]));
  const gefunden = new Set<string>();
  const v: Vergleich = { fassung, neu: [], abgeschlossen: [], statusGeaendert: [], entfallen: [], umbenannt: [] };

  for (const alt of fassung.data.massnahmen) {
    const jetzt = jetztNachAltemCode.get(alt.id);
    if (!jetzt) {
      v.entfallen.push({ id: alt.id, titel: alt.titel, vorher: alt.status });
      continue;
    }
    gefunden.add(jetzt.id);
    if (jetzt.id !== alt.id) v.umbenannt.push({ vorher: alt.id, jetzt: jetzt.id });
    if (jetzt.data.status === alt.status) continue;
    if (jetzt.data.status === 'abgeschlossen') v.abgeschlossen.push({ id: jetzt.id, titel: jetzt.data.titel, vorher: alt.status });
    else v.statusGeaendert.push({ id: jetzt.id, titel: jetzt.data.titel, vorher: alt.status, jetzt: jetzt.data.status });
  }
  for (const m of model.massnahmen) {
    if (!gefunden.has(m.id) && !vorher.has(m.id)) v.neu.push({ id: m.id, titel: m.data.titel, status: m.data.status });
  }
  const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'de', { numeric: true });
  v.neu.sort(byId);
  v.abgeschlossen.sort(byId);
  v.statusGeaendert.sort(byId);
  v.entfallen.sort(byId);
  if (fassung.data.finanzen && prognose) {
    v.finanzen = {
      vorher: fassung.data.finanzen,
      jetzt: { von: prognose.von, bis: prognose.bis, bedarf: prognose.summe.bedarf, finanzierung: prognose.summe.finanzierung },
    };
  }
  return v;
}

/** A Maßnahme's status over time: each earlier edition's status (where it gives one), then its own statusverlauf. */
export function statusChronik(model: Pick<PlanModel, 'fassungen'>, m: Entry<'massnahmen'>) {
  const codes = new Set([m.id, ...m.data.aliase]);
  const ausFassungen = [...model.fassungen]
    .sort((a, b) => vergleicheDaten(a.data.beschlossen, b.data.beschlossen))
    // An edition that gives no status for the Maßnahme adds nothing to its status over time.
    .flatMap((f) => f.data.massnahmen.flatMap((x) => (codes.has(x.id) && x.status ? [{ datum: f.data.beschlossen, status: x.status, quelle: f.data.name }] : [])));
  const eigene = m.data.statusverlauf.map((s) => ({ datum: s.datum, status: s.status, quelle: s.hinweis ?? 'Fortschreibung' }));
  return [...ausFassungen, ...eigene].sort((a, b) => vergleicheDaten(a.datum, b.datum));
}

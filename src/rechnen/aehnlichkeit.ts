/**
 * Schools with similar needs, from the latest survey round. A documented simple method, so that
 * every result can be explained in one sentence and checked by hand:
 *
 * 1. Each school gets a set of traits (Merkmale) from its own answers:
 *    - a key figure below the median of all schools in the round (Dienstgeräte je Lehrkraft, Räume
 *      mit Präsentationstechnik, WLAN-Abdeckung, Breitband), or a support reaction time above it;
 *      the Ausstattungsquote below the median of the school's own Schulform, whose targets differ.
 *      The medians are the plan's own data, never a threshold fixed here;
 *    - every need the school rated „hoch“.
 *    Internal fields (the plan's `intern`, and those Planwerk never publishes) make no traits,
 *    because a reason names them for a single school.
 * 2. Two schools are the more similar the larger the share of their traits they share
 *    (Jaccard index: shared traits / traits of either). A school lists up to five others that
 *    share at least two traits, most similar first; ties go by more shared traits, then by name.
 * 3. Groups for joint training or procurement: the schools that rated the same need „hoch“, with
 *    the traits every one of them has in common.
 *
 * Nothing depends on the order of rows or files: the same data always gives the same result.
 */
import type { PlanModel } from '../plan/model.ts';
import { byId } from '../plan/model.ts';
import { anteil, quote } from './ausstattung.ts';
import { erhebungsdaten, letzteRunde, oeffentlich, staendeDerRunde, BEDARF, type Stand, type Zahlfeld } from './erhebungen.ts';
import { formatNumber, formatPercent } from '../plan/format.ts';
import { jeModell } from '../plan/indexe.ts';

export interface Merkmal {
  id: string;
  /** As a reason reads after "beide": "WLAN-Abdeckung unter dem Median aller Schulen (93,5 %)". */
  text: string;
}

interface Kennziffer {
  id: string;
  name: string;
  /** The fields the figure is computed from: it is used only where all are public. */
  felder: Zahlfeld[];
  wert(s: Stand): number | undefined;
  /** Whether a high value marks a need (a long reaction time), else a low one does. */
  hochIstBedarf?: boolean;
  /** Compared within the school's Schulform, whose targets differ (a Grundschule is not short of devices beside a Gymnasium). */
  jeSchulform?: boolean;
  format(v: number): string;
}

const KENNZIFFERN: Kennziffer[] = [
  { id: 'ausstattungsquote', name: 'Ausstattungsquote', felder: ['endgeraete_schueler', 'schuelerzahl'], wert: (s) => quote(s.werte.endgeraete_schueler, s.werte.schuelerzahl), jeSchulform: true, format: (v) => formatPercent(v) },
  { id: 'lehrkraefte-quote', name: 'Dienstgeräte je 100 Lehrkräfte', felder: ['endgeraete_lehrkraefte', 'lehrkraefte'], wert: (s) => anteil([s], 'endgeraete_lehrkraefte', 'lehrkraefte'), format: (v) => formatPercent(v) },
  { id: 'praesentationsquote', name: 'Anteil der Räume mit Präsentationstechnik', felder: ['praesentationsmedien', 'unterrichtsraeume'], wert: (s) => anteil([s], 'praesentationsmedien', 'unterrichtsraeume'), format: (v) => formatPercent(v) },
  { id: 'wlan', name: 'WLAN-Abdeckung', felder: ['wlan_abdeckung'], wert: (s) => s.werte.wlan_abdeckung, format: (v) => formatPercent(v) },
  { id: 'breitband', name: 'Breitbandanschluss', felder: ['breitband_mbit'], wert: (s) => s.werte.breitband_mbit, format: (v) => `${formatNumber(v)} Mbit/s` },
  { id: 'reaktionszeit', name: 'Reaktionszeit des Supports', felder: ['reaktionszeit_h'], wert: (s) => s.werte.reaktionszeit_h, hochIstBedarf: true, format: (v) => `${formatNumber(v, 1)} Stunden` },
];

/** The median of the values (the mean of the middle two for an even count). */
export function median(werte: number[]): number | undefined {
  if (werte.length === 0) return undefined;
  const s = [...werte].sort((a, b) => a - b);
  const mitte = Math.floor(s.length / 2);
  return s.length % 2 ? s[mitte] : (s[mitte - 1]! + s[mitte]!) / 2;
}

export interface AehnlicheSchule {
  schule: string;
  /** Shared traits over traits of either school, 0–1. */
  aehnlichkeit: number;
  gemeinsam: Merkmal[];
}

export interface Gruppe {
  bedarf: { id: string; name: string; art: string };
  /** School ids, by name. */
  schulen: string[];
  /** Traits all schools of the group share besides the need. */
  gemeinsam: Merkmal[];
}

export interface Aehnlichkeiten {
  /** The round the traits come from. */
  runde?: string;
  /** The medians the traits compare with, for the page that explains the method. */
  schwellen: { id: string; name: string; median: number; text: string }[];
  merkmale: ReadonlyMap<string, Merkmal[]>;
  aehnlich: ReadonlyMap<string, AehnlicheSchule[]>;
  gruppen: Gruppe[];
}

/** Most similar schools listed per school. */
export const HOECHSTENS = 5;
/** Fewest shared traits for two schools to count as similar. */
export const MINDESTENS_GEMEINSAM = 2;

function bilde(model: PlanModel): Aehnlichkeiten {
  const r = letzteRunde(model);
  const staende = [...staendeDerRunde(model)].sort((a, b) => a.schule.localeCompare(b.schule));
  const konfiguration = erhebungsdaten(model).konfiguration;
  const name = (id: string) => byId(model.schulen, id, 'schulen').data.name;
  const merkmale = new Map<string, Merkmal[]>(staende.map((s) => [s.schule, []]));
  const schwellen: Aehnlichkeiten['schwellen'] = [];

  for (const k of KENNZIFFERN) {
    if (!k.felder.every((f) => oeffentlich(model, f))) continue;
    const richtung = k.hochIstBedarf ? 'über' : 'unter';
    // Groups whose median a school is compared with: all schools, or those of its Schulform.
    const gruppen = k.jeSchulform
      ? [...model.schulformen].sort((a, b) => a.data.reihenfolge - b.data.reihenfolge).map((f) => ({ name: f.data.name, staende: staende.filter((s) => s.schulform === f.id) }))
      : [{ name: undefined, staende }];
    const text = `${k.name} ${richtung} dem Median ${k.jeSchulform ? 'ihrer Schulform' : 'aller Schulen'}`;
    for (const g of gruppen) {
      const werte = g.staende.map((s) => k.wert(s));
      const m = median(werte.filter((v): v is number => v !== undefined));
      if (m === undefined) continue;
      schwellen.push({ id: g.name ? `${k.id}:${g.name}` : k.id, name: k.name, median: m, text: `${k.name} ${richtung} dem Median ${g.name ? `der Schulform ${g.name}` : 'aller Schulen'} (${k.format(m)})` });
      g.staende.forEach((s, i) => {
        const v = werte[i];
        if (v !== undefined && (k.hochIstBedarf ? v > m : v < m)) merkmale.get(s.schule)!.push({ id: `kennziffer:${k.id}`, text: k.jeSchulform ? text : `${text} (${k.format(m)})` });
      });
    }
  }
  const bedarfe = (konfiguration?.bedarfe ?? []).filter((b) => oeffentlich(model, BEDARF + b.id));
  for (const b of bedarfe) {
    for (const s of staende) if (s.bedarfe[b.id] === 'hoch') merkmale.get(s.schule)!.push({ id: `bedarf:${b.id}`, text: `Bedarf „${b.name}“ hoch` });
  }

  const aehnlich = new Map<string, AehnlicheSchule[]>();
  for (const a of staende) {
    const ma = merkmale.get(a.schule)!;
    const ids = new Set(ma.map((x) => x.id));
    const kandidaten: AehnlicheSchule[] = [];
    for (const b of staende) {
      if (b.schule === a.schule) continue;
      const mb = merkmale.get(b.schule)!;
      const gemeinsam = ma.filter((x) => mb.some((y) => y.id === x.id));
      if (gemeinsam.length < MINDESTENS_GEMEINSAM) continue;
      const vereinigt = new Set([...ids, ...mb.map((y) => y.id)]).size;
      kandidaten.push({ schule: b.schule, aehnlichkeit: gemeinsam.length / vereinigt, gemeinsam });
    }
    kandidaten.sort((x, y) => y.aehnlichkeit - x.aehnlichkeit || y.gemeinsam.length - x.gemeinsam.length || name(x.schule).localeCompare(name(y.schule), 'de') || x.schule.localeCompare(y.schule));
    aehnlich.set(a.schule, kandidaten.slice(0, HOECHSTENS));
  }

  const gruppen: Gruppe[] = [];
  for (const b of bedarfe) {
    const mitglieder = staende.filter((s) => s.bedarfe[b.id] === 'hoch').map((s) => s.schule);
    if (mitglieder.length < 2) continue;
    const gemeinsam = merkmale.get(mitglieder[0]!)!.filter((x) => x.id !== `bedarf:${b.id}` && mitglieder.every((id) => merkmale.get(id)!.some((y) => y.id === x.id)));
    gruppen.push({ bedarf: { id: b.id, name: b.name, art: b.art }, schulen: mitglieder.sort((x, y) => name(x).localeCompare(name(y), 'de') || x.localeCompare(y)), gemeinsam });
  }
  return { runde: r?.id, schwellen, merkmale, aehnlich, gruppen };
}

/** Traits, similar schools and groups of a plan, computed once per model. */
export const aehnlichkeiten = jeModell('aehnlichkeiten', bilde);

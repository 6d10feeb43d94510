/**
 * Entries of the A–Z register, built from the plan data and filed by first letter. Pure, so
 * tests can call it. The register is one page per letter (all 27 always exist, so their
 * addresses stay valid whatever the plan contains) and /register/ as the entry page.
 */
import { NOCH_NICHT_ENTSCHIEDEN, gewaehlteOption } from '../../rechnen/entscheidungen.ts';
import type { PlanModel } from '../../plan/model.ts';
import type { Data } from '../../plan/schemas/index.ts';
import { url } from '../../plan/urls.ts';
import { jeModell } from '../../plan/indexe.ts';
import { massnahmeCode } from '../../plan/massnahmen.ts';

export type RegisterArt = 'Kapitel' | 'Handlungsfeld' | 'Ziel' | 'Maßnahme' | 'Akteur' | 'Schule' | 'Glossar' | 'Indikator' | 'Entscheidung';

export interface RegisterEintrag {
  label: string;
  href: string;
  art: RegisterArt;
  /** Short hint after the type, e.g. the long name behind an abbreviation. */
  zusatz?: string;
}

export interface RegisterGruppe {
  buchstabe: string;
  id: string;
  eintraege: RegisterEintrag[];
}

/** The letters of the register in their order: digits and other signs first, then A–Z. */
export const BUCHSTABEN = ['0–9', ...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];

const collator = new Intl.Collator('de', { sensitivity: 'base', numeric: true });

/** The hint after a Handlungsfeld: its Kürzel ("Kürzel I"), else its number ("Handlungsfeld 2"); a strategic theme says so. */
function feldZusatz(h: Pick<Data<'handlungsfelder'>, 'art' | 'kuerzel' | 'nummer'>): string | undefined {
  if (h.kuerzel) return `${h.art === 'Handlungsfeld' ? 'Kürzel' : h.art} ${h.kuerzel}`;
  if (h.nummer) return `${h.art} ${h.nummer}`;
  return h.art === 'Handlungsfeld' ? undefined : h.art;
}

export function registerEintraege(model: PlanModel): RegisterEintrag[] {
  const out: RegisterEintrag[] = [];
  // A chapter is filed under its title; its section number (4.2) is the hint.
  for (const k of model.kapitel) out.push({ label: k.data.titel, href: url.kapitel(k.id), art: 'Kapitel', zusatz: k.data.nummer && `Abschnitt ${k.data.nummer}` });
  for (const h of model.handlungsfelder) {
    out.push({ label: h.data.titel, href: url.handlungsfeld(h.id), art: 'Handlungsfeld', zusatz: feldZusatz(h.data) });
    for (const z of h.data.ziele) out.push({ label: z.text, href: url.ziel(h.id, z.id), art: 'Ziel', zusatz: z.code ? `${z.code}, ${h.data.titel}` : h.data.titel });
  }
  for (const m of model.massnahmen) {
    // Filed under its title, and under its code where the plan gives codes.
    const code = massnahmeCode(model, m);
    out.push({ label: m.data.titel, href: url.massnahme(m.id), art: 'Maßnahme', zusatz: code });
    if (code) out.push({ label: code, href: url.massnahme(m.id), art: 'Maßnahme', zusatz: m.data.titel });
  }
  for (const a of model.akteure) {
    out.push({ label: a.data.name, href: url.akteur(a.id), art: 'Akteur', zusatz: a.data.kurzname });
    if (a.data.kurzname) out.push({ label: a.data.kurzname, href: url.akteur(a.id), art: 'Akteur', zusatz: a.data.name });
  }
  for (const s of model.schulen) out.push({ label: s.data.name, href: url.schule(s.id), art: 'Schule' });
  // A decision is filed under its question; the option chosen (or that it is open) is the hint.
  for (const e of model.entscheidungen) out.push({ label: e.data.frage, href: url.entscheidung(e.id), art: 'Entscheidung', zusatz: gewaehlteOption(e)?.titel ?? NOCH_NICHT_ENTSCHIEDEN });
  for (const g of model.glossar) {
    out.push({ label: g.data.begriff, href: url.glossar(g.id), art: 'Glossar', zusatz: g.data.abkuerzung });
    if (g.data.abkuerzung) out.push({ label: g.data.abkuerzung, href: url.glossar(g.id), art: 'Glossar', zusatz: g.data.begriff });
  }
  for (const i of model.indikatoren) out.push({ label: i.data.titel, href: url.indikatoren(i.id), art: 'Indikator' });
  return out;
}

/** The letter an entry is filed under: A–Z with umlauts under their base letter, everything else under „0–9“. */
export function buchstabe(label: string): string {
  const first = label.trim().normalize('NFD').charAt(0).toUpperCase();
  return /[A-Z]/.test(first) ? first : '0–9';
}

export function registerGruppen(eintraege: RegisterEintrag[]): RegisterGruppe[] {
  const sorted = [...eintraege].sort((a, b) => collator.compare(a.label, b.label) || collator.compare(a.art, b.art) || a.href.localeCompare(b.href));
  const map = new Map<string, RegisterEintrag[]>();
  for (const e of sorted) {
    const b = buchstabe(e.label);
    const liste = map.get(b);
    if (liste) liste.push(e);
    else map.set(b, [e]);
  }
  return [...map.keys()]
    .sort((a, b) => (a === '0–9' ? -1 : b === '0–9' ? 1 : collator.compare(a, b)))
    .map((b) => ({ buchstabe: b, id: `buchstabe-${b === '0–9' ? 'ziffern' : b.toLowerCase()}`, eintraege: map.get(b)! }));
}

/** Every letter of BUCHSTABEN with its entries (possibly none), computed once per model. */
export const registerBuchstaben = jeModell('register', (model): RegisterGruppe[] => {
  const gruppen = new Map(registerGruppen(registerEintraege(model)).map((g) => [g.buchstabe, g]));
  return BUCHSTABEN.map((b) => gruppen.get(b) ?? { buchstabe: b, id: `buchstabe-${b === '0–9' ? 'ziffern' : b.toLowerCase()}`, eintraege: [] });
});

/** The kinds of entries the register has for this plan, as a German list: "Kapitel, Handlungsfelder, … und Indikatoren". */
export function registerInhalt(model: PlanModel): string {
  const arten: [string, boolean][] = [
    ['Kapitel', true],
    ['Handlungsfelder', true],
    ['Ziele', model.handlungsfelder.some((h) => h.data.ziele.length > 0)],
    ['Maßnahmen', true],
    ['Akteure', true],
    ['Schulen', model.schulen.length > 0],
    ['Glossarbegriffe', model.glossar.length > 0],
    ['Indikatoren', model.indikatoren.length > 0],
  ];
  const namen = arten.filter(([, da]) => da).map(([name]) => name);
  return `${namen.slice(0, -1).join(', ')} und ${namen.at(-1)}`;
}

/**
 * The shared actor map of a portal over several plans (issue 28): which actors of different plans
 * are the same (the Medienzentrum, the IT-Dienstleister, the Schulaufsicht), and their role in each
 * plan. Pure functions over `GelesenerPlan[]` (src/portal/typen.ts): no Astro, no I/O.
 *
 * Two actors of different plans are the same when they share a `kennung` (the optional shared id
 * of the plan schema), or when one plan names the other's name or kurzname among its `auchBekanntAls`
 * (or both name the same other name there). The same name or kurzname alone is not enough: each
 * town has its own „Rat“, „Schulamt“ or „Schulverwaltungsamt“. The matches are joined transitively (union-find over all
 * plans), with two limits, each reported as a Problem instead of merged:
 * - two actors of the SAME plan are never one (the plan itself keeps them apart);
 * - two actors with different `kennung`en are never one, whatever their names.
 * Shared ids are joined before names, and plans and actors in their given order, so the result
 * does not depend on chance.
 */
import GithubSlugger from 'github-slugger';
import type { Problem } from '../plan/problems.ts';
import { text, texte, zahl, type Datensatz, type GelesenerPlan } from './typen.ts';
import { ohneUmlaute } from './konfiguration.ts';

/** An actor's role in one plan, as that plan publishes it. */
export interface AkteurRolle {
  plan: string;
  /** The Schulträger as the portal names the plan. */
  planName: string;
  /** The actor's id in that plan. */
  akteur: string;
  name: string;
  kurzname?: string;
  auchBekanntAls: string[];
  kennung?: string;
  ebene?: string;
  aufgaben: string[];
  zustaendigkeit?: string;
  supportlevel: string[];
  /** The Handlungsfelder where the plan makes the actor responsible or a partner (Zuständigkeitsmatrix), in the plan's order. */
  handlungsfelder: AkteurImHandlungsfeld[];
  /** The actor's page on the plan site (absolute); missing without Portalangaben. */
  seite?: string;
}

export interface AkteurImHandlungsfeld {
  handlungsfeld: string;
  titel: string;
  /** Responsible for the whole Handlungsfeld. */
  fuerDasFeld: boolean;
  /** Maßnahmen of the field the actor leads, and those it is a partner in (as the matrix publishes them). */
  verantwortlich: number;
  partner: number;
}

/** An actor that two or more plans name. */
export interface GemeinsamerAkteur {
  /** Stable slug: from the shared `kennung`, else from the most common name (github-slugger, unique in the map). */
  id: string;
  /** The most common name among the plans (the first plan's spelling). */
  name: string;
  kennung?: string;
  /** Every name the plans use for it (name, kurzname, auchBekanntAls), first spelling of each. */
  namen: string[];
  /** How the plans' actors were recognised as one: „gemeinsame Kennung „…““, „gleicher Name „…““. */
  erkanntDurch: string[];
  /** One role per plan, in the order of the plans. */
  rollen: AkteurRolle[];
}

export interface Akteurskarte {
  /** Actors named by 2+ plans, sorted by name. */
  akteure: GemeinsamerAkteur[];
  /** Matches the map did not make (same plan, different kennung) and unreadable records. */
  probleme: Problem[];
}

/**
 * A name as the map compares it: NFC, case-folded (ß and ss are one; upper then lower case, the
 * closest JavaScript has to full case folding), whitespace collapsed, trimmed.
 */
export function normalisiereName(name: string): string {
  return name.normalize('NFC').toUpperCase().toLowerCase().normalize('NFC').split(/\s+/u).filter(Boolean).join(' ');
}

/**
 * The absolute address of an actor's page on its plan site, from the Portalangaben's pattern
 * (`seiten.akteur`, `{id}` for the id) relative to the plan's address. Undefined without
 * Portalangaben or where the pattern would leave the plan site.
 */
export function akteurSeite(plan: Pick<GelesenerPlan, 'adresse' | 'angaben'>, id: string): string | undefined {
  const muster = plan.angaben?.seiten.akteur;
  if (!muster) return undefined;
  let basis: URL;
  try {
    basis = new URL(plan.adresse);
  } catch {
    return undefined;
  }
  if (basis.protocol !== 'https:' && basis.protocol !== 'http:') return undefined;
  const ziel = new URL(muster.replaceAll('{id}', encodeURIComponent(id)), basis);
  const wurzel = basis.pathname.endsWith('/') ? basis.pathname : `${basis.pathname}/`;
  return ziel.origin === basis.origin && ziel.pathname.startsWith(wurzel) ? ziel.href : undefined;
}

// ---------------------------------------------------------------------------

const saetze = (tabelle: Datensatz[] | undefined): Datensatz[] => (tabelle ?? []).filter((r) => typeof r === 'object' && r !== null && !Array.isArray(r));

/** A name with its whitespace tidied (as the map shows the names): NFC, trimmed, one space between words. */
const aufgeraeumt = (name: string) => name.normalize('NFC').split(/\s+/u).filter(Boolean).join(' ');

interface Knoten {
  plan: GelesenerPlan;
  r: Datensatz;
  id: string;
  name: string;
  kennung?: string;
  /** name, kurzname, auchBekanntAls: as spelt (whitespace tidied), in this order. */
  namen: string[];
  /** Its auchBekanntAls entries (tidied): the names under which it declares itself the same as others. */
  aliase: string[];
}

/** The file a problem of a plan's actors points to: the plan's published table. */
function akteureDatei(plan: GelesenerPlan): string {
  const pfad = plan.angaben?.tabellen.find((t) => t.name === 'akteure')?.json ?? 'daten/akteure.json';
  try {
    return new URL(pfad, plan.adresse).href;
  } catch {
    return `${plan.adresse}${pfad}`;
  }
}

/** The actors of every plan as nodes of the map; records without id or name become problems. */
function knotenDerPlaene(plaene: readonly GelesenerPlan[], probleme: Problem[]): Knoten[] {
  const knoten: Knoten[] = [];
  for (const plan of plaene) {
    saetze(plan.tabellen.akteure).forEach((r, i) => {
      const id = text(r, 'id');
      const name = text(r, 'name');
      if (!id || !name) {
        probleme.push({ file: akteureDatei(plan), entry: id ?? `Eintrag ${i + 1}`, expected: 'einen Akteur mit Kennung und Name', found: id ? 'keinen Namen' : 'keine Kennung' });
        return;
      }
      const kurzname = text(r, 'kurzname');
      const kennung = text(r, 'kennung');
      const aliase = texte(r, 'auchBekanntAls').map(aufgeraeumt);
      knoten.push({ plan, r, id, name, ...(kennung ? { kennung } : {}), namen: [name, ...(kurzname ? [kurzname] : [])].map(aufgeraeumt).concat(aliase), aliase });
    });
  }
  return knoten;
}

/** The nodes joined: per node its root, and per root its kennung and how its members were recognised. */
interface Verbund {
  finde: (i: number) => number;
  kennungVon: (string | undefined)[];
  gruende: Set<string>[];
}

/**
 * Joins the nodes (union-find): shared ids first, then declared other names, plans and actors in
 * their order. Never two actors of one plan, never two different kennungen: those become problems.
 */
function verbinde(knoten: Knoten[], probleme: Problem[]): Verbund {
  const eltern = knoten.map((_, i) => i);
  const finde = (i: number): number => {
    while (eltern[i] !== i) {
      eltern[i] = eltern[eltern[i]!]!;
      i = eltern[i]!;
    }
    return i;
  };
  const plaeneVon = knoten.map((k, i) => new Map([[k.plan.id, i]]));
  const kennungVon = knoten.map((k) => k.kennung);
  const gruende = knoten.map(() => new Set<string>());
  const gemeldet = new Set<string>();
  const melde = (a: Knoten, b: Knoten, grund: string, expected: string) => {
    const schluessel = [a.plan.id, a.id, b.plan.id, b.id].join('\u0000');
    if (gemeldet.has(schluessel)) return;
    gemeldet.add(schluessel);
    probleme.push({ file: akteureDatei(a.plan), entry: a.id, field: 'name', expected, found: grund });
  };

  const vereinige = (a: number, b: number, grund: string) => {
    const [ra, rb] = [finde(a), finde(b)];
    if (ra === rb) return;
    for (const [plan, x] of plaeneVon[ra]!) {
      const y = plaeneVon[rb]!.get(plan);
      if (y === undefined) continue;
      const [kx, ky] = [knoten[x]!, knoten[y]!];
      melde(kx, ky, `${grund} verbände „${kx.name}“ (${kx.id}) mit „${ky.name}“ (${ky.id}) desselben Plans`, 'verschiedene Akteure desselben Plans getrennt; die Akteurskarte führt sie nicht zusammen');
      return;
    }
    const [ka, kb] = [kennungVon[ra], kennungVon[rb]];
    if (ka && kb && ka !== kb) {
      melde(knoten[a]!, knoten[b]!, `${grund} bei „${knoten[b]!.name}“ aus ${knoten[b]!.plan.name}, aber die Kennungen „${ka}“ und „${kb}“ unterscheiden sich`, 'Akteure mit verschiedenen Kennungen getrennt; die Akteurskarte führt sie nicht zusammen');
      return;
    }
    eltern[rb] = ra;
    for (const [plan, i] of plaeneVon[rb]!) plaeneVon[ra]!.set(plan, i);
    kennungVon[ra] = ka ?? kb;
    for (const g of gruende[rb]!) gruende[ra]!.add(g);
    gruende[ra]!.add(grund);
  };

  const nachKennung = Map.groupBy(knoten.map((k, i) => ({ k, i })).filter((x) => x.k.kennung), (x) => x.k.kennung!);
  for (const [kennung, glieder] of nachKennung) for (const { i } of glieder.slice(1)) vereinige(glieder[0]!.i, i, `gemeinsame Kennung „${kennung}“`);
  // Names join only through a declared other name: an actor's auchBekanntAls meets another's name,
  // kurzname or auchBekanntAls. Two plain names that agree are kept apart.
  const nachName = new Map<string, { name: string; alias: number[]; eigen: number[] }>();
  const eintrag = (n: string) => nachName.get(normalisiereName(n)) ?? nachName.set(normalisiereName(n), { name: n, alias: [], eigen: [] }).get(normalisiereName(n))!;
  knoten.forEach((k, i) => {
    for (const n of k.namen.filter((n) => !k.aliase.includes(n))) eintrag(n).eigen.push(i);
    for (const a of k.aliase) eintrag(a).alias.push(i);
  });
  for (const { name, alias, eigen } of nachName.values()) {
    for (const i of [...alias.slice(1), ...eigen]) if (alias.length > 0 && i !== alias[0]) vereinige(alias[0]!, i, `anderer Name „${name}“`);
  }
  return { finde, kennungVon, gruende };
}

/** The shared actors of the plans, with each plan's role, and what could not be joined. */
export function gemeinsameAkteure(plaene: readonly GelesenerPlan[]): Akteurskarte {
  const probleme: Problem[] = [];
  const knoten = knotenDerPlaene(plaene, probleme);
  const { finde, kennungVon, gruende } = verbinde(knoten, probleme);
  const gruppen = Map.groupBy(
    knoten.map((_, i) => i),
    finde,
  );
  const slugger = new GithubSlugger();
  const gemeinsame = [...gruppen.entries()]
    .filter(([, glieder]) => new Set(glieder.map((i) => knoten[i]!.plan.id)).size >= 2)
    .map(([wurzel, glieder]) => {
      const k = glieder.map((i) => knoten[i]!);
      return { kennung: kennungVon[wurzel], name: haeufigsterName(k), glieder: k, erkanntDurch: [...gruende[wurzel]!] };
    })
    .sort((a, b) => Number(!a.kennung) - Number(!b.kennung) || (a.kennung ?? '').localeCompare(b.kennung ?? '', 'de') || a.name.localeCompare(b.name, 'de') || schluessel(a.glieder).localeCompare(schluessel(b.glieder)));
  const reihe = new Map(plaene.map((p, i) => [p.id, i]));
  const akteure = gemeinsame.map((g): GemeinsamerAkteur => {
    const namen = new Map<string, string>();
    for (const k of g.glieder) for (const n of k.namen) if (!namen.has(normalisiereName(n))) namen.set(normalisiereName(n), n);
    return {
      id: slugger.slug(ohneUmlaute(g.kennung ?? g.name)),
      name: g.name,
      ...(g.kennung ? { kennung: g.kennung } : {}),
      namen: [...namen.values()],
      erkanntDurch: g.erkanntDurch,
      rollen: g.glieder.sort((a, b) => reihe.get(a.plan.id)! - reihe.get(b.plan.id)!).map(rolle),
    };
  });
  return { akteure: akteure.sort((a, b) => a.name.localeCompare(b.name, 'de') || a.id.localeCompare(b.id)), probleme };
}

/**
 * The name most members use (each member counted once per name). Ties go to the name more
 * members use as their name or kurzname (not only as another name), then to the first in German
 * order; the spelling is the one most members write, ties again the first in German order. So
 * the name (and the slug made of it) does not depend on the order of the plans.
 */
function haeufigsterName(glieder: Knoten[]): string {
  const zahl = new Map<string, { n: number; haupt: number; schreibweisen: Map<string, number> }>();
  for (const k of glieder) {
    const haupt = new Set(k.namen.slice(0, text(k.r, 'kurzname') ? 2 : 1).map(normalisiereName));
    const eigene = new Map<string, string>();
    for (const n of k.namen) if (!eigene.has(normalisiereName(n))) eigene.set(normalisiereName(n), n);
    for (const [key, schreibweise] of eigene) {
      const e = zahl.get(key) ?? { n: 0, haupt: 0, schreibweisen: new Map<string, number>() };
      e.n += 1;
      if (haupt.has(key)) e.haupt += 1;
      e.schreibweisen.set(schreibweise, (e.schreibweisen.get(schreibweise) ?? 0) + 1);
      zahl.set(key, e);
    }
  }
  const deutsch = (a: string, b: string) => a.localeCompare(b, 'de') || (a < b ? -1 : a > b ? 1 : 0);
  const [, best] = [...zahl].sort(([ka, a], [kb, b]) => b.n - a.n || b.haupt - a.haupt || deutsch(ka, kb))[0]!;
  return [...best.schreibweisen].sort(([sa, a], [sb, b]) => b - a || deutsch(sa, sb))[0]![0];
}

/** The members of a group as a text that does not depend on the order of the plans. */
const schluessel = (glieder: Knoten[]) => glieder.map((k) => `${k.plan.id}/${k.id}`).sort().join(' ');

/** Order of numbers that may be Infinity (a field without `reihenfolge`, or not in the plan's list). */
const vergleiche = (x: number, y: number) => (x === y ? 0 : x < y ? -1 : 1);

function rolle(k: Knoten): AkteurRolle {
  const { plan, r } = k;
  const felder = saetze(plan.tabellen.handlungsfelder);
  const titel = new Map(felder.flatMap((f) => (text(f, 'id') ? [[text(f, 'id')!, text(f, 'titel') ?? text(f, 'id')!] as const] : [])));
  const reihenfolge = new Map(felder.flatMap((f, i) => (text(f, 'id') ? [[text(f, 'id')!, [typeof f.reihenfolge === 'number' ? f.reihenfolge : Infinity, i] as const] as const] : [])));
  const rang = (id: string) => reihenfolge.get(id) ?? [Infinity, Infinity];
  const handlungsfelder = saetze(plan.tabellen.zustaendigkeitsmatrix)
    .filter((z) => text(z, 'akteur') === k.id && text(z, 'handlungsfeld'))
    .map((z) => {
      const feld = text(z, 'handlungsfeld')!;
      return { handlungsfeld: feld, titel: titel.get(feld) ?? feld, fuerDasFeld: z.handlungsfeldVerantwortlich === true, verantwortlich: zahl(z, 'anzahlVerantwortlich') ?? 0, partner: zahl(z, 'anzahlPartner') ?? 0 };
    })
    .filter((h) => h.fuerDasFeld || h.verantwortlich > 0 || h.partner > 0)
    .sort((a, b) => vergleiche(rang(a.handlungsfeld)[0], rang(b.handlungsfeld)[0]) || vergleiche(rang(a.handlungsfeld)[1], rang(b.handlungsfeld)[1]));
  const kurzname = text(r, 'kurzname');
  const ebene = text(r, 'ebene');
  const zustaendigkeit = text(r, 'zustaendigkeit');
  const seite = akteurSeite(plan, k.id);
  return {
    plan: plan.id,
    planName: plan.name,
    akteur: k.id,
    name: k.name,
    ...(kurzname ? { kurzname } : {}),
    auchBekanntAls: texte(r, 'auchBekanntAls'),
    ...(k.kennung ? { kennung: k.kennung } : {}),
    ...(ebene ? { ebene } : {}),
    aufgaben: texte(r, 'aufgaben'),
    ...(zustaendigkeit ? { zustaendigkeit } : {}),
    supportlevel: texte(r, 'supportlevel'),
    handlungsfelder,
    ...(seite ? { seite } : {}),
  };
}

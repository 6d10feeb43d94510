/**
 * The comparison of several plans from their published open data (issue 28): Ausstattungsquoten
 * per Schulform, the status of Maßnahmen per Handlungsfeld, the finance need per pupil and year,
 * and the dates of each plan. Pure functions over `GelesenerPlan[]` (src/portal/typen.ts): no
 * Astro, no I/O; the portal's pages render the plain tables returned here.
 *
 * The rule of the whole project holds here too: every figure is shown as its plan published it
 * (units and decimals as published, with the plan's Stand); a blank stays a blank with its reason,
 * never a 0; plans whose figures are of different years are shown apart and not compared. What the
 * portal computes itself (counts of Maßnahmen, shares) is labelled as counted by the portal.
 */
import { formatDatum, jahrVon, vergleicheDaten, zerlege } from '../plan/datum.ts';
import { STATUS, VERGLEICHE, type Vergleich } from '../plan/schemas/vokabular.ts';
import { zielBis, zielwertText } from '../rechnen/indikatoren.ts';
import { text, texte, zahl, type Datensatz, type GelesenerPlan, type GeleseneTabelle } from './typen.ts';

// ---------------------------------------------------------------------------
// Numbers as published

/** How many decimals a number has in its shortest written form (as JSON wrote it): 31.59 → 2, 1e-7 → 7. */
function nachkommastellen(n: number): number {
  const [mantisse = '', exponent = '0'] = String(Math.abs(n)).toLowerCase().split('e');
  const stellen = (mantisse.split('.')[1] ?? '').length - Number(exponent);
  // Intl allows at most 100 fraction digits; no published figure comes near.
  return Math.min(100, Math.max(0, stellen));
}

const formate = new Map<string, Intl.NumberFormat>();
function format(stellen: number, euro: boolean): Intl.NumberFormat {
  const key = `${euro ? 'e' : 'n'}${stellen}`;
  let f = formate.get(key);
  if (!f) {
    f = new Intl.NumberFormat('de-DE', { ...(euro ? { style: 'currency', currency: 'EUR' } : {}), minimumFractionDigits: stellen, maximumFractionDigits: stellen });
    formate.set(key, f);
  }
  return f;
}

function endlich(n: number): void {
  if (!Number.isFinite(n)) throw new RangeError(`Keine veröffentlichte Zahl: ${n}`);
}

/**
 * A published number in de-DE with exactly the decimals it was published with:
 * 31.59 → „31,59“, 100 → „100“, 1234.5 → „1.234,5“. Never rounds, never pads.
 */
export function wieVeroeffentlicht(n: number): string {
  endlich(n);
  return format(nachkommastellen(n), false).format(n);
}

/**
 * A published amount in euros: 212.27 → „212,27 €“, 5100160 → „5.100.160 €“. Whole euros stay
 * whole; an amount with cents shows two decimals (JSON drops the trailing zero of 212.30, which
 * the plan rounded to whole cents), more only where the plan published more.
 */
export function euroWieVeroeffentlicht(n: number): string {
  endlich(n);
  const stellen = nachkommastellen(n);
  return format(stellen === 0 ? 0 : Math.max(2, stellen), true).format(n);
}

/** A published percentage: 31.59 → „31,59 %“ (the decimals as published). */
export function prozentWieVeroeffentlicht(n: number): string {
  return `${wieVeroeffentlicht(n)}\u00a0%`;
}

// ---------------------------------------------------------------------------
// Shapes returned

/** One cell: what a reader sees, the machine value behind it (none for a blank), an optional note. */
export interface Zelle {
  text: string;
  /** The published value (number or date as published) or the count; missing for a blank. */
  wert?: number | string;
  hinweis?: string;
}

/** What a sign in the cells of a table means. */
export interface Legendeneintrag {
  zeichen: string;
  text: string;
}

/** A plan as the head of a column or row: its id and name in the portal and the Stand of the figures. */
export interface PlanKopf {
  plan: string;
  name: string;
  /** The Stand of the table (or of the plan, when the table names none); „Stand nicht bekannt“ without either. */
  stand: Zelle;
}

/** A plan left out of a comparison, and why. */
export interface PlanOhne {
  plan: string;
  name: string;
  grund: string;
}

/** The sign of an empty cell. */
export const LEER = '–';
/** Label of a figure the portal computed itself, not the plan. */
export const BERECHNET = 'vom Portal gezählt';

// ---------------------------------------------------------------------------
// Reading records (the open data of another site: every field is checked, nothing assumed)

const datensaetze = (plan: GelesenerPlan, tabelle: GeleseneTabelle): Datensatz[] | undefined =>
  plan.tabellen[tabelle]?.filter((r): r is Datensatz => typeof r === 'object' && r !== null && !Array.isArray(r));

/** A plan date when it is one (2026-10-15, 2026-10, 2026 …), else undefined. */
const datum = (d: string | undefined): string | undefined => (d !== undefined && zerlege(d) ? d : undefined);

/** The Stand of a table: its own (Portalangaben `tabellen`), else the plan's. */
export function standDer(plan: GelesenerPlan, tabelle: GeleseneTabelle): { stand?: string; jahr?: number; zelle: Zelle } {
  const eigener = datum(plan.staende[tabelle]);
  const desPlans = datum(plan.angaben?.stand);
  const stand = eigener ?? desPlans;
  if (!stand) return { zelle: { text: 'Stand nicht bekannt', hinweis: 'Der Plan veröffentlicht keine lesbaren Portalangaben mit Stand.' } };
  return {
    stand,
    jahr: jahrVon(stand),
    zelle: { text: `Stand ${formatDatum(stand)}`, wert: stand, ...(eigener ? {} : { hinweis: 'Stand des Plans; die Tabelle nennt keinen eigenen.' }) },
  };
}

const kopf = (plan: GelesenerPlan, tabelle: GeleseneTabelle): PlanKopf => ({ plan: plan.id, name: plan.name, stand: standDer(plan, tabelle).zelle });

/** Cell of a published number, or undefined when the field is blank. */
function zahlZelle(r: Datensatz, feld: string, darstellung: (n: number) => string, hinweis?: string): Zelle | undefined {
  const n = zahl(r, feld);
  return n === undefined ? undefined : { text: darstellung(n), wert: n, ...(hinweis ? { hinweis } : {}) };
}

// ---------------------------------------------------------------------------
// 1. Ausstattungsquoten per Schulform

/** A cell of the quotes: the quote as published, with schools, pupils, devices and target where published. */
export interface QuotenZelle extends Zelle {
  schulen?: Zelle;
  schueler?: Zelle;
  endgeraete?: Zelle;
  ziel?: Zelle;
}

export interface QuotenZeile {
  /** The Schulform's id; missing in the row for all schools. */
  schulform?: string;
  /** Its name as the first plan publishes it. */
  name: string;
  /** Other names the plans give the same Schulform id. */
  andereNamen: string[];
  /** One cell per column (plan) of the group. */
  zellen: QuotenZelle[];
}

/** The plans whose quotes have a Stand in the same year: compared with each other. */
export interface QuotenGruppe {
  /** The year of the Stand; missing for a plan whose Stand is not known (then alone in its group). */
  jahr?: number;
  titel: string;
  spalten: PlanKopf[];
  /** The Schulformen in the order of first appearance, then „Alle Schulen“. */
  zeilen: QuotenZeile[];
  hinweise: string[];
}

export interface QuotenVergleich {
  /** Newest year first; a plan without a known Stand last, each alone. */
  gruppen: QuotenGruppe[];
  /** Plans that publish no Ausstattungsquoten. */
  ohne: PlanOhne[];
  legende: Legendeneintrag[];
  hinweise: string[];
}

const ALLE_SCHULEN = 'Alle Schulen';

function zielZelle(r: Datensatz): Zelle | undefined {
  const wert = zahl(r, 'ziel');
  if (wert === undefined) return undefined;
  const v = text(r, 'zielVergleich');
  const vergleich = v && (VERGLEICHE as readonly string[]).includes(v) ? (v as Vergleich) : undefined;
  const jahr = zahl(r, 'zielJahr');
  const gruppe = text(r, 'zielGruppe');
  const worte = `${zielwertText({ wert, vergleich }, prozentWieVeroeffentlicht)}${zielBis({ jahr })}`;
  return { text: `Ziel ${worte}`, wert, ...(gruppe ? { hinweis: `Zielwert für ${gruppe}` } : {}) };
}

function quotenZelle(r: Datensatz): QuotenZelle {
  const quote = zahl(r, 'quote');
  const angaben = {
    ...optional('schulen', zahlZelle(r, 'schulen', (n) => `${wieVeroeffentlicht(n)} ${n === 1 ? 'Schule' : 'Schulen'}`)),
    ...optional('schueler', zahlZelle(r, 'schueler', (n) => `${wieVeroeffentlicht(n)} Schülerinnen und Schüler`)),
    ...optional('endgeraete', zahlZelle(r, 'endgeraete', (n) => `${wieVeroeffentlicht(n)} Endgeräte`)),
    ...optional('ziel', zielZelle(r)),
  };
  if (quote === undefined) return { text: 'keine Quote veröffentlicht', hinweis: 'Der Plan nennt Schulen dieser Form, aber keine Quote (etwa ohne Schülerzahlen).', ...angaben };
  return { text: prozentWieVeroeffentlicht(quote), wert: quote, ...angaben };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

const FEHLENDE_ZEILE: Zelle = { text: LEER };

/**
 * Ausstattungsquoten per Schulform, grouped by the year of each plan's Stand. Within a group, rows
 * are the Schulformen (matched by id, in the order they first appear), then all schools; columns
 * are the plans. A plan publishes a row only for a Schulform with schools in its survey round, so
 * a missing row („–“) cannot tell „no schools of this form“ from „no figures for them“; the legend
 * says so.
 */
export function ausstattungsquotenVergleich(plaene: readonly GelesenerPlan[]): QuotenVergleich {
  const ohne: PlanOhne[] = [];
  const mitJahr = new Map<number, GelesenerPlan[]>();
  const ohneStand: GelesenerPlan[] = [];
  for (const plan of plaene) {
    const saetze = datensaetze(plan, 'ausstattungsquoten');
    if (!saetze || saetze.length === 0) {
      ohne.push({ plan: plan.id, name: plan.name, grund: 'veröffentlicht keine Ausstattungsquoten' });
      continue;
    }
    const { jahr } = standDer(plan, 'ausstattungsquoten');
    if (jahr === undefined) ohneStand.push(plan);
    else mitJahr.set(jahr, [...(mitJahr.get(jahr) ?? []), plan]);
  }
  const gruppen = [
    ...[...mitJahr.entries()].sort(([a], [b]) => b - a).map(([jahr, gruppe]) => quotenGruppe(gruppe, jahr)),
    ...ohneStand.map((plan) => quotenGruppe([plan], undefined)),
  ];
  const hinweise: string[] = [];
  if (gruppen.length > 1)
    hinweise.push('Die Gruppen haben Stände verschiedener Jahre (oder einen unbekannten Stand) und werden nicht miteinander verglichen; verglichen wird nur innerhalb einer Gruppe.');
  return {
    gruppen,
    ohne,
    legende: [
      {
        zeichen: LEER,
        text: 'Der Plan veröffentlicht für diese Schulform keine Zeile: Er hat keine Schulen dieser Form oder keine Angaben zu ihnen; seine offenen Daten unterscheiden das nicht.',
      },
    ],
    hinweise,
  };
}

function quotenGruppe(plaene: GelesenerPlan[], jahr: number | undefined): QuotenGruppe {
  const spalten = plaene.map((p) => kopf(p, 'ausstattungsquoten'));
  const hinweise: string[] = [];
  // Rows by Schulform id in the order of first appearance; `undefined` is the row for all schools.
  const zeilen = new Map<string | undefined, { name: string; andereNamen: string[]; saetze: (Datensatz | undefined)[] }>();
  plaene.forEach((plan, spalte) => {
    for (const r of datensaetze(plan, 'ausstattungsquoten') ?? []) {
      const schulform = text(r, 'schulform');
      const name = text(r, 'name') ?? schulform ?? ALLE_SCHULEN;
      let zeile = zeilen.get(schulform);
      if (!zeile) {
        zeile = { name, andereNamen: [], saetze: plaene.map(() => undefined) };
        zeilen.set(schulform, zeile);
      } else if (name !== zeile.name && !zeile.andereNamen.includes(name)) zeile.andereNamen.push(name);
      if (zeile.saetze[spalte]) {
        hinweise.push(`${plan.name} veröffentlicht ${schulform ? `die Schulform „${name}“` : 'die Zeile für alle Schulen'} mehrfach; gezeigt ist die erste Zeile.`);
        continue;
      }
      zeile.saetze[spalte] = r;
    }
  });
  const reihe = [...zeilen.entries()].sort(([a], [b]) => Number(a === undefined) - Number(b === undefined));
  if (plaene.length === 1) hinweise.push(jahr === undefined ? 'Der Stand dieser Zahlen ist nicht bekannt; sie werden mit keinem anderen Plan verglichen.' : `Kein anderer Plan veröffentlicht Ausstattungsquoten mit Stand ${jahr}.`);
  return {
    ...(jahr === undefined ? {} : { jahr }),
    titel: jahr === undefined ? `${plaene[0]?.name ?? ''}: Stand nicht bekannt` : `Stand ${jahr}`,
    spalten,
    zeilen: reihe.map(([schulform, z]) => ({
      ...(schulform === undefined ? {} : { schulform }),
      name: z.name,
      andereNamen: z.andereNamen,
      zellen: z.saetze.map((r) => (r ? quotenZelle(r) : FEHLENDE_ZEILE)),
    })),
    hinweise,
  };
}

// ---------------------------------------------------------------------------
// 2. Status of Maßnahmen per Handlungsfeld

/** A status column: one of Planwerk's statuses, another status a plan published, or „ohne Angabe“. */
export interface StatusSpalte {
  /** The status as published; missing for Maßnahmen without one. */
  status?: string;
  titel: string;
}

export interface StatusZeile {
  /** The Handlungsfeld's id; missing for Maßnahmen without one. */
  handlungsfeld?: string;
  titel: string;
  /** One count per status column, then the total. */
  zellen: Zelle[];
  hinweis?: string;
}

export interface StatusTabelle extends PlanKopf {
  zeilen: StatusZeile[];
  /** Totals per status column, then the total of all. */
  summen: Zelle[];
  hinweise: string[];
}

export interface StatusUebersichtZeile extends PlanKopf {
  /** One count per status column, the total, then the share abgeschlossen. */
  zellen: Zelle[];
}

export interface StatusVergleich {
  /** The statuses that occur in any plan, in the order of Planwerk's vocabulary, others after, „ohne Angabe“ last. */
  spalten: StatusSpalte[];
  /** Title of the totals column. */
  summe: string;
  plaene: StatusTabelle[];
  uebersicht: { zeilen: StatusUebersichtZeile[]; anteil: string; hinweise: string[] };
  ohne: PlanOhne[];
}

const OHNE_ANGABE = 'ohne Angabe';
const anteilFormat = new Intl.NumberFormat('de-DE', { maximumFractionDigits: 1 });

const zaehlung = (n: number): Zelle => ({ text: String(n), wert: n });

/**
 * The status of each plan's Maßnahmen per Handlungsfeld (counted by the portal from the published
 * Maßnahmen), and an overview across plans with the share of abgeschlossen Maßnahmen. A Maßnahme
 * counts once, in its home Handlungsfeld (`handlungsfeld`), even where it serves several.
 */
export function statusVergleich(plaene: readonly GelesenerPlan[]): StatusVergleich {
  const ohne: PlanOhne[] = [];
  const mit: { plan: GelesenerPlan; massnahmen: Datensatz[] }[] = [];
  for (const plan of plaene) {
    const massnahmen = datensaetze(plan, 'massnahmen');
    if (!massnahmen) ohne.push({ plan: plan.id, name: plan.name, grund: 'veröffentlicht keine Maßnahmen' });
    else mit.push({ plan, massnahmen });
  }
  // Columns: the statuses that occur, vocabulary order first, then unknown ones as they appear.
  const vorkommend = new Set(mit.flatMap(({ massnahmen }) => massnahmen.map((m) => text(m, 'status'))));
  const spalten: StatusSpalte[] = [
    ...STATUS.filter((s) => vorkommend.has(s)).map((s) => ({ status: s, titel: s })),
    ...[...vorkommend].filter((s): s is string => s !== undefined && !(STATUS as readonly string[]).includes(s)).map((s) => ({ status: s, titel: s })),
    ...(vorkommend.has(undefined) ? [{ titel: OHNE_ANGABE }] : []),
  ];
  const spalteVon = (m: Datensatz) => spalten.findIndex((s) => s.status === text(m, 'status'));
  const zaehle = (ms: Datensatz[]): Zelle[] => {
    const n = spalten.map(() => 0);
    for (const m of ms) n[spalteVon(m)]! += 1;
    return [...n.map(zaehlung), zaehlung(ms.length)];
  };

  const tabellen: StatusTabelle[] = mit.map(({ plan, massnahmen }) => {
    const hinweise = [`Gezählt vom Portal aus den veröffentlichten Maßnahmen; eine Maßnahme in mehreren Handlungsfeldern zählt nur in dem, unter dem sie geführt wird (Feld „handlungsfeld“).`];
    const mehrere = massnahmen.filter((m) => texte(m, 'handlungsfelder').length > 1).length;
    if (mehrere > 0) hinweise.push(`${mehrere} ${mehrere === 1 ? 'Maßnahme dient' : 'Maßnahmen dienen'} mehreren Handlungsfeldern.`);
    const felder = datensaetze(plan, 'handlungsfelder');
    if (!felder) hinweise.push('Der Plan veröffentlicht keine Handlungsfelder; die Zeilen tragen die Kennungen aus den Maßnahmen.');
    const bekannt = (felder ?? [])
      .map((f, i) => ({ id: text(f, 'id'), titel: text(f, 'titel'), reihenfolge: zahl(f, 'reihenfolge'), i }))
      .filter((f): f is { id: string; titel: string | undefined; reihenfolge: number | undefined; i: number } => f.id !== undefined)
      .sort((a, b) => (a.reihenfolge ?? Infinity) - (b.reihenfolge ?? Infinity) || a.i - b.i);
    const ids = new Set(bekannt.map((f) => f.id));
    const nachFeld = Map.groupBy(massnahmen, (m) => text(m, 'handlungsfeld'));
    const zeilen: StatusZeile[] = bekannt.map((f) => ({ handlungsfeld: f.id, titel: f.titel ?? f.id, zellen: zaehle(nachFeld.get(f.id) ?? []) }));
    for (const [id, ms] of nachFeld) {
      if (id === undefined || ids.has(id)) continue;
      zeilen.push({ handlungsfeld: id, titel: id, zellen: zaehle(ms), ...(felder ? { hinweis: `„${id}“ steht nicht in den veröffentlichten Handlungsfeldern des Plans.` } : {}) });
    }
    const ohneFeld = nachFeld.get(undefined);
    if (ohneFeld) zeilen.push({ titel: 'ohne Handlungsfeld', zellen: zaehle(ohneFeld) });
    return { ...kopf(plan, 'massnahmen'), zeilen, summen: zaehle(massnahmen), hinweise };
  });

  const abgeschlossen = spalten.findIndex((s) => s.status === 'abgeschlossen');
  const uebersicht = tabellen.map((t): StatusUebersichtZeile => {
    const gesamt = t.summen.at(-1)!.wert as number;
    const fertig = abgeschlossen < 0 ? 0 : (t.summen[abgeschlossen]!.wert as number);
    const anteil: Zelle = gesamt === 0 ? { text: LEER, hinweis: 'Der Plan veröffentlicht keine Maßnahmen.' } : { text: `${anteilFormat.format((fertig / gesamt) * 100)}\u00a0%`, wert: (fertig / gesamt) * 100, hinweis: `${BERECHNET}: ${fertig} von ${gesamt}` };
    return { plan: t.plan, name: t.name, stand: t.stand, zellen: [...t.summen, anteil] };
  });
  const jahre = new Set(mit.map(({ plan }) => standDer(plan, 'massnahmen').jahr));
  const uebersichtHinweise = [`Anzahlen und Anteile ${BERECHNET} aus den veröffentlichten Maßnahmen.`];
  if (jahre.size > 1) uebersichtHinweise.push('Die Pläne haben verschiedene Stände; jede Zeile gibt den Stand ihres Plans wieder.');
  return {
    spalten,
    summe: 'Summe',
    plaene: tabellen,
    uebersicht: { zeilen: uebersicht, anteil: 'Anteil abgeschlossen', hinweise: uebersichtHinweise },
    ohne,
  };
}

// ---------------------------------------------------------------------------
// 3. Finance need per pupil and year

export interface FinanzZeile {
  jahr: number;
  /** One cell per column (plan with figures). */
  zellen: Zelle[];
}

export interface FinanzVergleich {
  /** The plans that publish a need per pupil. */
  spalten: PlanKopf[];
  /** Only the years that two or more plans publish, ascending. */
  zeilen: FinanzZeile[];
  /** Per plan, the years no other plan publishes: shown, not compared. */
  nurEinPlan: { plan: string; name: string; werte: { jahr: number; zelle: Zelle }[] }[];
  ohne: PlanOhne[];
  legende: Legendeneintrag[];
  hinweise: string[];
}

/** The published need per pupil of each year (`finanzprognose.bedarfJeSchueler`), years × plans. */
export function finanzVergleich(plaene: readonly GelesenerPlan[]): FinanzVergleich {
  const ohne: PlanOhne[] = [];
  const mit: { plan: GelesenerPlan; werte: Map<number, number> }[] = [];
  const hinweise: string[] = [];
  for (const plan of plaene) {
    const saetze = datensaetze(plan, 'finanzprognose');
    if (!saetze || saetze.length === 0) {
      ohne.push({ plan: plan.id, name: plan.name, grund: 'nicht veröffentlicht (keine Finanzprognose)' });
      continue;
    }
    const werte = new Map<number, number>();
    for (const r of saetze) {
      const jahr = zahl(r, 'jahr');
      const wert = zahl(r, 'bedarfJeSchueler');
      if (jahr !== undefined && wert !== undefined && !werte.has(jahr)) werte.set(jahr, wert);
    }
    if (werte.size === 0) ohne.push({ plan: plan.id, name: plan.name, grund: 'nicht veröffentlicht (die Finanzprognose nennt keinen Bedarf je Schülerin und Schüler)' });
    else mit.push({ plan, werte });
  }
  const haeufigkeit = new Map<number, number>();
  for (const { werte } of mit) for (const jahr of werte.keys()) haeufigkeit.set(jahr, (haeufigkeit.get(jahr) ?? 0) + 1);
  const verglichen = [...haeufigkeit].filter(([, n]) => n >= 2).map(([jahr]) => jahr).sort((a, b) => a - b);
  const zelle = (wert: number): Zelle => ({ text: euroWieVeroeffentlicht(wert), wert });
  const zeilen = verglichen.map((jahr) => ({ jahr, zellen: mit.map(({ werte }) => (werte.has(jahr) ? zelle(werte.get(jahr)!) : { text: LEER })) }));
  const nurEinPlan = mit
    .map(({ plan, werte }) => ({ plan: plan.id, name: plan.name, werte: [...werte].filter(([jahr]) => !verglichen.includes(jahr)).sort(([a], [b]) => a - b).map(([jahr, w]) => ({ jahr, zelle: zelle(w) })) }))
    .filter((p) => p.werte.length > 0);
  if (mit.length < 2) hinweise.push('Weniger als zwei Pläne veröffentlichen einen Bedarf je Schülerin und Schüler; es gibt nichts zu vergleichen.');
  else if (verglichen.length === 0) hinweise.push('Die Pläne nennen den Bedarf je Schülerin und Schüler für verschiedene Jahre; kein Jahr kommt in zwei Plänen vor, es wird nicht verglichen.');
  for (const p of nurEinPlan)
    if (mit.length > 1) hinweise.push(`Nur ${p.name} nennt ${p.werte.length === 1 ? 'das Jahr' : 'die Jahre'} ${p.werte.map((w) => w.jahr).join(', ')}; ${p.werte.length === 1 ? 'es wird' : 'sie werden'} nicht verglichen.`);
  return {
    spalten: mit.map(({ plan }) => kopf(plan, 'finanzprognose')),
    zeilen,
    nurEinPlan,
    ohne,
    legende: [{ zeichen: LEER, text: 'Der Plan nennt für dieses Jahr keinen Bedarf je Schülerin und Schüler (das Jahr liegt außerhalb seiner Prognose oder ihm fehlen Schuldaten).' }],
    hinweise,
  };
}

// ---------------------------------------------------------------------------
// 4. Dates of each plan

export interface PlanDaten {
  plan: string;
  name: string;
  /** The plan's Stand. */
  stand: Zelle;
  /** The last Fortschreibung: the Fassung's name and the date of its council decision. */
  fortschreibung: Zelle;
  /** The latest Stichtag of the plan's survey rounds. */
  erhebung: Zelle;
}

const NICHT_VEROEFFENTLICHT = 'nicht veröffentlicht';

/** Per plan its Stand, its last Fortschreibung and its last survey, each as published (a month stays a month). */
export function datenDerPlaene(plaene: readonly GelesenerPlan[]): PlanDaten[] {
  return plaene.map((plan) => {
    const a = plan.angaben;
    const ohneAngaben: Zelle = { text: NICHT_VEROEFFENTLICHT, hinweis: 'Der Plan veröffentlicht keine lesbaren Portalangaben.' };
    const stand = datum(a?.stand);
    const beschluss = datum(a?.beschluss?.datum);
    const fassung = a?.fassung?.name;
    const gremium = a?.beschluss?.gremium;
    const fortschreibung: Zelle = !a
      ? ohneAngaben
      : !beschluss && !fassung
        ? { text: NICHT_VEROEFFENTLICHT }
        : {
            text: [fassung, beschluss ? `beschlossen ${datumText(beschluss)}` : undefined].filter(Boolean).join(', '),
            ...(beschluss ? { wert: beschluss } : {}),
            ...(gremium ? { hinweis: `Beschluss: ${gremium}${a.beschluss?.vorlage ? `, Vorlage ${a.beschluss.vorlage}` : ''}` } : {}),
          };
    return {
      plan: plan.id,
      name: plan.name,
      stand: !a ? ohneAngaben : stand ? { text: formatDatum(stand), wert: stand } : { text: NICHT_VEROEFFENTLICHT },
      fortschreibung,
      erhebung: letzteErhebung(plan),
    };
  });
}

/** „am 15.10.2026“, „im Oktober 2026“, „2026“. */
function datumText(d: string): string {
  const art = zerlege(d)?.art;
  return `${art === 'tag' ? 'am ' : art === 'monat' ? 'im ' : ''}${formatDatum(d)}`;
}

function letzteErhebung(plan: GelesenerPlan): Zelle {
  const runden = datensaetze(plan, 'erhebungen');
  if (!runden || runden.length === 0) return { text: 'veröffentlicht keine Erhebungen' };
  const mitStichtag = runden.flatMap((r) => {
    const stichtag = datum(text(r, 'stichtag'));
    return stichtag ? [{ stichtag, titel: text(r, 'titel') }] : [];
  });
  if (mitStichtag.length === 0) return { text: 'kein Stichtag veröffentlicht' };
  const letzte = mitStichtag.reduce((a, b) => (vergleicheDaten(b.stichtag, a.stichtag) > 0 ? b : a));
  return { text: formatDatum(letzte.stichtag), wert: letzte.stichtag, ...(letzte.titel ? { hinweis: letzte.titel } : {}) };
}

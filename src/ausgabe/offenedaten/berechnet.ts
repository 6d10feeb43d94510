/**
 * The tables Planwerk computes from the plan, as open data: the finance forecast, the
 * Ausstattungsquoten, the Zuständigkeitsmatrix, and the values of the published finance tables
 * in long form. Each is computed by the same function that the site's page uses
 * (src/rechnen/prognose.ts, ausstattung.ts, akteure.ts), never a second time here; this module only
 * lays the results out as records and gives their zod schema (amounts in cents, like the model,
 * published in euros).
 */
import { z } from 'astro/zod';
import type { PlanModel } from '../../plan/model.ts';
import { prognoseVon } from '../../rechnen/kennzahlen.ts';
import { ausstattungsquote, quotenNachSchulform, schulenAmZiel, summe, zielwert } from '../../rechnen/ausstattung.ts';
import type { Zielwert } from '../../rechnen/indikatoren.ts';
import { BEDARF, FELDER, MEDIENKONZEPT_STATUS, PRIORITAETEN, STUFE, erhebungsdaten, hatBedarfsseite, mitErhebungen, oeffentlich, staendeDerRunde, type Feld } from '../../rechnen/erhebungen.ts';
import { raster, rundenMitStufen, verteilung } from '../../rechnen/selbsteinschaetzung.ts';
import { haltungenNachSchulform } from '../../rechnen/haltungen.ts';
import { zustaendigkeitsmatrix } from '../../rechnen/akteure.ts';
import { TABELLENEINHEITEN, VERGLEICHE, WERTARTEN, dateSchema, type Tabelleneinheit } from '../../plan/schemas/index.ts';
import { seite } from '../../plan/urls.ts';
import { centBetrag } from './schema.ts';
import { fassungsseiten } from '../fassungsseiten.ts';

export interface BerechneteTabelle {
  name: string;
  titel: string;
  beschreibung: string;
  /** The page of the site that shows the same figures, and its title. */
  seite: string;
  seitenTitel: string;
  /** For a collection laid out anew (the values of the finance tables, the survey rounds): which one. */
  umgeformt?: 'finanzwerte' | 'erhebungen' | 'erhebungswerte';
  schema: z.ZodType;
  datensaetze: unknown[];
}

/** Percentages are published with two decimals. */
const prozent = (wert: number | undefined) => (wert === undefined ? undefined : Math.round(wert * 100) / 100);
const PROZENT = z.number().min(0);
const ANZAHL = z.number().int().min(0);
const ID = z.string().min(1);

/** Keys of an object whose fields are given by the plan (source ids, product groups): one amount each. */
const betraegeJe = (schluessel: readonly string[]) => z.strictObject(Object.fromEntries(schluessel.map((s) => [s, centBetrag])));

/** One record per year of the horizon, as the Finanzen page shows them. */
export function finanzprognose(model: PlanModel): BerechneteTabelle | undefined {
  if (![model.inventar, model.laufendeKosten, model.finanzierung].some((c) => c.length > 0)) return undefined;
  const p = prognoseVon(model);
  if (p.jahre.length === 0) return undefined;
  const gruppen = p.produktgruppen.map((g) => g.name).sort((a, b) => a.localeCompare(b, 'de'));
  const quellen = p.quellen.map((q) => q.id);
  const schema = z.strictObject({
    jahr: z.number().int(),
    bedarf: centBetrag,
    investition: centBetrag,
    ...(gruppen.length > 0 ? { investitionNachProduktgruppe: betraegeJe(gruppen) } : {}),
    betrieb: centBetrag,
    personal: centBetrag,
    finanzierung: centBetrag,
    ...(quellen.length > 0 ? { finanzierungNachQuelle: betraegeJe(quellen) } : {}),
    vortrag: centBetrag,
    gedeckt: centBetrag,
    luecke: centBetrag,
    ueberschuss: centBetrag,
    eigenanteil: PROZENT.max(100).optional(),
    bedarfJeSchueler: centBetrag.optional(),
    spitzenjahr: z.boolean(),
    wertarten: z.array(z.enum(WERTARTEN)),
  });
  const datensaetze = p.jahre.map((j) => ({
    jahr: j.jahr,
    bedarf: j.bedarf,
    investition: j.investition,
    investitionNachProduktgruppe: Object.fromEntries(gruppen.map((g) => [g, j.nachProduktgruppe[g] ?? 0])),
    betrieb: j.nachTyp.Betrieb,
    personal: j.nachTyp.Personal,
    finanzierung: j.finanzierung,
    finanzierungNachQuelle: Object.fromEntries(quellen.map((q) => [q, j.nachQuelle[q] ?? 0])),
    vortrag: j.vortrag,
    gedeckt: j.gedeckt,
    luecke: j.luecke,
    ueberschuss: j.ueberschuss,
    eigenanteil: prozent(j.eigenanteil),
    bedarfJeSchueler: j.jeSchueler,
    spitzenjahr: j.spitzenjahr,
    wertarten: j.wertarten,
  }));
  return {
    name: 'finanzprognose',
    titel: 'Finanzprognose',
    beschreibung: `Bedarf, Finanzierung und Lücke je Jahr von ${p.von} bis ${p.bis}, berechnet aus Bestand, laufenden Kosten und Finanzierung nach den Regeln auf der Seite Finanzen.`,
    seite: seite.finanzen(),
    seitenTitel: 'Finanzen',
    schema,
    datensaetze,
  };
}

/**
 * One record per Schulform (in the plan's order), then one for all schools. The target as the plan
 * states it: its value, comparison, year and, for a group target, the group's name.
 */
export function ausstattungsquoten(model: PlanModel): BerechneteTabelle | undefined {
  if (model.schulen.length === 0) return undefined;
  const zeilen = quotenNachSchulform(model);
  const schema = z.strictObject({
    schulform: ID.optional(),
    name: z.string().min(1),
    schulen: ANZAHL,
    schueler: ANZAHL.optional(),
    endgeraete: ANZAHL.optional(),
    quote: PROZENT.optional(),
    ziel: PROZENT.optional(),
    zielVergleich: z.enum(VERGLEICHE).optional(),
    zielJahr: z.number().int().optional(),
    zielGruppe: z.string().min(1).optional(),
    schulenAmZiel: ANZAHL.optional(),
  });
  const zielFelder = (ziel: Zielwert | undefined) => ({ ziel: ziel?.wert, zielVergleich: ziel?.vergleich, zielJahr: ziel?.jahr, zielGruppe: ziel?.gruppe });
  const alle = staendeDerRunde(model);
  const datensaetze = [
    ...zeilen.map((z) => ({
      schulform: z.schulform,
      name: z.name,
      schulen: z.schulen,
      schueler: z.schueler,
      endgeraete: z.endgeraete,
      quote: prozent(z.quote),
      ...zielFelder(z.ziel),
      schulenAmZiel: z.schulenAmZiel,
    })),
    {
      name: 'Alle Schulen',
      schulen: alle.length,
      schueler: summe(alle, 'schuelerzahl'),
      endgeraete: summe(alle, 'endgeraete_schueler'),
      quote: prozent(ausstattungsquote(alle)),
      ...zielFelder(zielwert(model)),
      schulenAmZiel: schulenAmZiel(model, alle),
    },
  ];
  return {
    name: 'ausstattungsquoten',
    titel: 'Ausstattungsquoten',
    beschreibung: 'Mobile Endgeräte je 100 Schülerinnen und Schüler nach Schulform und für alle Schulen, mit den Zielwerten des Plans.',
    seite: seite.schulen(),
    seitenTitel: 'Schulen',
    schema,
    datensaetze,
  };
}

/** One record per actor and Handlungsfeld in which the actor has a part (a non-empty cell of the matrix). */
export function zustaendigkeiten(model: PlanModel): BerechneteTabelle | undefined {
  const matrix = zustaendigkeitsmatrix(model);
  const datensaetze = matrix.gruppen.flatMap((g) =>
    g.zeilen.flatMap((z) =>
      z.zellen.flatMap((zelle, i) =>
        zelle.handlungsfeld || zelle.verantwortlich.length > 0 || zelle.partner.length > 0
          ? [{
              akteur: z.akteur.id,
              // Left out where the plan assigns the actor to no group.
              ...(g.ebene !== undefined && { ebene: g.ebene }),
              handlungsfeld: matrix.spalten[i]!.id,
              handlungsfeldVerantwortlich: zelle.handlungsfeld,
              anzahlVerantwortlich: zelle.verantwortlich.length,
              anzahlPartner: zelle.partner.length,
              massnahmenVerantwortlich: zelle.verantwortlich,
              massnahmenPartner: zelle.partner,
            }]
          : [],
      ),
    ),
  );
  if (datensaetze.length === 0) return undefined;
  return {
    name: 'zustaendigkeitsmatrix',
    titel: 'Zuständigkeitsmatrix',
    beschreibung: 'Welcher Akteur in welchem Handlungsfeld verantwortlich ist oder mitwirkt, berechnet aus den Maßnahmen und den Zuständigkeiten der Handlungsfelder: ein Datensatz je Akteur und Handlungsfeld.',
    seite: seite.zustaendigkeiten(),
    seitenTitel: 'Zuständigkeitsmatrix',
    schema: z.strictObject({
      akteur: ID,
      ebene: z.string().min(1).optional(),
      handlungsfeld: ID,
      handlungsfeldVerantwortlich: z.boolean(),
      anzahlVerantwortlich: ANZAHL,
      anzahlPartner: ANZAHL,
      massnahmenVerantwortlich: z.array(ID),
      massnahmenPartner: z.array(ID),
    }),
    datensaetze,
  };
}

/** The values of the published finance tables in long form: one record per filled cell. */
export function finanztabellen(model: PlanModel): BerechneteTabelle | undefined {
  const meta = new Map(model.finanzbereiche.flatMap((b) => b.data.tabellen.map((t) => [t.id, { bereich: b.id, tabelle: t }] as const)));
  const datensaetze = model.finanzwerte.flatMap((zeile) => {
    const m = meta.get(zeile.data.tabelle);
    if (!m) return [];
    return m.tabelle.spalten.flatMap((s) => {
      const wert = zeile.data.werte[s.id];
      return wert === undefined
        ? []
        : [{ bereich: m.bereich, tabelle: zeile.data.tabelle, zeilenkopf: zeile.data.kopf, zeile: zeile.data.zeile, spalte: s.id, spaltentitel: s.titel, wert, einheit: m.tabelle.einheit }];
    });
  });
  if (datensaetze.length === 0) return undefined;
  return {
    name: 'finanztabellen',
    titel: 'Werte der Finanztabellen',
    beschreibung: 'Jede Zahl der Finanztabellen, die der Plan veröffentlicht, als eigener Datensatz: Tabelle, Zeile, Spalte, Wert und Einheit, gerundet wie im Plan.',
    seite: seite.finanzen(),
    seitenTitel: 'Finanzen',
    umgeformt: 'finanzwerte',
    schema: z.strictObject({
      bereich: ID,
      tabelle: ID,
      zeilenkopf: z.string(),
      zeile: z.string().min(1),
      spalte: ID,
      spaltentitel: z.string().min(1),
      wert: z.number(),
      einheit: z.enum(Object.keys(TABELLENEINHEITEN) as [Tabelleneinheit, ...Tabelleneinheit[]]),
    }),
    datensaetze,
  };
}

// ---------------------------------------------------------------------------
// Survey rounds (src/rechnen/erhebungen.ts). Published: the rounds, each school's public answers per
// round, the needs the rounds ask about, and the staff's attitudes per Schulform where a group
// has at least `mindestgruppe` answers. Never published: the plan's internal fields, the fields
// Planwerk always keeps internal (network weaknesses, number of staff answers) and any
// attitude of a single school.

/** The rounds with their Stichtag, method and source, oldest first. */
export function erhebungsrunden(model: PlanModel): BerechneteTabelle | undefined {
  if (!mitErhebungen(model)) return undefined;
  const { runden, jeRunde } = erhebungsdaten(model);
  const spalten = oeffentlicheSpalten(model);
  return {
    name: 'erhebungen',
    titel: 'Erhebungen an den Schulen',
    beschreibung: 'Die Bestands- und Bedarfsabfragen bei den Schulen: Stichtag, Methode, Quelle und Zahl der Schulen je Runde.',
    seite: seite.erhebungen(),
    seitenTitel: 'Erhebungen',
    umgeformt: 'erhebungen',
    schema: z.strictObject({
      id: ID,
      titel: z.string().min(1),
      stichtag: dateSchema,
      methode: z.string().min(1).optional(),
      quelle: z.string().min(1).optional(),
      beschreibung: z.string().min(1).optional(),
      schulen: ANZAHL,
      erhoben: z.array(ID),
    }),
    datensaetze: runden.map((r) => ({
      id: r.id,
      titel: r.titel,
      stichtag: r.stichtag,
      methode: r.methode,
      quelle: r.quelle,
      beschreibung: r.beschreibung,
      schulen: jeRunde.get(r.id)?.length ?? 0,
      erhoben: [...spalten.felder, ...spalten.bedarfe, ...spalten.stufen].filter((f) => r.gefragt.has(f)),
    })),
  };
}

const WERT: Record<(typeof FELDER)[Feld]['art'], z.ZodType> = {
  anzahl: ANZAHL,
  prozent: PROZENT.max(100),
  zahl: z.number().min(0),
  datum: dateSchema,
  url: z.url(),
  status: z.enum(MEDIENKONZEPT_STATUS),
};

/** The survey fields a school's row may publish: Planwerk's own fields, the plan's needs and (where public per school) the levels of the self-evaluation, without internal ones. */
function oeffentlicheSpalten(model: PlanModel): { felder: Feld[]; bedarfe: string[]; stufen: string[] } {
  const k = erhebungsdaten(model).konfiguration;
  return {
    felder: (Object.keys(FELDER) as Feld[]).filter((f) => oeffentlich(model, f)),
    bedarfe: (k?.bedarfe ?? []).map((b) => BEDARF + b.id).filter((b) => oeffentlich(model, b)),
    stufen: (k?.selbsteinschaetzung?.bereiche ?? []).map((b) => STUFE + b.id).filter((b) => oeffentlich(model, b)),
  };
}

/** One record per school and round with the school's public answers; a field the round did not ask, or the school left empty, is empty. */
export function erhebungswerte(model: PlanModel): BerechneteTabelle | undefined {
  if (!mitErhebungen(model)) return undefined;
  const { runden, jeRunde } = erhebungsdaten(model);
  const { felder, bedarfe, stufen } = oeffentlicheSpalten(model);
  const stufenIds = (raster(model)?.stufen ?? []).map((st) => st.id) as [string, ...string[]];
  const datensaetze = runden.flatMap((r) =>
    (jeRunde.get(r.id) ?? []).map((s) => ({
      runde: r.id,
      schule: s.schule,
      schulform: s.schulform,
      ...Object.fromEntries(felder.map((f) => [f, (s.werte as Record<string, unknown>)[f]])),
      ...Object.fromEntries(bedarfe.map((b) => [b, s.bedarfe[b.slice(BEDARF.length)]])),
      ...Object.fromEntries(stufen.map((b) => [b, s.stufen[b.slice(STUFE.length)]])),
    })),
  );
  if (datensaetze.length === 0) return undefined;
  return {
    name: 'erhebungswerte',
    titel: 'Antworten der Schulen',
    beschreibung: 'Die Antworten jeder Schule in jeder Erhebungsrunde: Ausstattung, Netz, Support, Medienkonzept und Bedarfe mit Priorität. Interne Angaben und die Befragung der Lehrkräfte stehen nicht darin.',
    seite: seite.erhebungen(),
    seitenTitel: 'Erhebungen',
    umgeformt: 'erhebungswerte',
    schema: z.strictObject({
      runde: ID,
      schule: ID,
      schulform: ID,
      ...Object.fromEntries(felder.map((f) => [f, WERT[FELDER[f].art].optional()])),
      ...Object.fromEntries(bedarfe.map((b) => [b, z.enum(PRIORITAETEN).optional()])),
      ...Object.fromEntries(stufen.map((b) => [b, z.enum(stufenIds).optional()])),
    }),
    datensaetze,
  };
}

/**
 * The self-evaluation per round, area, group and level: counts of schools, for every group the
 * site shows (at least the plan's minimum, and not one that could be worked out from the others).
 */
export function selbsteinschaetzungTabelle(model: PlanModel): BerechneteTabelle | undefined {
  const r = raster(model);
  if (!r) return undefined;
  const datensaetze = rundenMitStufen(model).flatMap((runde) =>
    r.bereiche.flatMap((b) => {
      const v = verteilung(model, runde.id, b.id);
      if (!v) return [];
      return v.zeilen
        .filter((zeile) => !zeile.verborgen)
        .flatMap((zeile) => r.stufen.map((st, i) => ({ runde: runde.id, bereich: b.id, bereichName: b.name, schulform: zeile.schulform, name: zeile.name, stufe: st.id, stufeName: st.name, rang: i + 1, schulen: zeile.anzahl[st.id] ?? 0, schulenMitAngabe: zeile.schulen })));
    }),
  );
  if (datensaetze.length === 0) return undefined;
  const mindestgruppe = erhebungsdaten(model).konfiguration!.mindestgruppe;
  return {
    name: 'selbsteinschaetzung',
    titel: 'Selbsteinschätzung der Schulen',
    beschreibung: `Wie viele Schulen sich je Erhebung, Bereich und Schulform auf welcher Stufe sehen. Gruppen mit weniger als ${mindestgruppe} Schulen mit Angabe, und Gruppen, die sich sonst aus den übrigen errechnen ließen, sind nicht enthalten.`,
    seite: seite.selbsteinschaetzung(),
    seitenTitel: 'Selbsteinschätzung der Schulen',
    schema: z.strictObject({
      runde: ID,
      bereich: ID,
      bereichName: z.string().min(1),
      schulform: ID.optional(),
      name: z.string().min(1),
      stufe: ID,
      stufeName: z.string().min(1),
      rang: ANZAHL,
      schulen: ANZAHL,
      schulenMitAngabe: ANZAHL,
    }),
    datensaetze,
  };
}

/** The needs a round may ask about, with the Maßnahmen of the plan that answer them. */
export function bedarfsliste(model: PlanModel): BerechneteTabelle | undefined {
  const bedarfe = erhebungsdaten(model).konfiguration?.bedarfe ?? [];
  if (bedarfe.length === 0) return undefined;
  return {
    name: 'bedarfe',
    titel: 'Bedarfe der Schulen',
    beschreibung: 'Die Bedarfe, nach denen die Erhebungen fragen, mit ihrer Art und den Maßnahmen des Plans, die sie aufgreifen.',
    ...(hatBedarfsseite(model) ? { seite: seite.bedarfe(), seitenTitel: 'Bedarfe der Schulen' } : { seite: seite.erhebungen(), seitenTitel: 'Erhebungen' }),
    umgeformt: 'erhebungen',
    schema: z.strictObject({ id: ID, spalte: ID, name: z.string().min(1), art: z.enum(['fortbildung', 'beschaffung', 'betrieb']), massnahmen: z.array(ID) }),
    datensaetze: bedarfe.map((b) => ({ id: b.id, spalte: BEDARF + b.id, name: b.name, art: b.art, massnahmen: b.massnahmen.map((m) => m.id) })),
  };
}

/** The staff's attitudes per round, Schulform and question; groups below the plan's minimum are left out. */
export function haltungen(model: PlanModel): BerechneteTabelle | undefined {
  const { runden } = erhebungsdaten(model);
  const datensaetze = runden.flatMap((r) => {
    const h = haltungenNachSchulform(model, r.id);
    if (!h || h.runde.id !== r.id) return [];
    return h.zeilen
      .filter((z) => !z.zuKlein)
      .flatMap((z) => h.fragen.flatMap((f) => (z.anteile[f.id] === undefined ? [] : [{ runde: r.id, schulform: z.schulform, name: z.name, frage: f.id, fragetext: f.text, antworten: z.antworten, zustimmung: prozent(z.anteile[f.id]) }])));
  });
  if (datensaetze.length === 0) return undefined;
  const mindestgruppe = erhebungsdaten(model).konfiguration!.mindestgruppe;
  return {
    name: 'haltungen',
    titel: 'Befragung der Lehrkräfte',
    beschreibung: `Zustimmung der Lehrkräfte zu den Fragen der Erhebungen je Schulform und für alle Schulen. Gruppen mit weniger als ${mindestgruppe} Antworten und einzelne Schulen sind nicht enthalten.`,
    seite: seite.schulen(),
    seitenTitel: 'Schulen',
    schema: z.strictObject({
      runde: ID,
      schulform: ID.optional(),
      name: z.string().min(1),
      frage: ID,
      fragetext: z.string().min(1),
      antworten: ANZAHL,
      zustimmung: PROZENT.max(100),
    }),
    datensaetze,
  };
}

/** The old pages of adopted Fassungen (fassungen.yaml `seiten`): one record per page, with its redirect page. */
export function fassungsseitenTabelle(model: PlanModel): BerechneteTabelle | undefined {
  const liste = fassungsseiten(model);
  if (liste.length === 0) return undefined;
  return {
    name: 'fassungsseiten',
    titel: 'Seiten früherer Fassungen',
    beschreibung: 'Wo heute steht, was auf einer Seite eines beschlossenen Dokuments stand: ein Datensatz je Seite, mit der Adresse, die dorthin weiterleitet.',
    seite: seite.aenderungen(),
    seitenTitel: 'Änderungen',
    schema: z.strictObject({ fassung: ID, seite: ANZAHL, adresse: z.string().min(1), ziel: z.string().min(1) }),
    datensaetze: liste.map((s) => ({ fassung: s.fassung.id, seite: Number(s.nummer), adresse: s.von, ziel: s.ziel })),
  };
}

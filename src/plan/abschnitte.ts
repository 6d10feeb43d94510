/**
 * The plan's numbered sections as one tree. A plan numbers its chapters (kapitel `nummer`),
 * often its Handlungsfelder (`nummer`), and inside their texts the sub-sections below them:
 * a heading "3.2.1 Ausstattung der Grundschulen" in the chapter numbered 3.2 opens section
 * 3.2.1 (its anchor is the heading's id, its title the heading text after the number).
 * Catalogues cite sections of any level; Maßnahmen do it with `zielsetzungen` and
 * `abschnitte`, texts with `<Abschnitt nummer="3.2.1" />`. Both are checked against this
 * tree, the chapter pages list the Maßnahmen citing their sections from it, and the
 * plausibility hint reads a section's Bildungsbereich here.
 *
 * The tree is computed once per model (`abschnittsbaum`): the numbers in number order
 * (4.2 before 4.10), each section under the section its number extends ("5.1" under "5"),
 * whatever kind of entry holds it. So Handlungsfelder numbered 5.1–5.6 stand under
 * chapter 5.
 */
import type { Entry, PlanModel, Ueberschrift } from './model.ts';
import type { Problem } from './problems.ts';
import { jeModell, planIndex } from './indexe.ts';
import { seite } from './urls.ts';
import { byCode } from './massnahmen.ts';

export type AbschnittArt = 'kapitel' | 'handlungsfeld' | 'unterabschnitt';

type Seiteneintrag = Entry<'kapitel'> | Entry<'handlungsfelder'>;

export interface Abschnitt {
  nummer: string;
  /** The chapter's or Handlungsfeld's title, or the heading text after the number ('' for a heading that is only a number). */
  titel: string;
  art: AbschnittArt;
  /** The page the section is on, as a site path ("/kapitel/ziele-schule/"). */
  seite: string;
  /** The id of its heading on that page; none for the section that is the page itself. */
  anker?: string;
  /** Its Bildungsbereich (id): the chapter's own `bildungsbereich`, else the nearest ancestor's. */
  bildungsbereich?: string;
  /** The number of the section that gives it its Bildungsbereich: itself or an ancestor. */
  bereichVon?: string;
  /** The number its own extends ("3.2" for "3.2.1"); undefined for a number without a dot. */
  eltern?: string;
  /** Its sub-sections, in number order. */
  kinder: Abschnitt[];
  /** The chapter or Handlungsfeld whose page holds it. */
  eintrag: { collection: 'kapitel' | 'handlungsfelder'; id: string };
  /** Where it is written: the file, and for a heading its line. */
  file: string;
  line?: number;
}

export interface Abschnittsbaum {
  /** Sections without a parent, in number order; each with its sub-sections. */
  wurzeln: Abschnitt[];
  /** Every section by number (the first, where a number is given twice). */
  nachNummer: ReadonlyMap<string, Abschnitt>;
  /** Every section in reading order of the numbers (depth first). */
  reihenfolge: Abschnitt[];
  /** Numbers given twice, numbers whose parent is missing, chapters whose `eltern` contradicts their number. */
  problems: Problem[];
}

const COLLATOR = new Intl.Collator('de', { numeric: true });

/** Orders section numbers as a plan does: 4 < 4.2 < 4.2.1 < 4.10. */
export function vergleicheNummern(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}

/** The number a section number extends: "3.2" for "3.2.1", undefined for "3". */
export function elternnummer(nummer: string): string | undefined {
  const i = nummer.lastIndexOf('.');
  return i < 0 ? undefined : nummer.slice(0, i);
}

/** The site path of a section, with its fragment: "/kapitel/ziele-schule/#ausstattung-gs". */
export const abschnittPfad = (a: Pick<Abschnitt, 'seite' | 'anker'>): string => (a.anker ? `${a.seite}#${a.anker}` : a.seite);

/** "3.2.1 Ausstattung der Grundschulen", or the number alone. */
export const abschnittTitel = (a: Pick<Abschnitt, 'nummer' | 'titel'>): string => (a.titel ? `${a.nummer} ${a.titel}` : a.nummer);

/**
 * The number and title of a heading that opens a sub-section of the page numbered
 * `seitennummer`: "3.2.1 Ausstattung" (or "3.2.1. Ausstattung") in 3.2. Only numbers that
 * extend the page's own count, each further part a whole number without leading zero, so
 * "1.000 Geräte" in chapter 1 or "2026 im Überblick" are no sections.
 */
export function unterabschnittAus(text: string, seitennummer: string): { nummer: string; titel: string } | undefined {
  const teile = /^(\S+)(?:\s+([\s\S]*))?$/u.exec(text.trim());
  if (!teile) return undefined;
  const nummer = teile[1]!.replace(/\.$/, '');
  if (!nummer.startsWith(`${seitennummer}.`)) return undefined;
  const weiter = nummer.slice(seitennummer.length + 1).split('.');
  if (!weiter.every((t) => /^[1-9]\d*$/.test(t))) return undefined;
  return { nummer, titel: (teile[2] ?? '').trim() };
}

/** How a message names a section: „Kapitel „Ziele““, „Überschrift „3.2.1 …““. */
function beschreibe(a: Abschnitt): string {
  if (a.art === 'unterabschnitt') return `Überschrift „${abschnittTitel(a)}“`;
  return `${a.art === 'kapitel' ? 'Kapitel' : 'Handlungsfeld'} „${a.titel}“`;
}

const ort = (a: Pick<Abschnitt, 'file' | 'line'>) => (a.line ? `${a.file}:${a.line}` : a.file);

/** The field a message names for a section: the `nummer` of its entry, or its heading. */
const feldVon = (a: Abschnitt) => (a.art === 'unterabschnitt' ? `Überschrift ${a.nummer}` : 'nummer');

/**
 * Builds the tree of a model from the headings of its chapters and Handlungsfelder, which
 * `ueberschriften` gives for each entry (lines within the body). validatePlan builds it from
 * the fresh renderings to fill the `<Abschnitt>` links; later `abschnittsbaum` builds the
 * same tree from the finished content.
 */
export function bildeAbschnittsbaum(
  model: Pick<PlanModel, 'kapitel' | 'handlungsfelder'>,
  ueberschriften: (entry: Seiteneintrag) => readonly Ueberschrift[] | undefined,
): Abschnittsbaum {
  const alle: Abschnitt[] = [
    ...model.kapitel.flatMap((k) => abschnitteDerSeite(k, 'kapitel', ueberschriften)),
    ...model.handlungsfelder.flatMap((h) => abschnitteDerSeite(h, 'handlungsfeld', ueberschriften)),
  ];
  const problems: Problem[] = [];
  const nachNummer = new Map<string, Abschnitt>();
  for (const a of alle) {
    const frueher = nachNummer.get(a.nummer);
    if (!frueher) {
      nachNummer.set(a.nummer, a);
      continue;
    }
    problems.push({
      file: a.file,
      line: a.line,
      field: feldVon(a),
      expected: 'eine Abschnittsnummer, die im Plan nur einmal vorkommt (Kapitel, Handlungsfelder und nummerierte Überschriften zählen zusammen)',
      found: `„${a.nummer}“, schon vergeben in ${ort(frueher)} (${beschreibe(frueher)})`,
      hinweis: 'Eine der beiden Nummern ändern und Maßnahmen und Texte, die sie zitieren, mit ändern.',
    });
  }
  const wurzeln = verknuepfe(nachNummer, problems);
  problems.push(...kapitelGegenNummern(model));
  const reihenfolge: Abschnitt[] = [];
  const ordne = (liste: Abschnitt[], bereich?: { id: string; von: string }) => {
    liste.sort((a, b) => vergleicheNummern(a.nummer, b.nummer));
    for (const a of liste) {
      if (a.bildungsbereich) a.bereichVon = a.nummer;
      else if (bereich) Object.assign(a, { bildungsbereich: bereich.id, bereichVon: bereich.von });
      reihenfolge.push(a);
      ordne(a.kinder, a.bildungsbereich ? { id: a.bildungsbereich, von: a.bereichVon! } : undefined);
    }
  };
  ordne(wurzeln);
  return { wurzeln, nachNummer, reihenfolge, problems };
}

/** The sections of one chapter or Handlungsfeld with a `nummer`: the page itself and its numbered headings. */
function abschnitteDerSeite(entry: Seiteneintrag, art: 'kapitel' | 'handlungsfeld', ueberschriften: (entry: Seiteneintrag) => readonly Ueberschrift[] | undefined): Abschnitt[] {
  const nummer = entry.data.nummer;
  if (!nummer) return [];
  const collection = art === 'kapitel' ? 'kapitel' : 'handlungsfelder';
  const pfad = art === 'kapitel' ? seite.kapitel(entry.id) : seite.handlungsfeld(entry.id);
  const bereich = art === 'kapitel' ? (entry as Entry<'kapitel'>).data.bildungsbereich?.id : undefined;
  const abschnitte: Abschnitt[] = [
    { nummer, titel: entry.data.titel, art, seite: pfad, bildungsbereich: bereich, bereichVon: bereich && nummer, eltern: elternnummer(nummer), kinder: [], eintrag: { collection, id: entry.id }, file: entry.file, line: entry.line },
  ];
  const koepfe = ueberschriften(entry);
  if (!koepfe) throw new Error(`Abschnittsbaum: keine Überschriften für ${entry.file} (der Baum braucht die gerenderten Inhalte)`);
  for (const kopf of koepfe) {
    const gefunden = unterabschnittAus(kopf.text, nummer);
    if (!gefunden) continue;
    abschnitte.push({
      ...gefunden,
      art: 'unterabschnitt',
      seite: pfad,
      anker: kopf.slug,
      eltern: elternnummer(gefunden.nummer),
      kinder: [],
      eintrag: { collection, id: entry.id },
      file: entry.file,
      line: kopf.line === undefined ? undefined : (entry.bodyLine ?? 1) + kopf.line - 1,
    });
  }
  return abschnitte;
}

/** Hangs each section under the one its number continues; returns those under none (reported where they should be). */
function verknuepfe(nachNummer: Map<string, Abschnitt>, problems: Problem[]): Abschnitt[] {
  const wurzeln: Abschnitt[] = [];
  for (const a of nachNummer.values()) {
    const eltern = a.eltern === undefined ? undefined : nachNummer.get(a.eltern);
    if (eltern) eltern.kinder.push(a);
    else wurzeln.push(a);
    if (a.eltern !== undefined && !eltern) {
      problems.push({
        file: a.file,
        line: a.line,
        field: feldVon(a),
        expected: `einen übergeordneten Abschnitt „${a.eltern}“ im Plan (als „nummer“ eines Kapitels oder Handlungsfelds oder als nummerierte Überschrift), weil „${a.nummer}“ seine Nummer fortsetzt`,
        found: `„${a.nummer}“, aber keinen Abschnitt „${a.eltern}“`,
        hinweis: `Den Abschnitt „${a.eltern}“ anlegen oder die Nummer „${a.nummer}“ berichtigen.`,
      });
    }
  }
  return wurzeln;
}

/**
 * A chapter under another (`eltern`) whose number does not extend the other's number
 * would stand in two places: the numbers and the chapter hierarchy must agree.
 */
function kapitelGegenNummern(model: Pick<PlanModel, 'kapitel'>): Problem[] {
  const problems: Problem[] = [];
  for (const k of model.kapitel) {
    const eltern = k.data.eltern && model.kapitel.find((e) => e.id === k.data.eltern!.id);
    if (!k.data.nummer || !eltern?.data.nummer) continue;
    if (elternnummer(k.data.nummer) === eltern.data.nummer || k.data.nummer.startsWith(`${eltern.data.nummer}.`)) continue;
    problems.push({
      file: k.file,
      line: k.line,
      field: 'nummer',
      expected: `eine Nummer unter „${eltern.data.nummer}“, der Nummer des übergeordneten Kapitels „${eltern.id}“ (Feld „eltern“)`,
      found: `„${k.data.nummer}“`,
      hinweis: 'Die Nummer oder das Feld „eltern“ so berichtigen, dass beide dieselbe Gliederung ergeben.',
    });
  }
  return problems;
}

/** The section tree of a model whose contents are complete (after validatePlan), computed once. */
export const abschnittsbaum = jeModell('abschnitte', (model: PlanModel): Abschnittsbaum => bildeAbschnittsbaum(model, (e) => e.inhalt?.headings));

/** The section with a number, if the plan has it. */
export function abschnittNach(model: PlanModel, nummer: string): Abschnitt | undefined {
  return abschnittsbaum(model).nachNummer.get(nummer);
}

/** Section numbers in unpublished drafts, with the file that holds each (for a message that names the draft). */
export type Entwurfsnummern = ReadonlyMap<string, string>;

/**
 * What a message says about a number that is not in the tree: the numbers near it (the
 * sub-sections of its nearest existing ancestor, else the top level), or the draft it stands in.
 */
export function unbekannterAbschnitt(baum: Abschnittsbaum, nummer: string, entwuerfe: Entwurfsnummern = new Map()): Pick<Problem, 'expected' | 'found' | 'hinweis'> {
  const entwurf = entwuerfe.get(nummer);
  if (entwurf) {
    return {
      expected: 'die Nummer eines veröffentlichten Abschnitts',
      found: `„${nummer}“ aus dem Entwurf ${entwurf}, der nicht veröffentlicht wird`,
      hinweis: 'Den Entwurf fertigstellen (dann „entwurf: true“ entfernen) oder den Verweis entfernen.',
    };
  }
  if (baum.nachNummer.size === 0) {
    return {
      expected: 'die Nummer eines Abschnitts; der Plan hat keine nummerierten Abschnitte (Feld „nummer“ in kapitel/ oder handlungsfelder/, Überschriften wie „3.2.1 Titel“ in deren Texten)',
      found: `„${nummer}“`,
      hinweis: 'Den Kapiteln und Handlungsfeldern ihre Nummern im Plan geben oder den Verweis entfernen.',
    };
  }
  let vorfahr: Abschnitt | undefined;
  for (let n = elternnummer(nummer); n !== undefined && !vorfahr; n = elternnummer(n)) vorfahr = baum.nachNummer.get(n);
  const liste = (abschnitte: Abschnitt[]) => `${abschnitte.slice(0, 12).map((a) => a.nummer).join(', ')}${abschnitte.length > 12 ? ' …' : ''}`;
  const nahe = !vorfahr
    ? `die Abschnitte der obersten Ebene: ${liste(baum.wurzeln)}`
    : vorfahr.kinder.length > 0
      ? `unter ${vorfahr.nummer}: ${liste(vorfahr.kinder)}`
      : `${vorfahr.nummer} (${vorfahr.titel || 'ohne Titel'}) hat keine Unterabschnitte`;
  return {
    expected: `die Nummer eines Abschnitts des Plans (${nahe})`,
    found: `„${nummer}“, den es nicht gibt`,
    hinweis: 'Die Nummer prüfen; Unterabschnitte entstehen aus Überschriften wie „## 3.2.1 Titel“ im Text des Kapitels oder Handlungsfelds mit der Nummer 3.2.',
  };
}

/** The fields of a Maßnahme that cite sections by number. */
export const ABSCHNITTSFELDER = ['zielsetzungen', 'abschnitte'] as const;

/** Every section number a Maßnahme cites must be in the tree. */
export function pruefeAbschnittsverweise(model: PlanModel, baum: Abschnittsbaum, entwuerfe: Entwurfsnummern = new Map()): Problem[] {
  const problems: Problem[] = [];
  for (const m of model.massnahmen) {
    for (const feld of ABSCHNITTSFELDER) {
      m.data[feld].forEach((nummer, i) => {
        if (baum.nachNummer.has(nummer)) return;
        problems.push({ file: m.file, line: m.line, field: `${feld}.${i}`, ...unbekannterAbschnitt(baum, nummer, entwuerfe) });
      });
    }
  }
  return problems;
}

/** Section number → the Maßnahmen (code order) that cite it in `zielsetzungen` or `abschnitte`. */
export const massnahmenJeAbschnitt = jeModell('abschnittsverweise', (model: PlanModel): ReadonlyMap<string, readonly Entry<'massnahmen'>[]> => {
  const je = new Map<string, Entry<'massnahmen'>[]>();
  for (const m of planIndex(model).massnahmen) {
    for (const nummer of new Set([...m.data.zielsetzungen, ...m.data.abschnitte])) {
      const liste = je.get(nummer);
      if (liste) liste.push(m);
      else je.set(nummer, [m]);
    }
  }
  return je;
});

/**
 * The Maßnahmen that cite the sections on the page of a chapter or Handlungsfeld (its own
 * number or a numbered heading in its text), in code order, each with the numbers it cites there.
 */
export function massnahmenZurSeite(model: PlanModel, collection: 'kapitel' | 'handlungsfelder', id: string): { massnahme: Entry<'massnahmen'>; nummern: string[] }[] {
  const je = massnahmenJeAbschnitt(model);
  const gefunden = new Map<Entry<'massnahmen'>, string[]>();
  for (const a of abschnittsbaum(model).reihenfolge) {
    if (a.eintrag.collection !== collection || a.eintrag.id !== id) continue;
    for (const m of je.get(a.nummer) ?? []) gefunden.set(m, [...(gefunden.get(m) ?? []), a.nummer]);
  }
  return [...gefunden].sort(([a], [b]) => byCode(a, b)).map(([massnahme, nummern]) => ({ massnahme, nummern }));
}

/**
 * The MDX bodies of a plan: rendered once (or taken from the render cache by the
 * digest of their text), checked, and completed with the Kennzahlen computed from the
 * model. Problems carry the file and the line in the file.
 */
import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { toHtml } from 'hast-util-to-html';
import type { Entry, Inhalt, PlanModel } from '../plan/model.ts';
import type { RawEntry } from '../plan/sources.ts';
import type { Problem } from '../plan/problems.ts';
import { KENNZAHLEN, KennzahlError, fehlenderRundenbezug, kennzahl, maschinenwert, type Params } from '../rechnen/kennzahlen.ts';
import { formatDate } from '../plan/format.ts';
import { fuelleKennzahlen, renderMdx, rendererDigest, type AbschnittLink, type MdxErgebnis } from '../plan/mdx/render.ts';
import { abschnittPfad, unbekannterAbschnitt, type Abschnittsbaum, type Entwurfsnummern } from '../plan/abschnitte.ts';
import type { KennzahlAufruf } from '../plan/mdx/inhaltsregeln.ts';
import type { Auftrag } from '../plan/mdx/worker.ts';
import { massnahmenImFeld } from '../plan/indexe.ts';
import { massnahmeName } from '../plan/massnahmen.ts';
import { massnahmeAnker } from '../plan/urls.ts';

/** Renderings by the digest of their input; kept between builds in Astro's cache folder. */
export interface RenderCache {
  get(key: string): MdxErgebnis | undefined;
  set(key: string, value: MdxErgebnis): unknown;
}

/** Ids the page templates themselves put on Handlungsfeld, Maßnahme and chapter pages. */
const RESERVED_IDS = new Set(['inhalt', 'toc-titel', 'ziele', 'massnahmen', 'beschreibung', 'meilensteine', 'unterkapitel', 'statusverlauf', 'zielsetzungen', 'abschnitte', 'massnahmen-zum-abschnitt', 'entscheidungen']);

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache key of a body: renderer code, body and the former anchors that decorate its headings. */
export function renderKey(raw: RawEntry): string {
  return sha(`${rendererDigest()}\0${JSON.stringify(raw.data.alteAnker ?? {})}\0${raw.body ?? ''}`);
}

/**
 * Renders the bodies the cache does not hold yet on every core: worker threads take
 * shares while this thread renders its own. Worth it only for many bodies (a cold build).
 */
export async function rendereVoraus(entries: RawEntry[], cache: RenderCache): Promise<number> {
  const offen = new Map<string, RawEntry>();
  for (const raw of entries) {
    const key = renderKey(raw);
    if (!cache.get(key)) offen.set(key, raw);
  }
  const kerne = Math.min(availableParallelism(), 4);
  if (offen.size < 100 || kerne < 2) return 0;
  const liste = [...offen];
  const anteil = Math.ceil(liste.length / kerne);
  const auftrag = (teil: [string, RawEntry][]): Auftrag[] => teil.map(([, raw]) => ({ body: raw.body ?? '', alteAnker: (raw.data.alteAnker ?? {}) as Record<string, string> }));
  const worker = Array.from({ length: kerne - 1 }, (_, i) => {
    const teil = liste.slice((i + 1) * anteil, (i + 2) * anteil);
    const w = new Worker(new URL(`../plan/mdx/worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url));
    return new Promise<void>((resolve, reject) => {
      w.once('message', (ergebnisse: MdxErgebnis[]) => {
        teil.forEach(([key], n) => cache.set(key, ergebnisse[n]!));
        void w.terminate();
        resolve();
      });
      w.once('error', reject);
      w.postMessage(auftrag(teil));
    });
  });
  for (const [key, raw] of liste.slice(0, anteil)) cache.set(key, renderMdx(raw.body ?? '', (raw.data.alteAnker ?? {}) as Record<string, string>));
  await Promise.all(worker);
  return offen.size;
}

/** Renders (or reuses) every body, by file, and reports content-policy and syntax problems with file and line. */
export function rendereInhalte(entries: RawEntry[], cache: RenderCache): { ergebnisse: Map<string, MdxErgebnis>; problems: Problem[] } {
  const ergebnisse = new Map<string, MdxErgebnis>();
  const problems: Problem[] = [];
  for (const raw of entries) {
    const key = renderKey(raw);
    let ergebnis = cache.get(key);
    if (!ergebnis) {
      ergebnis = renderMdx(raw.body ?? '', (raw.data.alteAnker ?? {}) as Record<string, string>);
      cache.set(key, ergebnis);
    }
    ergebnisse.set(raw.file, ergebnis);
    const zeile = (line?: number) => (line === undefined ? undefined : (raw.bodyLine ?? 1) + line - 1);
    for (const p of ergebnis.problems) problems.push({ file: raw.file, line: zeile(p.line), field: p.field, expected: p.expected, found: p.found });
    const seen = new Map<string, number | undefined>();
    for (const { id, line } of ergebnis.ids) {
      if (seen.has(id)) {
        problems.push({ file: raw.file, line: zeile(line), field: `{#${id}}`, expected: 'eine ID, die auf der Seite nur einmal vorkommt', found: `„${id}“, schon vergeben in Zeile ${zeile(seen.get(id))}` });
      } else if (RESERVED_IDS.has(id)) {
        problems.push({ file: raw.file, line: zeile(line), field: `{#${id}}`, expected: `eine andere ID („${id}“ verwendet die Seite selbst)`, found: `„${id}“` });
      }
      if (!seen.has(id)) seen.set(id, line);
    }
  }
  return { ergebnisse, problems };
}

/**
 * Ids a Handlungsfeld's text must leave to the page: its goals' anchors and those of the
 * Maßnahmen listed there (their code, or in a plan without codes their file name), aliases
 * included. A heading `{#jahresgespraeche}` beside the Maßnahme „jahresgespraeche“ would give
 * the page one id twice, and a link to it would land on either.
 */
export function pruefeIdsDerFelder(model: PlanModel, ergebnisse: Map<string, MdxErgebnis>): Problem[] {
  const problems: Problem[] = [];
  for (const hf of model.handlungsfelder) {
    const ergebnis = ergebnisse.get(hf.file);
    if (!ergebnis) continue;
    const belegt = new Map<string, string>();
    for (const z of hf.data.ziele) for (const id of [z.id, ...z.aliase]) belegt.set(id, `das Ziel „${z.code ?? z.text}“`);
    for (const m of massnahmenImFeld(model, hf.id)) for (const id of [m.id, ...m.data.aliase]) belegt.set(massnahmeAnker(id), `die Maßnahme „${massnahmeName(model, m)}“`);
    for (const { id, line } of ergebnis.ids) {
      const fuer = belegt.get(id);
      if (!fuer) continue;
      problems.push({
        file: hf.file,
        line: line === undefined ? undefined : (hf.bodyLine ?? 1) + line - 1,
        field: `{#${id}}`,
        expected: 'eine ID, die die Seite des Handlungsfelds nicht schon für ein Ziel oder eine Maßnahme verwendet',
        found: `„${id}“, die Seite verwendet sie für ${fuer}`,
        hinweis: `Der Überschrift eine andere ID geben, etwa {#${id}-text}.`,
      });
    }
  }
  return problems;
}

/** One evaluated Kennzahl as HTML: the formatted figure, its exact value and its source in the title. */
function kennzahlHtml(model: PlanModel, aufruf: KennzahlAufruf): string {
  const ohneRunde = fehlenderRundenbezug(model, aufruf.name, aufruf.params as Params);
  if (ohneRunde) throw ohneRunde;
  const wert = kennzahl(model, aufruf.name, aufruf.params as Params);
  const title = [wert.beschreibung, ...(wert.quelle ? [wert.quelle] : []), ...wert.datensaetze.map((d) => `${d.titel}: Stand ${formatDate(d.stand)}`)].join('; ');
  const params = Object.keys(aufruf.params).length > 0 ? JSON.stringify(aufruf.params) : undefined;
  return toHtml({
    type: 'element',
    tagName: 'data',
    properties: { className: ['kennzahl'], value: maschinenwert(wert), title, dataKennzahl: aufruf.name, dataParams: params },
    children: [{ type: 'text', value: wert.text }],
  });
}

/** Datasets whose figures a body cites, so the page can show their Stand. */
function datensaetzeVon(aufrufe: KennzahlAufruf[]): string[] {
  return [...new Set(aufrufe.flatMap((a) => KENNZAHLEN[a.name]?.datensaetze ?? []))];
}

/**
 * Fills each body's Kennzahlen from the model and its `<Abschnitt>` links from the section
 * tree (`baum`, see src/plan/abschnitte.ts), and attaches the finished content to its entry.
 */
export function vervollstaendige(
  model: PlanModel,
  entries: Entry<'kapitel' | 'handlungsfelder' | 'massnahmen'>[],
  ergebnisse: Map<string, MdxErgebnis>,
  baum?: Abschnittsbaum,
  entwuerfe?: Entwurfsnummern,
): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const ergebnis = ergebnisse.get(entry.file);
    if (!ergebnis) continue;
    const zeile = (line?: number) => (line === undefined ? undefined : (entry.bodyLine ?? 1) + line - 1);
    const links = ergebnis.abschnitte.map((verweis): AbschnittLink | undefined => {
      const a = baum?.nachNummer.get(verweis.nummer);
      if (a) return { nummer: a.nummer, pfad: abschnittPfad(a), titel: a.titel };
      if (baum) problems.push({ file: entry.file, line: zeile(verweis.line), field: `<Abschnitt nummer="${verweis.nummer}">`, ...unbekannterAbschnitt(baum, verweis.nummer, entwuerfe) });
      return undefined;
    });
    const werte: string[] = [];
    for (const aufruf of ergebnis.aufrufe) {
      try {
        werte.push(kennzahlHtml(model, aufruf));
      } catch (error) {
        if (!(error instanceof KennzahlError)) throw error;
        const line = aufruf.line === undefined ? undefined : (entry.bodyLine ?? 1) + aufruf.line - 1;
        problems.push({ file: entry.file, line, field: `<Kennzahl name="${aufruf.name}">`, expected: error.expected, found: error.found });
        werte.push('');
      }
    }
    const html = fuelleKennzahlen(ergebnis.html, werte, model.basis, links);
    const inhalt: Inhalt = { html, headings: ergebnis.headings, datensaetze: datensaetzeVon(ergebnis.aufrufe), anker: ergebnis.anker, extern: ergebnis.extern ?? [], digest: sha(`${JSON.stringify(entry.data)}\0${html}`).slice(0, 24) };
    entry.inhalt = inhalt;
  }
  return problems;
}

/**
 * The MDX bodies of a plan: rendered once (or taken from the render cache by the
 * digest of their text), checked, and completed with the Kennzahlen computed from the
 * model. Problems carry the file and the line in the file.
 */
import { createHash } from 'node:crypto';
import { toHtml } from 'hast-util-to-html';
import type { Entry, Inhalt, PlanModel } from '../lib/model.ts';
import type { RawEntry } from '../lib/sources.ts';
import type { Problem } from '../lib/problems.ts';
import { KENNZAHLEN, KennzahlError, kennzahl, type Params } from '../lib/kennzahlen.ts';
import { formatDate } from '../lib/format.ts';
import { fuelleKennzahlen, renderMdx, rendererDigest, type MdxErgebnis } from './render.ts';
import type { KennzahlAufruf } from './inhaltsregeln.ts';

/** Renderings by the digest of their input; kept between builds in Astro's cache folder. */
export interface RenderCache {
  get(key: string): MdxErgebnis | undefined;
  set(key: string, value: MdxErgebnis): unknown;
}

/** Ids the page templates themselves put on Handlungsfeld, Maßnahme and chapter pages. */
const RESERVED_IDS = new Set(['inhalt', 'toc-titel', 'ziele', 'massnahmen', 'beschreibung', 'meilensteine', 'unterkapitel', 'statusverlauf']);

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

/** The cache key of a body: renderer code, body and the former anchors that decorate its headings. */
export function renderKey(raw: RawEntry): string {
  return sha(`${rendererDigest()}\0${JSON.stringify(raw.data.alteAnker ?? {})}\0${raw.body ?? ''}`);
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

/** One evaluated Kennzahl as HTML: the formatted figure, its exact value and its source in the title. */
function kennzahlHtml(model: PlanModel, aufruf: KennzahlAufruf): string {
  const wert = kennzahl(model, aufruf.name, aufruf.params as Params);
  const title = [wert.beschreibung, ...wert.datensaetze.map((d) => `${d.titel}: Stand ${formatDate(d.stand)}`)].join('; ');
  const params = Object.keys(aufruf.params).length > 0 ? JSON.stringify(aufruf.params) : undefined;
  return toHtml({
    type: 'element',
    tagName: 'data',
    properties: { className: ['kennzahl'], value: String(wert.value), title, dataKennzahl: aufruf.name, dataParams: params },
    children: [{ type: 'text', value: wert.text }],
  });
}

/** Datasets whose figures a body cites, so the page can show their Stand. */
function datensaetzeVon(aufrufe: KennzahlAufruf[]): string[] {
  return [...new Set(aufrufe.flatMap((a) => KENNZAHLEN[a.name]?.datensaetze ?? []))];
}

/** Fills each body's Kennzahlen from the model and attaches the finished content to its entry. */
export function vervollstaendige(model: PlanModel, entries: Entry<'kapitel' | 'handlungsfelder' | 'massnahmen'>[], ergebnisse: Map<string, MdxErgebnis>): Problem[] {
  const problems: Problem[] = [];
  for (const entry of entries) {
    const ergebnis = ergebnisse.get(entry.file);
    if (!ergebnis) continue;
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
    const html = fuelleKennzahlen(ergebnis.html, werte);
    const inhalt: Inhalt = { html, headings: ergebnis.headings, datensaetze: datensaetzeVon(ergebnis.aufrufe), digest: sha(`${JSON.stringify(entry.data)}\0${html}`).slice(0, 24) };
    entry.inhalt = inhalt;
  }
  return problems;
}

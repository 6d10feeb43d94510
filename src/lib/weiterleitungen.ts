/**
 * Moved pages. A published address must keep working, so every page that moved gets a
 * small German page at its old path that sends the reader on (meta refresh, a link, and a
 * script that carries the #anker along). Sources: content/weiterleitungen.yaml and the
 * former codes of Maßnahmen (`aliase`).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanModel } from './model.ts';
import type { Problem } from './problems.ts';
import { url } from './urls.ts';

export interface Weiterleitung {
  von: string;
  nach: string;
  /** Why the page moved, shown on the redirect page. */
  hinweis?: string;
  /** Where the redirect is declared, for messages. */
  file: string;
  line?: number;
}

export function weiterleitungen(model: PlanModel): Weiterleitung[] {
  const liste: Weiterleitung[] = model.weiterleitungen.map((w) => ({
    von: w.data.von,
    nach: w.data.nach,
    hinweis: w.data.hinweis,
    file: w.file,
    line: w.line,
  }));
  for (const m of model.massnahmen) {
    for (const alt of m.data.aliase) {
      liste.push({ von: url.massnahme(alt), nach: url.massnahme(m.id), hinweis: `Die Maßnahme ${m.id} hatte früher den Code ${alt}.`, file: m.file, line: m.line });
    }
  }
  return liste.sort((a, b) => a.von.localeCompare(b.von));
}

/** Before the build: a redirect must not start at a path that still has a page of the plan. */
export function pruefeUeberdeckteSeiten(model: PlanModel): Problem[] {
  const seiten = new Map<string, string>([
    ...model.kapitel.map((e) => [url.kapitel(e.id), e.file] as const),
    ...model.handlungsfelder.map((e) => [url.handlungsfeld(e.id), e.file] as const),
    ...model.massnahmen.map((e) => [url.massnahme(e.id), e.file] as const),
    ...model.akteure.map((e) => [url.akteur(e.id), e.file] as const),
    ...model.schulen.map((e) => [url.schule(e.id), e.file] as const),
  ]);
  return weiterleitungen(model)
    .filter((w) => seiten.has(w.von))
    .map((w) => ({
      file: w.file,
      line: w.line,
      entry: w.von,
      field: 'von',
      expected: 'eine Adresse, unter der es keine Seite mehr gibt',
      found: `${w.von}, die Seite aus ${seiten.get(w.von)}`,
    }));
}

/** The built file of a site path in `dist`. */
const seitenDatei = (dist: string, pfad: string) => join(dist, ...pfad.split('/').filter(Boolean), 'index.html');

/**
 * After the build: every redirect must lead to a page that exists. (A redirect from a path
 * that still has a page is caught before the build for entry pages, by the check above, and
 * for all others as a route collision, which astro.config.mjs makes an error.)
 */
export function pruefeWeiterleitungen(liste: Weiterleitung[], dist: string): Problem[] {
  return liste
    .filter((w) => !existsSync(seitenDatei(dist, w.nach)))
    .map((w) => ({
      file: w.file,
      line: w.line,
      entry: w.von,
      field: 'nach',
      expected: 'eine Seite, die der Plan erzeugt',
      found: `${w.nach} (gibt es nicht)`,
    }));
}

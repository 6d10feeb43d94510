/**
 * The Portalangaben: `daten/planwerk.json`, what a plan site publishes for a portal over several
 * plans (`planwerk portal`). The contract is ./portalformat.ts (`portalangabenSchema`); this
 * module fills it from the plan's model, its open data tables (index.ts) and the search index
 * Pagefind wrote, and writes it after the search index (src/integration.ts, `astro:build:done`).
 *
 * - Every path is relative to the site's root (its address with the base path): `daten/akteure.json`,
 *   `massnahmen/{id}/`, `pagefind/pagefind-entry.json`. A portal puts the plan's address in front.
 * - Of plan.yaml only what the plan says: a field the plan leaves out is left out here (the title is
 *   the one exception: without `titel` the site is headed by the Kommune's name, and so is this file).
 * - The file is the same for the same site: no build time, the files of the search index sorted by
 *   path, so an incremental build writes it byte for byte like a cold one.
 * - It is checked against the schema before it is written; a failure is a fault of Planwerk and
 *   ends the build with the schema's message.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { PlanModel } from '../../plan/model.ts';
import { seite } from '../../plan/urls.ts';
import { PORTALANGABEN_DATEI, PORTALANGABEN_FORMAT, PORTALANGABEN_VERSION, portalangabenSchema, type Portalangaben } from './portalformat.ts';
import { offeneTabellen } from './index.ts';

/** What the file says about the search index (absent when the site has none). */
export type Suchangaben = NonNullable<Portalangaben['suche']>;

/** The folder of the search bundle under the site's root (src/ausgabe/suche/integration.ts writes it). */
export const SUCHORDNER = 'pagefind';
/** Pagefind's entry file in it: version, languages, page count. */
const EINSTIEG = 'pagefind-entry.json';
/** The placeholder for an entry's id in the path patterns of `seiten`. */
const ID = '{id}';

/** A site path (`/massnahmen/{id}/`) relative to the site's root (`massnahmen/{id}/`), without the base path. */
export const relativZurWurzel = (pfad: string) => (pfad.startsWith('/') ? pfad.slice(1) : pfad);

/**
 * The version of the Planwerk that builds the site, from its package.json: in the repository
 * src/ausgabe/offenedaten/ and in the package paket/ausgabe/offenedaten/, three folders below it.
 */
export function planwerkVersion(): string {
  const paket = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { name?: string; version?: string };
  if (paket.name !== 'planwerk' || !paket.version) throw new Error(`Portalangaben: keine Version von Planwerk in ${new URL('../../../package.json', import.meta.url).pathname}.`);
  return paket.version;
}

/** Every file under `ordner`, as paths with „/“ relative to it, sorted. */
function dateienUnter(ordner: string): string[] {
  return (readdirSync(ordner, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(ordner, join(d.parentPath, d.name)).split(sep).join('/'))
    .sort();
}

/**
 * The search index in `<dist>/pagefind/` as the file gives it: Pagefind's version, the language
 * and page count from pagefind-entry.json, every file with its size. Undefined when the build made
 * no search index (no entry file).
 */
export function suchangaben(dist: string): Suchangaben | undefined {
  const ordner = join(dist, SUCHORDNER);
  let einstieg: { version?: unknown; languages?: Record<string, { page_count?: unknown }> };
  try {
    einstieg = JSON.parse(readFileSync(join(ordner, EINSTIEG), 'utf8')) as typeof einstieg;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  const sprachen = Object.entries(einstieg.languages ?? {});
  if (typeof einstieg.version !== 'string' || sprachen.length !== 1) {
    throw new Error(`Portalangaben: ${SUCHORDNER}/${EINSTIEG} nennt ${sprachen.length} Sprachen und die Version „${String(einstieg.version)}“; erwartet waren eine Sprache und eine Version.`);
  }
  const [sprache, angaben] = sprachen[0]!;
  return {
    pagefind: einstieg.version,
    sprache,
    seiten: Number(angaben.page_count),
    ordner: SUCHORDNER,
    dateien: dateienUnter(ordner).map((pfad) => ({ pfad: `${SUCHORDNER}/${pfad}`, bytes: statSync(join(ordner, pfad)).size })),
  };
}

/** The Portalangaben of a plan: its head from plan.yaml, its page patterns, its tables and, if given, its search index. */
export function portalangaben(model: PlanModel, suche?: Suchangaben): Portalangaben {
  const plan = model.plan;
  const beschluss = plan.beschluss && {
    datum: plan.beschluss.datum,
    gremium: plan.beschluss.gremium,
    ...(plan.beschluss.vorlage ? { vorlage: plan.beschluss.vorlage } : {}),
  };
  return {
    format: PORTALANGABEN_FORMAT,
    version: PORTALANGABEN_VERSION,
    planwerk: planwerkVersion(),
    kommune: plan.kommune,
    titel: plan.titel ?? plan.kommune,
    ...(plan.fassung ? { fassung: { name: plan.fassung.name, nummer: plan.fassung.nummer } } : {}),
    stand: plan.stand,
    ...(beschluss ? { beschluss } : {}),
    ...(plan.planungszeitraum ? { planungszeitraum: { von: plan.planungszeitraum.von, bis: plan.planungszeitraum.bis } } : {}),
    ...(plan.website ? { website: plan.website } : {}),
    seiten: {
      start: relativZurWurzel(seite.start()),
      massnahme: relativZurWurzel(seite.massnahme(ID)),
      akteur: relativZurWurzel(seite.akteur(ID)),
      daten: relativZurWurzel(seite.daten()),
    },
    tabellen: offeneTabellen(model).map((t) => ({
      name: t.name,
      titel: t.titel,
      stand: t.stand,
      json: relativZurWurzel(seite.datenDatei(`${t.name}.json`)),
      csv: relativZurWurzel(seite.datenDatei(`${t.name}.csv`)),
      schema: relativZurWurzel(seite.datenDatei(`${t.name}.schema.json`)),
    })),
    ...(suche ? { suche } : {}),
  };
}

/** The file's text: the Portalangaben checked against the schema, as pretty JSON with a final newline. */
export function portalangabenText(angaben: Portalangaben): string {
  const geprueft = portalangabenSchema.safeParse(angaben);
  if (!geprueft.success) {
    const fehler = geprueft.error.issues.map((i) => `${i.path.join('.') || '(Wurzel)'}: ${i.message}`).join('; ');
    throw new Error(`Portalangaben (${PORTALANGABEN_DATEI}) passen nicht zu ihrem Schema, ein Fehler in Planwerk: ${fehler}`);
  }
  return `${JSON.stringify(angaben, null, 2)}\n`;
}

/**
 * Writes `<dist>/daten/planwerk.json`, after the search index is written (its files are listed).
 * Returns what it wrote.
 */
export function schreibePortalangaben(dist: string, model: PlanModel): Portalangaben {
  const angaben = portalangaben(model, suchangaben(dist));
  const ziel = join(dist, PORTALANGABEN_DATEI);
  const text = portalangabenText(angaben);
  mkdirSync(dirname(ziel), { recursive: true });
  writeFileSync(ziel, text);
  return angaben;
}

/**
 * Reads what each plan site publishes, and nothing else: its Portalangaben (daten/planwerk.json,
 * src/ausgabe/offenedaten/portalformat.ts), the open data tables the portal compares, and the files of its search
 * index, which are copied into the portal (`plaene/<id>/pagefind/`) so that a reader's browser
 * never asks another server. A plan is never rebuilt here.
 *
 * A plan that cannot be read, or publishes an older or newer shape, stays in the portal with a
 * German note saying what is missing; it is never dropped silently.
 *
 * Everything read is data from another server: file paths are checked before anything is written
 * (src/ausgabe/offenedaten/portalformat.ts), only Pagefind's index files are copied (never a script), and each file
 * has a size limit.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { PORTALANGABEN_DATEI, PORTALANGABEN_FORMAT, PORTALANGABEN_VERSION, portalangabenSchema, type Portalangaben } from '../ausgabe/offenedaten/portalformat.ts';
import type { PortalPlan } from './konfiguration.ts';
import { GELESENE_TABELLEN, type Datensatz, type GelesenerPlan } from './typen.ts';

/** The largest file read from a plan site (a table, an index chunk). */
const HOECHSTENS_BYTES = 64 * 1024 * 1024;
/** Requests to one plan site at a time. */
const GLEICHZEITIG = 8;

/** Pagefind's own index files: the entry, meta, index chunks, fragments and filters. Its scripts and wasm come from the portal's own Pagefind. */
function istIndexdatei(pfadImOrdner: string): boolean {
  if (pfadImOrdner === 'pagefind-entry.json') return true;
  const teile = pfadImOrdner.split('/');
  const name = teile.at(-1) ?? '';
  if (teile.length === 1) return /^pagefind\.[a-z0-9_-]+\.pf_meta$/i.test(name);
  if (teile.length !== 2) return false;
  const erwartet: Record<string, string> = { index: '.pf_index', fragment: '.pf_fragment', filter: '.pf_filter' };
  const endung = erwartet[teile[0]!];
  return endung !== undefined && name.endsWith(endung) && /^[a-z0-9_-]+\.[a-z_]+$/i.test(name);
}

class Lesefehler extends Error {}

/** Reads one file of a plan site (a path relative to its root) as bytes. */
async function lies(plan: PortalPlan, pfad: string): Promise<Buffer> {
  if (plan.quelle.art === 'ordner') {
    const datei = resolve(plan.quelle.ordner, ...pfad.split('/'));
    if (!datei.startsWith(plan.quelle.ordner + sep)) throw new Lesefehler(`${pfad} liegt außerhalb der Website`);
    let groesse: number;
    try {
      groesse = statSync(datei).size;
    } catch {
      throw new Lesefehler(`${pfad} fehlt`);
    }
    if (groesse > HOECHSTENS_BYTES) throw new Lesefehler(`${pfad} ist größer als ${HOECHSTENS_BYTES / 1024 / 1024} MiB`);
    return readFileSync(datei);
  }
  const url = new URL(pfad, plan.quelle.url);
  if (!url.href.startsWith(plan.quelle.url)) throw new Lesefehler(`${pfad} liegt außerhalb der Website`);
  let antwort: Response;
  try {
    antwort = await fetch(url, { redirect: 'error', signal: AbortSignal.timeout(60_000) });
  } catch (error) {
    throw new Lesefehler(`${url.href} war nicht erreichbar (${(error as Error).name === 'TimeoutError' ? 'keine Antwort in 60 s' : 'keine Verbindung'})`);
  }
  if (!antwort.ok) throw new Lesefehler(`${url.href} antwortete mit ${antwort.status}`);
  const laenge = Number(antwort.headers.get('content-length') ?? 0);
  if (laenge > HOECHSTENS_BYTES) throw new Lesefehler(`${url.href} ist größer als ${HOECHSTENS_BYTES / 1024 / 1024} MiB`);
  const bytes = Buffer.from(await antwort.arrayBuffer());
  if (bytes.length > HOECHSTENS_BYTES) throw new Lesefehler(`${url.href} ist größer als ${HOECHSTENS_BYTES / 1024 / 1024} MiB`);
  return bytes;
}

async function liesJson(plan: PortalPlan, pfad: string): Promise<unknown> {
  const bytes = await lies(plan, pfad);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw new Lesefehler(`${pfad} ist kein gültiges JSON`);
  }
}

/** Runs `arbeit` for every item, at most `n` at a time. */
async function jeweils<T>(items: readonly T[], n: number, arbeit: (item: T) => Promise<void>): Promise<void> {
  let naechstes = 0;
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, async () => {
    while (naechstes < items.length) await arbeit(items[naechstes++]!);
  }));
}

/** The Portalangaben of a site as far as this portal can read them, with notes on their version. */
function pruefeAngaben(roh: unknown, hinweise: string[]): Portalangaben | undefined {
  const format = (roh as { format?: unknown } | null)?.format;
  const version = (roh as { version?: unknown } | null)?.version;
  if (format !== PORTALANGABEN_FORMAT) {
    hinweise.push(`${PORTALANGABEN_DATEI} ist keine Datei mit Portalangaben von Planwerk.`);
    return undefined;
  }
  const ergebnis = portalangabenSchema.safeParse(roh);
  if (!ergebnis.success) {
    const erstes = ergebnis.error.issues[0]!;
    hinweise.push(`${PORTALANGABEN_DATEI} (Version ${String(version)}) lässt sich nicht lesen: Feld „${erstes.path.join('.')}“ passt nicht zu dem, was dieses Portal kennt.`);
    return undefined;
  }
  const angaben = ergebnis.data;
  if (angaben.version > PORTALANGABEN_VERSION) {
    hinweise.push(`Mit Planwerk ${angaben.planwerk} gebaut, einer neueren Version als dieses Portal (Portalangaben Version ${angaben.version}, das Portal kennt ${PORTALANGABEN_VERSION}): Es liest, was es kennt; Neues erscheint erst nach einem Update des Portals.`);
  } else if (angaben.version < PORTALANGABEN_VERSION) {
    hinweise.push(`Mit Planwerk ${angaben.planwerk} gebaut, einer älteren Version (Portalangaben Version ${angaben.version}, aktuell ${PORTALANGABEN_VERSION}): Angaben, die diese Version noch nicht veröffentlicht, fehlen im Vergleich.`);
  }
  return angaben;
}

/** Major and minor of a version text (`1.6.0` → `1.6`). */
const hauptversion = (v: string) => v.split('.').slice(0, 2).join('.');

/**
 * Reads one plan: Portalangaben, tables, and its search index copied to `<suchordner>/<id>/pagefind/`.
 * `pagefind` is the portal's own Pagefind version: an index of another major/minor version is not merged.
 */
export async function lesePlan(plan: PortalPlan, suchordner: string, pagefind: string): Promise<GelesenerPlan> {
  const gelesen: GelesenerPlan = { id: plan.id, name: plan.name, adresse: plan.adresse, tabellen: {}, staende: {}, suche: false, hinweise: [] };
  let roh: unknown;
  try {
    roh = await liesJson(plan, PORTALANGABEN_DATEI);
  } catch (error) {
    if (!(error instanceof Lesefehler)) throw error;
    gelesen.hinweise.push(
      /antwortete mit 404|fehlt$/.test(error.message)
        ? `Die Website veröffentlicht keine Portalangaben (${PORTALANGABEN_DATEI}); sie ist wohl mit einer älteren Planwerk-Version gebaut, die sie noch nicht schreibt. Sie ist hier verlinkt, aber nicht durchsuchbar und nicht im Vergleich.`
        : `Die Website ließ sich beim Bau des Portals nicht lesen: ${error.message}. Sie ist hier verlinkt, aber nicht durchsuchbar und nicht im Vergleich.`,
    );
    return gelesen;
  }
  const angaben = pruefeAngaben(roh, gelesen.hinweise);
  if (!angaben) return gelesen;
  gelesen.angaben = angaben;

  for (const name of GELESENE_TABELLEN) {
    const tabelle = angaben.tabellen.find((t) => t.name === name);
    if (!tabelle) continue;
    try {
      const daten = await liesJson(plan, tabelle.json);
      if (!Array.isArray(daten) || !daten.every((d) => d !== null && typeof d === 'object' && !Array.isArray(d))) throw new Lesefehler(`${tabelle.json} ist keine Liste von Datensätzen`);
      gelesen.tabellen[name] = daten as Datensatz[];
      gelesen.staende[name] = tabelle.stand;
    } catch (error) {
      if (!(error instanceof Lesefehler)) throw error;
      gelesen.hinweise.push(`Die Tabelle „${tabelle.titel}“ ließ sich nicht lesen: ${error.message}.`);
    }
  }

  const suche = angaben.suche;
  if (!suche) {
    gelesen.hinweise.push('Die Website veröffentlicht keinen Suchindex: Die Suche des Portals findet ihre Seiten nicht.');
    return gelesen;
  }
  if (hauptversion(suche.pagefind) !== hauptversion(pagefind)) {
    gelesen.hinweise.push(`Ihr Suchindex stammt von Pagefind ${suche.pagefind}, das Portal sucht mit Pagefind ${pagefind}: Die Suche des Portals schließt sie aus, bis beide dieselbe Version nutzen.`);
    return gelesen;
  }
  const ordner = suche.ordner.endsWith('/') ? suche.ordner : `${suche.ordner}/`;
  const dateien = suche.dateien.filter((d) => d.pfad.startsWith(ordner) && istIndexdatei(d.pfad.slice(ordner.length)));
  const ziel = join(suchordner, plan.id, 'pagefind');
  try {
    await jeweils(dateien, GLEICHZEITIG, async (d) => {
      const bytes = await lies(plan, d.pfad);
      const datei = join(ziel, ...d.pfad.slice(ordner.length).split('/'));
      if (relative(ziel, datei).startsWith('..')) throw new Lesefehler(`${d.pfad} liegt außerhalb des Suchindex`);
      mkdirSync(dirname(datei), { recursive: true });
      writeFileSync(datei, bytes);
    });
    gelesen.suche = dateien.some((d) => d.pfad === `${ordner}pagefind-entry.json`);
    if (!gelesen.suche) gelesen.hinweise.push('Ihr Suchindex ist unvollständig veröffentlicht (ohne pagefind-entry.json): Die Suche des Portals findet ihre Seiten nicht.');
  } catch (error) {
    if (!(error instanceof Lesefehler)) throw error;
    // Half an index is no index: nothing of it stays in the portal.
    rmSync(join(suchordner, plan.id), { recursive: true, force: true });
    gelesen.hinweise.push(`Ihr Suchindex ließ sich nicht übernehmen: ${error.message}. Die Suche des Portals findet ihre Seiten nicht.`);
  }
  return gelesen;
}

/** Reads every plan of the portal (a few at a time), in the order of portal.yaml. */
export async function lesePlaene(plaene: readonly PortalPlan[], suchordner: string, pagefind: string): Promise<GelesenerPlan[]> {
  const ergebnis: GelesenerPlan[] = new Array(plaene.length);
  await jeweils(plaene.map((p, i) => ({ p, i })), 4, async ({ p, i }) => {
    ergebnis[i] = await lesePlan(p, suchordner, pagefind);
  });
  return ergebnis;
}

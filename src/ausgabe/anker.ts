/**
 * Permanent anchors. Every page path and every id inside a page's main content that the
 * site has ever published is listed in a committed register (content/anker.json). A
 * later build must still produce each of them — directly, as an alias (a former id kept
 * on the element that replaced it) or as a redirect page — or it fails and says how to
 * keep the link alive.
 */
import { SeitenCache } from './seitencache.ts';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';
import { REGISTER_DATEI } from '../plan/sources.ts';

/** Page path → ids on that page (sorted). */
export type AnkerRegister = Record<string, string[]>;

export { REGISTER_DATEI };

/** Pages that are not part of the plan's published structure. */
const OHNE_ANKER = [/^\/404\.html$/, /^\/pagefind\//, /^\/_astro\//];
/**
 * Pages whose path is published but whose ids change with the content: the A–Z letters, and the
 * Druckfassung, whose ids are those of the other pages with a prefix (theirs are registered).
 */
const NUR_PFAD = [/^\/register\/$/, /^\/suche\/$/, /^\/druckfassung\/$/];

const FORMULARTEILE = new Set(['input', 'select', 'textarea', 'button', 'fieldset']);

/**
 * Ids inside <main> that a reader could link to: not those inside SVG graphics or on form
 * controls. The check runs over every page, so only the main element is tokenized
 * (htmlparser2, streaming) and character references are decoded only in ids that have one.
 */
export function ankerAusHtml(html: string): string[] {
  const start = html.indexOf('<main');
  const end = html.lastIndexOf('</main>');
  if (start < 0 || end < start) return [];
  const ids = new Set<string>();
  let inMain = 0;
  let inSvg = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const id = attrs.id;
        if (inMain > 0 && inSvg === 0 && id && name !== 'svg' && !FORMULARTEILE.has(name)) ids.add(id.includes('&') ? decodeHTML(id) : id);
        if (name === 'main') inMain += 1;
        if (name === 'svg') inSvg += 1;
      },
      onclosetag(name) {
        if (name === 'main') inMain -= 1;
        if (name === 'svg') inSvg -= 1;
      },
    },
    { decodeEntities: false },
  );
  parser.end(html.slice(start, end + '</main>'.length));
  return [...ids].sort();
}

/** The Kommune a built site names in its header (`.site-kommune` on the start page), to tell which plan it was built from. */
export function kommuneDerSite(dist: string): string | undefined {
  const file = join(dist, 'index.html');
  if (!existsSync(file)) return undefined;
  let tiefe = 0;
  let text = '';
  let gefunden = false;
  const parser = new Parser({
    onopentag(_name, attrs) {
      if (tiefe > 0) tiefe += 1;
      else if (!gefunden && (attrs.class ?? '').split(/\s+/).includes('site-kommune')) tiefe = 1;
    },
    ontext(t) {
      if (tiefe > 0) text += t;
    },
    onclosetag() {
      if (tiefe > 0 && --tiefe === 0) gefunden = true;
    },
  });
  parser.end(readFileSync(file, 'utf8'));
  return gefunden ? decodeHTML(text).trim() : undefined;
}

/** Is this built page a redirect (meta refresh), which keeps its old path alive? */
export function istWeiterleitung(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html);
}

/** All pages in `dist` with their anchors; redirect pages are listed with no anchors. With `cacheDir`, a page unchanged since the last build is not parsed again. */
export function sammleAnker(dist: string, cacheDir?: string): AnkerRegister {
  const register: AnkerRegister = {};
  const cache = new SeitenCache<string[]>(cacheDir, 'anker');
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) {
        const rel = `/${relative(dist, full).split(sep).join('/')}`;
        const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        if (OHNE_ANKER.some((re) => re.test(path))) continue;
        const html = readFileSync(full, 'utf8');
        register[path] = NUR_PFAD.some((re) => re.test(path)) ? [] : cache.hole(html, [], () => (istWeiterleitung(html) ? [] : ankerAusHtml(html)));
      }
    }
  };
  walk(dist);
  cache.speichere();
  return Object.fromEntries(Object.entries(register).sort(([a], [b]) => a.localeCompare(b)));
}

/** An anchor of the register that the new build no longer produces; `aehnlich` is a current id that differs only in Unicode form (NFC/NFD). */
export interface FehlenderAnker {
  seite: string;
  id?: string;
  aehnlich?: string;
}

/** The pages of a built site that are redirect pages (of those listed without anchors in `aktuell`). */
export function weiterleitungsseiten(dist: string, aktuell: AnkerRegister): string[] {
  return Object.entries(aktuell)
    .filter(([seite, ids]) => ids.length === 0 && seite.endsWith('/'))
    .map(([seite]) => seite)
    .filter((seite) => {
      const file = join(dist, ...seite.split('/').filter(Boolean), 'index.html');
      return existsSync(file) && istWeiterleitung(readFileSync(file, 'utf8'));
    });
}

/**
 * Anchors of the register that the new build no longer produces. `weiterleitungen` are
 * the paths the build wrote redirect pages for; without it, every page without ids counts
 * as one (so a page that lost all its anchors is only caught when the list is given).
 */
export function fehlendeAnker(register: AnkerRegister, aktuell: AnkerRegister, weiterleitungen?: Iterable<string>): FehlenderAnker[] {
  const umgeleitet = weiterleitungen ? new Set(weiterleitungen) : undefined;
  const fehlend: FehlenderAnker[] = [];
  for (const [seite, ids] of Object.entries(register)) {
    const jetzt = aktuell[seite];
    if (!jetzt) {
      fehlend.push({ seite });
      continue;
    }
    // A redirect page keeps the path; its anchors travel with the redirect target.
    if (jetzt.length === 0 && ids.length > 0 && (!umgeleitet || umgeleitet.has(seite))) continue;
    for (const id of ids) {
      if (jetzt.includes(id)) continue;
      const aehnlich = jetzt.find((j) => j !== id && j.normalize('NFC') === id.normalize('NFC'));
      fehlend.push(aehnlich ? { seite, id, aehnlich } : { seite, id });
    }
  }
  return fehlend;
}

/** The command that takes the state of the last build into the register, dropping what is gone. */
export const ERSETZEN = 'npm run anker -- --ersetzen';

/** Code points of a text that are not plain ASCII, e.g. „ä“ U+00E4 or „a“ + U+0308. */
function schreibweise(id: string): string {
  return [...id].filter((c) => c.codePointAt(0)! > 0x7f).map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}

/**
 * The message for a page or anchor that disappeared, telling the editor how to keep it
 * working or, if it is meant to go, the command that really drops it (`npm run anker`
 * alone keeps every published anchor; only `--ersetzen` removes one).
 */
export function ankerMeldung(f: FehlenderAnker, inhalt = 'content'): string {
  const weg = `Wenn ${f.id ? 'der Anker' : 'die Seite'} wirklich wegfallen soll: „${ERSETZEN}“ übernimmt den Stand dieses Builds ins Register (ein bloßes „npm run anker“ behält alles Veröffentlichte).`;
  if (!f.id) {
    return `Die Seite ${f.seite} wird nicht mehr erzeugt, ist aber veröffentlicht. Wenn sie umgezogen ist: trage in ${inhalt}/weiterleitungen.yaml „- { von: ${f.seite}, nach: /neuer/pfad/ }“ ein. ${weg}`;
  }
  const aehnlich = f.aehnlich
    ? ` Die Seite hat den Anker „${f.aehnlich}“, der gleich aussieht, aber die Umlaute anders kodiert (veröffentlicht: ${schreibweise(f.id)}; jetzt: ${schreibweise(f.aehnlich)}); „alteAnker“ hält den veröffentlichten fest.`
    : '';
  return `Der Anker ${f.seite}#${f.id} wird nicht mehr erzeugt, ist aber veröffentlicht.${aehnlich} Wenn die Überschrift eine neue ID bekommen hat: trage im Kopf der MDX-Datei „alteAnker: { ${f.id}: neue-id }“ ein oder setze die ID fest: „## Überschrift {#${f.id}}“ (bei Zielen und Maßnahmen: „aliase: [${f.id}]“). ${weg}`;
}

export function leseRegister(file: string): AnkerRegister | undefined {
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as AnkerRegister) : undefined;
}

/**
 * The register after a build: everything published before stays (it must keep working),
 * new pages and anchors are added.
 */
export function fortgeschriebenesRegister(alt: AnkerRegister | undefined, aktuell: AnkerRegister): AnkerRegister {
  const neu: AnkerRegister = {};
  for (const seite of new Set([...Object.keys(alt ?? {}), ...Object.keys(aktuell)])) {
    const ids = new Set([...(alt?.[seite] ?? []), ...(aktuell[seite] ?? [])]);
    neu[seite] = [...ids].sort();
  }
  return Object.fromEntries(Object.entries(neu).sort(([a], [b]) => a.localeCompare(b)));
}

export function schreibeRegister(file: string, register: AnkerRegister): void {
  writeFileSync(file, `${JSON.stringify(register, null, 1)}\n`);
}

/**
 * A build whose anchor or redirect check failed leaves no site behind, but its anchors
 * are kept in the plan's cache folder, so that `npm run anker -- --ersetzen` can take
 * them into the register afterwards (when an anchor is meant to go). They are valid
 * only as long as the plan's files are unchanged, and forgotten after a good build.
 */
export const LETZTER_BAU = 'anker-letzter-bau.json';

/** A fingerprint of the plan's files (path, size, modification time), without the register itself. */
export function inhaltsStand(contentDir: string): string {
  const teile: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else if (full !== join(contentDir, REGISTER_DATEI)) teile.push(`${relative(contentDir, full)}\0${stat.size}\0${stat.mtimeMs}`);
    }
  };
  walk(contentDir);
  return createHash('sha256').update(teile.join('\n')).digest('hex');
}

export function merkeLetztenBau(cacheDir: string, contentDir: string, register: AnkerRegister): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, LETZTER_BAU), JSON.stringify({ stand: inhaltsStand(contentDir), register }));
}

export function vergissLetztenBau(cacheDir: string): void {
  rmSync(join(cacheDir, LETZTER_BAU), { force: true });
}

/** The anchors of the last failed build, if there was one; `veraltet` when the plan has changed since. */
export function letzterBau(cacheDir: string, contentDir: string): { register: AnkerRegister; veraltet: boolean } | undefined {
  const file = join(cacheDir, LETZTER_BAU);
  if (!existsSync(file)) return undefined;
  try {
    const gemerkt = JSON.parse(readFileSync(file, 'utf8')) as { stand: string; register: AnkerRegister };
    return { register: gemerkt.register, veraltet: gemerkt.stand !== inhaltsStand(contentDir) };
  } catch {
    return undefined;
  }
}

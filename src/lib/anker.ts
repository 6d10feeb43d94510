/**
 * Permanent anchors. Every page path and every id inside a page's main content that the
 * site has ever published is listed in a committed register (content/anker.json). A
 * later build must still produce each of them — directly, as an alias (a former id kept
 * on the element that replaced it) or as a redirect page — or it fails and says how to
 * keep the link alive.
 */
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Parser } from 'htmlparser2';
import { decodeHTML } from 'entities';

/** Page path → ids on that page (sorted). */
export type AnkerRegister = Record<string, string[]>;

export const REGISTER_DATEI = 'anker.json';

/** Pages that are not part of the plan's published structure. */
const OHNE_ANKER = [/^\/404\.html$/, /^\/pagefind\//, /^\/_astro\//];
/** Pages whose path is published but whose ids are navigation that changes with the content (A–Z letters). */
const NUR_PFAD = [/^\/register\/$/, /^\/suche\/$/];

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

/** Is this built page a redirect (meta refresh), which keeps its old path alive? */
export function istWeiterleitung(html: string): boolean {
  return /<meta\s+http-equiv="refresh"/i.test(html);
}

/** All pages in `dist` with their anchors; redirect pages are listed with no anchors. */
export function sammleAnker(dist: string): AnkerRegister {
  const register: AnkerRegister = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.html')) {
        const rel = `/${relative(dist, full).split(sep).join('/')}`;
        const path = rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel;
        if (OHNE_ANKER.some((re) => re.test(path))) continue;
        const html = readFileSync(full, 'utf8');
        register[path] = istWeiterleitung(html) || NUR_PFAD.some((re) => re.test(path)) ? [] : ankerAusHtml(html);
      }
    }
  };
  walk(dist);
  return Object.fromEntries(Object.entries(register).sort(([a], [b]) => a.localeCompare(b)));
}

/** Anchors of the register that the new build no longer produces. */
export function fehlendeAnker(register: AnkerRegister, aktuell: AnkerRegister): { seite: string; id?: string }[] {
  const fehlend: { seite: string; id?: string }[] = [];
  for (const [seite, ids] of Object.entries(register)) {
    const jetzt = aktuell[seite];
    if (!jetzt) {
      fehlend.push({ seite });
      continue;
    }
    // A redirect page keeps the path; its anchors travel with the redirect target.
    if (jetzt.length === 0 && ids.length > 0) continue;
    for (const id of ids) if (!jetzt.includes(id)) fehlend.push({ seite, id });
  }
  return fehlend;
}

/** The message for an anchor that disappeared, telling the editor how to keep it working. */
export function ankerMeldung(f: { seite: string; id?: string }): string {
  if (!f.id) {
    return `Die Seite ${f.seite} wird nicht mehr erzeugt, ist aber veröffentlicht. Wenn sie umgezogen ist: trage in content/weiterleitungen.yaml „- { von: ${f.seite}, nach: /neuer/pfad/ }“ ein. Wenn sie wirklich wegfallen soll: npm run anker.`;
  }
  return `Der Anker ${f.seite}#${f.id} wird nicht mehr erzeugt, ist aber veröffentlicht. Wenn die Überschrift eine neue ID bekommen hat: trage im Kopf der MDX-Datei „alteAnker: { ${f.id}: neue-id }“ ein (bei Zielen und Maßnahmen: „aliase: [${f.id}]“). Wenn der Anker wirklich wegfallen soll: npm run anker.`;
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

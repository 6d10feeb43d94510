/**
 * The search cache (src/ausgabe/suche/suchcache.ts): an index made with a warm cache is
 * byte for byte the one made without, also after a page changed in a way that changes
 * other pages' compound keywords. Runs indexiere on a copy of the built sample site.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexiere, nichtIndexiert } from '../../src/ausgabe/suche/integration.ts';
import { abschnittTexte } from '../../src/ausgabe/suche/seitentext.ts';
import { lexikon, stichwoerter, teilbareWoerter, woerter } from '../../src/ausgabe/suche/komposita.ts';
import { DIST } from '../helpers/dist.ts';

let ort: string;
let dist: string;

beforeAll(() => {
  ort = mkdtempSync(join(tmpdir(), 'planwerk-suchcache-'));
  dist = join(ort, 'dist');
  cpSync(DIST, dist, { recursive: true });
  rmSync(join(dist, 'pagefind'), { recursive: true, force: true });
});

afterAll(() => rmSync(ort, { recursive: true, force: true }));

/** Every file of a folder (path inside it → content). */
function dateien(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full), readFileSync(full));
    }
  };
  walk(dir);
  return out;
}

/** Indexes the copy into `<ort>/<name>` and returns the log line. */
async function index(name: string, cacheDir?: string): Promise<string> {
  let meldung = '';
  await indexiere(dist, (m) => (meldung = m), { cacheDir, ausgabe: join(ort, name) });
  return meldung;
}

function gleich(a: string, b: string) {
  const x = dateien(join(ort, a));
  const y = dateien(join(ort, b));
  expect([...y.keys()]).toEqual([...x.keys()]);
  expect(x.size).toBeGreaterThan(10);
  for (const [pfad, inhalt] of x) expect(inhalt.equals(y.get(pfad)!), `${a} und ${b} unterscheiden sich in ${pfad}`).toBe(true);
}

/** The indexed pages (path inside dist) with the text of their sections. */
function seitenTexte(): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      const pfad = relative(dist, full).split('\\').join('/');
      if (statSync(full).isDirectory()) {
        if (name !== '_astro' && name !== 'pagefind') walk(full);
      } else if (name.endsWith('.html') && !nichtIndexiert(pfad)) {
        out.set(pfad, abschnittTexte(readFileSync(full, 'utf8')).map((a) => a.text).join(' '));
      }
    }
  };
  walk(dist);
  return out;
}

describe('Suchcache', () => {
  it('gibt mit warmem Cache denselben Index wie ohne Cache', async () => {
    const cacheDir = join(ort, 'cache-1');
    await index('ohne');
    const kalt = await index('kalt', cacheDir);
    expect(kalt).toMatch(/\(0 mit Stichwörtern aus dem Cache\)/);
    const warm = await index('warm', cacheDir);
    const seiten = Number(/Suchindex: (\d+) Seiten/.exec(warm)?.[1]);
    expect(seiten).toBeGreaterThan(20);
    expect(warm).toContain(`(${seiten} mit Stichwörtern aus dem Cache)`);
    gleich('ohne', 'kalt');
    gleich('ohne', 'warm');
  });

  it('macht die Stichwörter anderer Seiten neu, wenn eine geänderte Seite dem Lexikon Teile eines ihrer Wörter gibt', async () => {
    const cacheDir = join(ort, 'cache-2');
    await index('vorher', cacheDir);
    // A long word on at least two pages that the lexicon cannot split yet: a changed page
    // that brings both halves of it makes it a compound on every other page.
    const texte = seitenTexte();
    const lex = lexikon([...texte.values()].flatMap(woerter));
    const vorkommen = new Map<string, string[]>();
    for (const [pfad, text] of texte) for (const w of teilbareWoerter(text)) vorkommen.set(w, [...(vorkommen.get(w) ?? []), pfad]);
    const [wort, seiten] = [...vorkommen].find(([w, s]) => s.length >= 2 && stichwoerter(w, lex).length === 0 && !lex.has(w.slice(0, 5)) && !lex.has(w.slice(5)))!;
    expect(wort, 'kein passendes Wort im Beispielplan').toBeDefined();
    const geaendert = join(dist, seiten[0]!);
    const html = readFileSync(geaendert, 'utf8');
    writeFileSync(geaendert, html.replace('</main>', `<p>${wort.slice(0, 5)} und ${wort.slice(5)}</p></main>`));
    try {
      const warm = await index('nachher-warm', cacheDir);
      const seitenGesamt = Number(/Suchindex: (\d+) Seiten/.exec(warm)?.[1]);
      const ausCache = Number(/\((\d+) mit Stichwörtern aus dem Cache\)/.exec(warm)?.[1]);
      // the changed page and every page with the word are made anew, the rest comes from the cache
      expect(ausCache).toBeGreaterThan(0);
      expect(ausCache).toBeLessThanOrEqual(seitenGesamt - seiten.length);
      await index('nachher-ohne');
      gleich('nachher-ohne', 'nachher-warm');
      // the change reached the index (else the comparison above would prove little)
      const vorher = dateien(join(ort, 'vorher'));
      const nachher = dateien(join(ort, 'nachher-ohne'));
      expect([...nachher].some(([pfad, inhalt]) => !vorher.get(pfad)?.equals(inhalt))).toBe(true);
    } finally {
      writeFileSync(geaendert, html);
    }
  });
});

/** The search cache's rules (src/ausgabe/suche/suchcache.ts): when cached keywords still hold, and reading the cache file. */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexiere } from '../../src/ausgabe/suche/integration.ts';
import { lexikon, stichwoerterFuerText, teilbareWoerter } from '../../src/ausgabe/suche/komposita.ts';
import { fassung, ladeSuchcache, lexikonAenderungen, speichereSuchcache, SUCHCACHE_DATEI, stichwoerterGueltig, type SeitenEintrag } from '../../src/ausgabe/suche/suchcache.ts';

const ordner = mkdtempSync(join(tmpdir(), 'planwerk-suchcache-unit-'));
afterAll(() => rmSync(ordner, { recursive: true, force: true }));

const eintrag = (text: string, lex: Set<string>): SeitenEintrag => ({
  digest: 'x',
  lexikonWoerter: [],
  teilbar: teilbareWoerter(text),
  stichwoerter: [stichwoerterFuerText(text, lex)],
});

describe('lexikonAenderungen', () => {
  it('nennt hinzugekommene und weggefallene Einträge', () => {
    expect(lexikonAenderungen(['tafel', 'netz'], new Set(['netz', 'wlan']))?.sort()).toEqual(['tafel', 'wlan']);
    expect(lexikonAenderungen(['netz'], new Set(['netz']))).toEqual([]);
  });

  it('gibt bei sehr vielen Änderungen auf', () => {
    const neu = new Set(Array.from({ length: 100 }, (_, i) => `wort${String.fromCharCode(97 + (i % 26))}${i}`));
    expect(lexikonAenderungen([], neu)).toBeUndefined();
  });
});

describe('stichwoerterGueltig', () => {
  const text = 'Die Schülerendgeräte und das Medienentwicklungsplanverfahren der Schulträger';

  it('verwirft Stichwörter, wenn ein geänderter Eintrag in einem teilbaren Wort liegt', () => {
    const e = eintrag(text, lexikon(['schüler']));
    expect(stichwoerterGueltig(e, ['endgeräte'])).toBe(false);
    expect(stichwoerterGueltig(e, ['verfahren'])).toBe(false);
    expect(stichwoerterGueltig(e, undefined)).toBe(false);
  });

  it('behält Stichwörter bei Änderungen, die kein Wort der Seite berühren', () => {
    expect(stichwoerterGueltig(eintrag(text, lexikon([])), ['glasfaser', 'wlan'])).toBe(true);
    expect(stichwoerterGueltig(eintrag(text, lexikon([])), [])).toBe(true);
  });

  it('gilt nur, wo die Stichwörter unter dem neuen Lexikon wirklich gleich sind', () => {
    const teile = ['schüler', 'endgeräte', 'verfahren', 'träger', 'medien', 'entwicklungs', 'plan', 'glasfaser', 'geräte', 'schul', 'wlan'];
    const texte = [text, 'Glasfaseranschlüsse und Endgeräteverwaltung', 'Schulverwaltungsprogramme', 'Kurze Wörter nur'];
    let geprueft = 0;
    // every pair of lexicons that differ in up to two of the parts above
    for (let a = 0; a < 1 << teile.length; a += 37) {
      for (const b of [a ^ 1, a ^ 6, a ^ 48, a ^ 640, a ^ 1024]) {
        const alt = lexikon(teile.filter((_, i) => a & (1 << i)));
        const neu = lexikon(teile.filter((_, i) => b & (1 << i)));
        const aenderungen = lexikonAenderungen([...alt], neu);
        for (const t of texte) {
          if (!stichwoerterGueltig(eintrag(t, alt), aenderungen)) continue;
          geprueft += 1;
          expect(stichwoerterFuerText(t, neu), `${t}: ${aenderungen}`).toEqual(stichwoerterFuerText(t, alt));
        }
      }
    }
    expect(geprueft).toBeGreaterThan(50);
  });
});

describe('ladeSuchcache', () => {
  it('liest, was speichereSuchcache schrieb', () => {
    const cache = { fassung: fassung(), lexikon: ['netz'], seiten: { 'a/index.html': eintrag('Netzwerkplanung', lexikon([])) } };
    speichereSuchcache(join(ordner, 'neu', 'cache'), cache);
    expect(ladeSuchcache(join(ordner, 'neu', 'cache'))).toEqual(cache);
  });

  it('übergeht fehlende, kaputte und von anderem Code geschriebene Caches', () => {
    expect(ladeSuchcache(join(ordner, 'fehlt'))).toBeUndefined();
    writeFileSync(join(ordner, SUCHCACHE_DATEI), '{"fassung": ');
    expect(ladeSuchcache(ordner)).toBeUndefined();
    writeFileSync(join(ordner, SUCHCACHE_DATEI), JSON.stringify({ fassung: 'alt', lexikon: [], seiten: {} }));
    expect(ladeSuchcache(ordner)).toBeUndefined();
  });
});

describe('indexiere mit Cache', () => {
  it('schreibt den Index auch, wenn der Cache nicht geschrieben werden kann', async () => {
    const dist = join(ordner, 'mini');
    mkdirSync(join(dist, 'a'), { recursive: true });
    writeFileSync(join(dist, 'a', 'index.html'), '<html lang="de"><head><title>A</title></head><body><main data-pagefind-body><h1 id="a">Schülerendgeräte</h1><p>Endgeräte für Schüler</p></main></body></html>');
    const keinOrdner = join(ordner, 'eine-datei');
    writeFileSync(keinOrdner, '');
    const meldungen: string[] = [];
    await indexiere(dist, (m) => meldungen.push(m), { cacheDir: keinOrdner, ausgabe: join(ordner, 'mini-pagefind') });
    expect(existsSync(join(ordner, 'mini-pagefind', 'pagefind-entry.json'))).toBe(true);
    expect(meldungen.join('\n')).toMatch(/Cache „.*eine-datei“ nicht geschrieben/);
    expect(meldungen.join('\n')).toContain('Suchindex: 1 Seiten');
  });
});

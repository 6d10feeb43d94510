/**
 * The key of the PDF cache (src/ausgabe/pdfcache.ts): it changes with every loaded file, with a
 * file that was missing and now exists, and with the document properties; the cache hands back
 * the kept PDF only while the key matches, and nothing after a damaged Stand.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ausDemCache, druckSchluessel, imCacheAblegen } from '../../src/ausgabe/pdfcache.ts';

const ordner = mkdtempSync(join(tmpdir(), 'planwerk-pdfcache-'));
afterAll(() => rmSync(ordner, { recursive: true, force: true }));
const dist = join(ordner, 'dist');
const cache = join(ordner, 'cache');
const grundlage = { chrome: 'Chromium 1', angaben: { titel: 'Plan' } };
const dateien = ['druckfassung/index.html', '_astro/seite.css', 'bild.png'];

describe('PDF-Cache', () => {
  for (const [d, inhalt] of [['druckfassung/index.html', '<p>Text</p>'], ['_astro/seite.css', 'p { color: red }']] as const) {
    mkdirSync(join(dist, d, '..'), { recursive: true });
    writeFileSync(join(dist, d), inhalt);
  }

  it('ändert den Schlüssel mit jeder geladenen Datei, einer neu vorhandenen und den Dokumenteigenschaften', () => {
    const vorher = druckSchluessel(dist, dateien, grundlage);
    expect(druckSchluessel(dist, dateien, grundlage)).toBe(vorher);
    writeFileSync(join(dist, '_astro/seite.css'), 'p { color: blue }');
    const css = druckSchluessel(dist, dateien, grundlage);
    expect(css).not.toBe(vorher);
    writeFileSync(join(dist, 'bild.png'), 'png');
    const bild = druckSchluessel(dist, dateien, grundlage);
    expect(bild).not.toBe(css);
    expect(druckSchluessel(dist, dateien, { ...grundlage, angaben: { titel: 'Plan, 2. Fassung' } })).not.toBe(bild);
    expect(druckSchluessel(dist, dateien, { ...grundlage, chrome: 'Chromium 2' })).not.toBe(bild);
  });

  it('gibt das abgelegte PDF zurück, solange der Schlüssel passt, sonst nichts', () => {
    const pdf = new Uint8Array([37, 80, 68, 70]);
    imCacheAblegen(cache, pdf, { schluessel: druckSchluessel(dist, dateien, grundlage), dateien, seiten: 1 });
    const treffer = ausDemCache(cache, dist, grundlage);
    expect(treffer && [...readFileSync(treffer.pdf)]).toEqual([...pdf]);
    writeFileSync(join(dist, 'druckfassung/index.html'), '<p>Neuer Text</p>');
    expect(ausDemCache(cache, dist, grundlage)).toBeUndefined();
    writeFileSync(join(cache, 'pdf', 'stand.json'), '{kaputt');
    expect(ausDemCache(cache, dist, grundlage)).toBeUndefined();
  });
});

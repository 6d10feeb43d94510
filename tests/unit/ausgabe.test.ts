/** The output folder is replaced as a whole or not at all (src/ausgabe/ausgabe.ts). */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neueAusgabe } from '../../src/ausgabe/ausgabe.ts';

function ordner() {
  return mkdtempSync(join(tmpdir(), 'planwerk-ausgabe-'));
}

function seite(dir: string, text: string) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index.html'), text);
}

describe('neueAusgabe', () => {
  it('baut neben dem Ziel und ersetzt es erst beim Veröffentlichen', () => {
    const root = ordner();
    const ziel = join(root, 'dist');
    seite(ziel, 'alt');
    const a = neueAusgabe(ziel, []);
    expect(a.bau).toBe(join(root, 'dist.neu'));
    seite(a.bau, 'neu');
    expect(readFileSync(join(ziel, 'index.html'), 'utf8')).toBe('alt');
    a.veroeffentlichen();
    expect(readFileSync(join(ziel, 'index.html'), 'utf8')).toBe('neu');
    expect(existsSync(a.bau)).toBe(false);
    expect(existsSync(join(root, 'dist.alt'))).toBe(false);
  });

  it('verwirft einen halben Bau und sagt, was das Ziel noch enthält', () => {
    const root = ordner();
    const ziel = join(root, 'dist');
    const ohne = neueAusgabe(ziel, []);
    seite(ohne.bau, 'halb');
    expect(ohne.verwerfen()).toMatch(/^Nichts veröffentlicht: .*dist\/ gibt es nicht/);
    expect(existsSync(ohne.bau)).toBe(false);
    expect(existsSync(ziel)).toBe(false);

    seite(ziel, 'alt');
    const mit = neueAusgabe(ziel, []);
    seite(mit.bau, 'halb');
    expect(mit.verwerfen()).toMatch(/^Nichts veröffentlicht: .*dist\/ enthält weiter die letzte vollständig gebaute Website \(gebaut \d{1,2}\.\d{1,2}\.\d{4}, \d\d:\d\d Uhr\)/);
    expect(readFileSync(join(ziel, 'index.html'), 'utf8')).toBe('alt');
  });

  it('räumt die Reste eines abgebrochenen Laufs auf und holt eine zwischen den Umbenennungen verlorene Website zurück', () => {
    const root = ordner();
    const ziel = join(root, 'dist');
    seite(join(root, 'dist.alt'), 'letzte');
    seite(join(root, 'dist.neu'), 'halb');
    const a = neueAusgabe(ziel, []);
    expect(readFileSync(join(ziel, 'index.html'), 'utf8')).toBe('letzte');
    expect(existsSync(join(root, 'dist.alt'))).toBe(false);
    expect(existsSync(a.bau)).toBe(false);
  });

  it('lehnt ein Ziel ab, das den Plan oder das Projekt enthält', () => {
    const root = ordner();
    const plan = join(root, 'content');
    mkdirSync(plan);
    expect(() => neueAusgabe(root, [plan])).toThrow(/enthält .*content\/: Planwerk ersetzt die Ausgabe als Ganzes/);
    expect(() => neueAusgabe(plan, [plan])).toThrow(/Planwerk ersetzt die Ausgabe als Ganzes/);
    expect(() => neueAusgabe(join(root, 'dist'), [plan])).not.toThrow();
  });
});

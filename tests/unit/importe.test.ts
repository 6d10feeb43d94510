/**
 * The generator's modules import each other without circles: every module can be read (and
 * tested) from its imports downwards. The folders are layers, and a folder imports only from
 * the layers below it (README, „Aufbau“). Imports are taken from each file by TypeScript's own
 * pre-processor (type-only imports count too); Astro components by their frontmatter.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixture.ts';

const SRC = join(PROJECT, 'src');
const ENDUNGEN = ['.ts', '.mjs', '.astro'];

function dateien(): string[] {
  return (readdirSync(SRC, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && ENDUNGEN.some((e) => d.name.endsWith(e)))
    .map((d) => join(d.parentPath, d.name));
}

/** The files of src/ a file imports (relative imports only; packages are not part of the graph). */
function importe(datei: string): string[] {
  let text = readFileSync(datei, 'utf8');
  if (datei.endsWith('.astro')) text = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter((n) => n.startsWith('.'))
    .map((n) => resolve(dirname(datei), n));
}

/** Every circle in the graph, each as the chain of files from its first file back to it. */
function kreise(graph: Map<string, string[]>): string[][] {
  const gefunden: string[][] = [];
  const fertig = new Set<string>();
  const weg: string[] = [];
  const besuche = (datei: string) => {
    const i = weg.indexOf(datei);
    if (i >= 0) {
      gefunden.push([...weg.slice(i), datei].map((d) => relative(SRC, d)));
      return;
    }
    if (fertig.has(datei)) return;
    weg.push(datei);
    for (const ziel of graph.get(datei) ?? []) besuche(ziel);
    weg.pop();
    fertig.add(datei);
  };
  for (const datei of graph.keys()) besuche(datei);
  return gefunden;
}

/** The layers of src/, lowest first; each may import from those before it. */
const SCHICHTEN = ['plan', 'rechnen', 'ausgabe', 'pruefung', 'portal', 'integration.ts', 'cli'];

/** The layer a file of src/ belongs to: its first folder, or the file itself at the top. */
const schicht = (datei: string) => relative(SRC, datei).split('/')[0]!;

/** Imports that go to a layer above the importing file's own (or to a file outside every layer). */
function aufwaerts(graph: Map<string, string[]>): string[] {
  const rang = (datei: string) => SCHICHTEN.indexOf(schicht(datei));
  return [...graph].flatMap(([datei, ziele]) =>
    ziele.filter((z) => rang(datei) < 0 || rang(z) < 0 || rang(z) > rang(datei)).map((z) => `${relative(SRC, datei)} → ${relative(SRC, z)}`),
  );
}

describe('Importe in src/', () => {
  const graph = new Map(dateien().map((d) => [d, importe(d)]));

  it('liest die Importe wirklich (die Integration importiert den Planlader)', () => {
    expect(graph.get(join(SRC, 'integration.ts'))).toContain(join(SRC, 'pruefung', 'planladen.ts'));
  });

  it('findet einen Import nach oben, wo es einen gibt', () => {
    expect(aufwaerts(new Map([[join(SRC, 'plan', 'a.ts'), [join(SRC, 'ausgabe', 'b.ts'), join(SRC, 'plan', 'c.ts')]]]))).toEqual(['plan/a.ts → ausgabe/b.ts']);
  });

  it('gehen nur von einer Schicht zu den Schichten darunter', () => {
    expect(aufwaerts(graph)).toEqual([]);
  });

  it('findet einen Kreis, wo es einen gibt', () => {
    expect(kreise(new Map([['/a', ['/b']], ['/b', ['/c']], ['/c', ['/a']], ['/d', ['/a']]]))).toHaveLength(1);
  });

  it('haben keine Kreise', () => {
    expect(kreise(graph)).toEqual([]);
  });
});

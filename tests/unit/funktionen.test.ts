/**
 * No function of the generator is longer than about 80 lines (issue 26): a function that long
 * does several things and is better read as several named ones. Every function-like node
 * (declarations, methods, accessors, constructors, arrow functions, function expressions) of
 * every .ts/.mjs file under src/ and of the frontmatter of every .astro file is measured by
 * TypeScript's own parser, from its first to its last line; nested functions count on their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { PROJECT } from '../helpers/fixture.ts';

const SRC = join(PROJECT, 'src');
const ENDUNGEN = ['.ts', '.mjs', '.astro'];
/** The longest a function may be, in lines from its first to its last. */
const HOECHSTENS = 80;

interface LangeFunktion {
  datei: string;
  zeile: number;
  name: string;
  zeilen: number;
}

function dateien(): string[] {
  return (readdirSync(SRC, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile() && ENDUNGEN.some((e) => d.name.endsWith(e)))
    .map((d) => join(d.parentPath, d.name));
}

/** The code of a file: an Astro component's frontmatter, with the lines before it kept blank so line numbers stay right. */
function code(datei: string, text: string): string {
  if (!datei.endsWith('.astro')) return text;
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return frontmatter ? `\n${frontmatter[1]}` : '';
}

/** A readable name for a function-like node: its own, or that of the variable, property or call it stands in. */
function name(node: ts.SignatureDeclaration, quelle: ts.SourceFile): string {
  if (node.name) return node.name.getText(quelle);
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  const eltern = node.parent;
  if ((ts.isVariableDeclaration(eltern) || ts.isPropertyAssignment(eltern) || ts.isPropertyDeclaration(eltern)) && eltern.name) {
    return eltern.name.getText(quelle);
  }
  if (ts.isCallExpression(eltern)) return `(Argument von ${eltern.expression.getText(quelle).slice(0, 40)})`;
  return '(anonym)';
}

/** Every function-like node of a source text longer than `hoechstens` lines. */
function langeFunktionen(datei: string, text: string, hoechstens = HOECHSTENS): LangeFunktion[] {
  const kind = datei.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const quelle = ts.createSourceFile(datei, text, ts.ScriptTarget.Latest, true, kind);
  const gefunden: LangeFunktion[] = [];
  const besuche = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const anfang = quelle.getLineAndCharacterOfPosition(node.getStart(quelle)).line;
      const ende = quelle.getLineAndCharacterOfPosition(node.getEnd()).line;
      const zeilen = ende - anfang + 1;
      if (zeilen > hoechstens) gefunden.push({ datei, zeile: anfang + 1, name: name(node, quelle), zeilen });
    }
    ts.forEachChild(node, besuche);
  };
  besuche(quelle);
  return gefunden;
}

describe('Funktionslänge', () => {
  const zulang = () => dateien().flatMap((datei) => langeFunktionen(datei, code(datei, readFileSync(datei, 'utf8'))));

  it(`keine Funktion unter src/ ist länger als ${HOECHSTENS} Zeilen`, () => {
    const liste = zulang().map((f) => `${relative(PROJECT, f.datei)}:${f.zeile} ${f.name} (${f.zeilen} Zeilen)`);
    expect(liste).toEqual([]);
  });

  it('die Messung findet eine zu lange Funktion, auch eine verschachtelte und eine Pfeilfunktion um ein Objekt', () => {
    const rumpf = (n: number) => Array.from({ length: n }, (_, i) => `  const a${i} = ${i};`).join('\n');
    const text = [
      'export function kurz() {',
      rumpf(10),
      '}',
      'export function lang() {',
      rumpf(90),
      '  const innen = () => {',
      rumpf(85),
      '  };',
      '  return innen;',
      '}',
      'const schemas = (ref) => ({',
      Array.from({ length: 85 }, (_, i) => `  f${i}: ref(${i}),`).join('\n'),
      '});',
    ].join('\n');
    const gefunden = langeFunktionen('beispiel.ts', text).map(({ zeile, name, zeilen }) => ({ zeile, name, zeilen }));
    expect(gefunden).toEqual([
      { zeile: 13, name: 'lang', zeilen: 1 + 90 + 1 + 85 + 1 + 1 + 1 },
      { zeile: 13 + 91, name: 'innen', zeilen: 87 },
      { zeile: 13 + 91 + 87 + 2, name: 'schemas', zeilen: 87 },
    ]);
    expect(langeFunktionen('beispiel.ts', text, 1000)).toEqual([]);
  });
});

/**
 * `npm run paket` (also npm's `prepack`): builds paket/, the JavaScript the installed package
 * runs. Node does not strip types from files under node_modules, so the package cannot ship
 * src/ as it is: TypeScript compiles src/**\/*.ts to paket/**\/*.js with declarations
 * (tsconfig.build.json, relative `.ts` imports rewritten to `.js`), and every other file of src/
 * (Astro components, styles, `.mjs`, the site's own scripts) is copied into the same tree. An
 * Astro component imports modules as `…/x.ts`; in the copy those relative imports of its
 * frontmatter name `…/x.js`, found by TypeScript's own pre-processor, not by a pattern over the file.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

/** The repository root: this file lives in scripts/. */
const WURZEL = join(import.meta.dirname, '..');
/** Where the package's JavaScript goes (package.json `bin` and `exports` point into it). */
export const PAKET = 'paket';

/** The frontmatter of an Astro component: its text and where that text starts in the file. */
function frontmatter(quelle: string): { start: number; text: string } | undefined {
  const m = /^(\s*---\r?\n)([\s\S]*?)\r?\n---(?:\r?\n|$)/.exec(quelle);
  return m ? { start: m[1]!.length, text: m[2]! } : undefined;
}

/**
 * An Astro component with the relative `.ts` imports of its frontmatter pointing at the
 * compiled `.js` files (`import x from '../plan/a.ts'` → `'../plan/a.js'`). Imports of
 * packages, of other components and of `.d.ts` files stay as they are; the template is not touched.
 */
export function mitJsImporten(quelle: string): string {
  const kopf = frontmatter(quelle);
  if (!kopf) return quelle;
  const { importedFiles } = ts.preProcessFile(kopf.text, true, true);
  let ergebnis = quelle;
  // From the last import to the first, so earlier positions stay valid.
  for (const datei of [...importedFiles].sort((a, b) => b.pos - a.pos)) {
    const name = datei.fileName;
    if (!/^\.\.?\//.test(name) || !name.endsWith('.ts') || name.endsWith('.d.ts')) continue;
    // TypeScript's position is that of the string literal, its opening quote included.
    let start = kopf.start + datei.pos;
    if (/['"`]/.test(ergebnis[start] ?? '')) start += 1;
    const ende = start + name.length;
    if (ergebnis.slice(start, ende) !== name) throw new Error(`Import „${name}“ nicht an der erwarteten Stelle.`);
    ergebnis = `${ergebnis.slice(0, start)}${name.slice(0, -3)}.js${ergebnis.slice(ende)}`;
  }
  return ergebnis;
}

/** Every file under a folder, as paths relative to it. */
function dateien(ordner: string): string[] {
  return (readdirSync(ordner, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((d) => d.isFile())
    .map((d) => relative(ordner, join(d.parentPath, d.name)));
}

/**
 * Builds paket/ (or `ziel`) from src/: the compiled modules, the Astro components with their
 * imports rewritten, and every other file (styles, `.mjs`) as it is.
 */
export function bauePaket(wurzel = WURZEL, ziel = join(wurzel, PAKET)): { dateien: number } {
  rmSync(ziel, { recursive: true, force: true });
  const tsc = createRequire(join(wurzel, 'package.json')).resolve('typescript/bin/tsc');
  const lauf = spawnSync(process.execPath, [tsc, '-p', join(wurzel, 'tsconfig.build.json'), '--outDir', ziel], { cwd: wurzel, encoding: 'utf8' });
  if (lauf.status !== 0) throw new Error(`TypeScript konnte src/ nicht übersetzen:\n${lauf.stdout}${lauf.stderr}`);
  const src = join(wurzel, 'src');
  for (const datei of dateien(src)) {
    const nachher = join(ziel, datei);
    if (datei.endsWith('.astro')) {
      mkdirSync(dirname(nachher), { recursive: true });
      writeFileSync(nachher, mitJsImporten(readFileSync(join(src, datei), 'utf8')));
    } else if (!datei.endsWith('.ts')) {
      mkdirSync(dirname(nachher), { recursive: true });
      copyFileSync(join(src, datei), nachher);
    }
  }
  chmodSync(join(ziel, 'cli', 'planwerk.js'), 0o755);
  return { dateien: dateien(ziel).length };
}

if (import.meta.main) {
  const { dateien: anzahl } = bauePaket();
  console.log(`Planwerk: ${PAKET}/ gebaut (${anzahl} Dateien).`);
}

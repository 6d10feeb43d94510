/**
 * The package's build (scripts/paket.ts) and the `planwerk` command (src/cli/planwerk.ts):
 * Astro components in paket/ import the compiled `.js` modules, and the dispatcher finds each
 * Befehl's module, names the known ones for an unknown Befehl and says when a module is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bauePaket, mitJsImporten } from '../../scripts/paket.ts';
import { BEFEHLE, hilfe, modulDatei, waehle } from '../../src/cli/planwerk.ts';
import { projektordner } from '../../src/cli/projekt.ts';
import { PROJECT } from '../helpers/fixture.ts';

const KOMPONENTE = `---
import Base from '../layouts/Base.astro';
import { loadModel } from '../../plan/astro/model.ts';
import type { Params } from "../../rechnen/kennzahlen.ts";
import type { Typen } from './typen.d.ts';
import { z } from 'astro/zod';
// import { alt } from './alt.ts';
const text = "from './kein-import.ts'";
---
<p>import x from './vorlage.ts'</p>
`;

describe('mitJsImporten (Astro-Komponenten im Paket)', () => {
  const ergebnis = mitJsImporten(KOMPONENTE);

  it('lässt relative .ts-Importe des Kopfs auf .js zeigen, in beiden Anführungszeichen', () => {
    expect(ergebnis).toContain("import { loadModel } from '../../plan/astro/model.js';");
    expect(ergebnis).toContain('import type { Params } from "../../rechnen/kennzahlen.js";');
  });

  it('lässt Komponenten, Pakete, .d.ts, Kommentare, Zeichenketten und die Vorlage unberührt', () => {
    expect(ergebnis).toContain("import Base from '../layouts/Base.astro';");
    expect(ergebnis).toContain("from './typen.d.ts';");
    expect(ergebnis).toContain("from 'astro/zod';");
    expect(ergebnis).toContain("// import { alt } from './alt.ts';");
    expect(ergebnis).toContain(`const text = "from './kein-import.ts'";`);
    expect(ergebnis).toContain("<p>import x from './vorlage.ts'</p>");
    expect(ergebnis).toBe(KOMPONENTE.replace("model.ts'", "model.js'").replace('kennzahlen.ts"', 'kennzahlen.js"'));
  });

  it('lässt eine Datei ohne Kopf, wie sie ist', () => {
    expect(mitJsImporten("<p>import x from './a.ts'</p>\n")).toBe("<p>import x from './a.ts'</p>\n");
  });

  it('übersetzt die Layout-Komponente dieses Repositorys vollständig', () => {
    const base = readFileSync(join(PROJECT, 'src', 'ausgabe', 'layouts', 'Base.astro'), 'utf8');
    expect(base).toMatch(/from '\.\.?\/[^']*\.ts'/);
    const kopf = /^---\n([\s\S]*?)\n---/.exec(mitJsImporten(base))![1]!;
    expect(kopf).not.toMatch(/from '\.\.?\/[^']*\.ts'/);
  });
});

describe('bauePaket', () => {
  it('übersetzt jedes Modul aus src/ und übernimmt jede andere Datei an dieselbe Stelle', () => {
    const ziel = mkdtempSync(join(tmpdir(), 'planwerk-paket-'));
    try {
      bauePaket(PROJECT, ziel);
      const quellen = (readdirSync(join(PROJECT, 'src'), { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
        .filter((d) => d.isFile())
        .map((d) => relative(join(PROJECT, 'src'), join(d.parentPath, d.name)));
      const erwartet = quellen.flatMap((d) => (d.endsWith('.ts') ? [d.replace(/\.ts$/, '.js'), d.replace(/\.ts$/, '.d.ts')] : [d]));
      expect(erwartet.filter((d) => !existsSync(join(ziel, d)))).toEqual([]);
      expect(quellen).toContain('cli/astro-protokoll.mjs');
      expect(readFileSync(join(ziel, 'cli', 'planwerk.js'), 'utf8')).toMatch(/^#!\/usr\/bin\/env node\n/);
      expect(readFileSync(join(ziel, 'cli', 'bauen.js'), 'utf8')).toContain("from \"./projekt.js\"");
    } finally {
      rmSync(ziel, { recursive: true, force: true });
    }
  });
});

describe('planwerk (Befehle)', () => {
  it('findet das Modul jedes Befehls neben sich', () => {
    expect(Object.entries(BEFEHLE).filter(([, b]) => !existsSync(modulDatei(b))).map(([n]) => n)).toEqual([]);
    expect(waehle(['pruefen', '--inhalt', 'x'])).toEqual({ art: 'modul', datei: join(PROJECT, 'src', 'cli', 'pruefen.ts'), rest: ['--inhalt', 'x'] });
  });

  it('zeigt ohne Befehl und mit --help die Übersicht, mit --version die Version', () => {
    expect(waehle([])).toEqual({ art: 'hilfe' });
    expect(waehle(['--help'])).toEqual({ art: 'hilfe' });
    expect(waehle(['--version'])).toEqual({ art: 'version' });
    for (const name of Object.keys(BEFEHLE)) expect(hilfe()).toMatch(new RegExp(`^  ${name} +\\S`, 'm'));
  });

  it('nennt bei einem unbekannten Befehl die bekannten', () => {
    const auswahl = waehle(['baue']);
    expect(auswahl.art).toBe('fehler');
    expect(auswahl.art === 'fehler' && auswahl.text).toContain('Unbekannter Befehl „baue“. Planwerk kennt: pruefen, bauen,');
    expect(waehle(['toString']).art).toBe('fehler');
  });

  it('sagt, wenn das Modul eines Befehls fehlt', () => {
    const auswahl = waehle(['zaubern'], { zaubern: { modul: 'gibt-es-nicht', text: '' } });
    expect(auswahl).toEqual({ art: 'fehler', text: expect.stringContaining('„planwerk zaubern“ gehört zu Planwerk, fehlt aber in dieser Version') });
  });

  it('führt einen Befehl mit seinen Optionen aus und endet bei einem unbekannten mit Exit-Code 1', () => {
    const hilfe = spawnSync(process.execPath, ['src/cli/planwerk.ts', 'pruefen', '--hilfe'], { cwd: PROJECT, encoding: 'utf8' });
    expect(hilfe.status, hilfe.stderr).toBe(0);
    expect(hilfe.stdout).toContain('prüft den Plan, ohne die Website zu bauen');
    const unbekannt = spawnSync(process.execPath, ['src/cli/planwerk.ts', 'baue'], { cwd: PROJECT, encoding: 'utf8' });
    expect(unbekannt.status).toBe(1);
    expect(unbekannt.stderr).toContain('Unbekannter Befehl „baue“');
  });

  it('baut und zeigt nur im Ordner eines Plans (mit astro.config.mjs), sonst eine deutsche Zeile und Exit-Code 1', () => {
    const leer = mkdtempSync(join(tmpdir(), 'planwerk-leer-'));
    try {
      expect(projektordner(leer).fehler).toBe(`In ${leer} liegt keine astro.config.mjs. Planwerk im Ordner des Plans aufrufen, neben astro.config.mjs und content/.`);
      const bau = spawnSync(process.execPath, [join(PROJECT, 'src', 'cli', 'planwerk.ts'), 'bauen'], { cwd: leer, encoding: 'utf8' });
      expect(bau.status).toBe(1);
      expect(bau.stderr).toContain(`In ${leer} liegt keine astro.config.mjs.`);
      writeFileSync(join(leer, 'astro.config.mjs'), 'export default {};\n');
      expect(projektordner(leer)).toEqual({ ordner: leer });
    } finally {
      rmSync(leer, { recursive: true, force: true });
    }
  });
});

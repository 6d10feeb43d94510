/** The real build stops on bad content and prints every problem with file and field. */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { copyFixture, edit, PROJECT, write } from '../helpers/fixture.ts';
import { REGISTER_DATEI, sammleAnker, schreibeRegister } from '../../src/lib/anker.ts';
import { cacheOrdner } from '../../src/lib/planladen.ts';

const copies: string[] = [];
// Each copy's plan and its cache folder (one per content folder) go after the run.
afterAll(() => copies.flatMap((dir) => [dir, cacheOrdner(PROJECT, join(dir, 'content'))]).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function build(contentDir: string, outDir = 'dist') {
  return spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', `${contentDir}/../${outDir}`], {
    cwd: PROJECT,
    encoding: 'utf8',
    env: { ...process.env, PLANWERK_CONTENT: contentDir, ASTRO_TELEMETRY_DISABLED: '1' },
  });
}

describe('Build mit fehlerhaften Inhalten', () => {
  it('bricht ab und nennt alle Fehler mit Datei, Feld, Erwartung und Fund', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    edit(root, 'massnahmen/i-01.mdx', 'verantwortlich: [schulamt]', 'verantwortlich: [stadtrat]');
    edit(root, 'daten/schulen.csv', ';87,5;', ';87.5;');
    const result = build(content);
    const output = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(output).toContain('Der Plan enthält 2 Fehler');
    expect(output).toContain(`${content}/massnahmen/i-01.mdx:1, Feld „verantwortlich.0“: erwartet eine vorhandene ID aus „akteure“ (${content}/akteure.yaml); gefunden: „stadtrat“, das es dort nicht gibt`);
    expect(output).toContain(`${content}/daten/schulen.csv:4, Eintrag „gym-c“, Feld „wlan_abdeckung“`);
    // Only the German list: no framework wrapper, no stack trace.
    expect(output).not.toMatch(/^\s+at /m);
    expect(output).not.toMatch(/unhandled|Error:/i);
  });

  it('baut dieselbe Kopie ohne Fehler, zweimal byte-gleich, und warnt vor ungenannten Akteuren', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    const first = build(content, 'dist-1');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout + first.stderr).toMatch(/Akteur „schulen“ wird nirgends genannt/);
    const second = build(content, 'dist-2');
    expect(second.status, second.stderr).toBe(0);
    for (const file of ['akteure/index.html', 'finanzen/index.html', 'schulen/index.html']) {
      const a = readFileSync(join(root, 'dist-1', file), 'utf8');
      expect(a.includes('<svg'), file).toBe(true);
      expect(readFileSync(join(root, 'dist-2', file), 'utf8'), file).toBe(a);
    }
  });
});

describe('Permanente Anker', () => {
  it('bricht ab, wenn ein veröffentlichter Anker verschwindet, und hält ihn mit einem Alias am Leben', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    expect(build(content, 'dist-alt').status).toBe(0);
    schreibeRegister(join(root, 'content', REGISTER_DATEI), sammleAnker(join(root, 'dist-alt')));

    edit(root, 'kapitel/vorwort.mdx', '## Ausstattung {#ausstattung-fest}', '## Ausstattung der Schulen {#ausstattung-schulen}');
    const ohneAlias = build(content, 'dist-neu');
    expect(ohneAlias.status).not.toBe(0);
    expect(ohneAlias.stdout + ohneAlias.stderr).toContain('Der Anker /kapitel/vorwort/#ausstattung-fest wird nicht mehr erzeugt');
    expect(ohneAlias.stdout + ohneAlias.stderr).toContain('alteAnker: { ausstattung-fest: neue-id }');

    edit(root, 'kapitel/vorwort.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nalteAnker: { ausstattung-fest: ausstattung-schulen }');
    const mitAlias = build(content, 'dist-neu');
    expect(mitAlias.status, mitAlias.stderr).toBe(0);
    const html = readFileSync(join(root, 'dist-neu', 'kapitel/vorwort/index.html'), 'utf8');
    expect(html).toMatch(/<h2 id="ausstattung-schulen"><span id="ausstattung-fest" class="alias-anker"><\/span>Ausstattung der Schulen/);
  });
});

describe('Text aus Datendateien', () => {
  it('erscheint immer als Text, nie als HTML', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    edit(root, 'akteure.yaml', 'name: IT-Dienstleister', `name: 'IT <script>alert(1)</script> "onerror=alert(2)'`);
    edit(root, 'massnahmen/i-01.mdx', 'titel: WLAN ausbauen', `titel: 'WLAN <img src=x onerror=alert(3)>'`);
    const result = build(content, 'dist-escape');
    expect(result.status, result.stderr).toBe(0);
    for (const file of ['akteure/it/index.html', 'akteure/index.html', 'massnahmen/i-01/index.html', 'massnahmen/index.html']) {
      // Parsed as a browser would: no element carries the injected handler or script.
      const doc = parse(readFileSync(join(root, 'dist-escape', file), 'utf8'));
      expect(doc.querySelectorAll('[onerror]').length, file).toBe(0);
      expect(doc.querySelectorAll('img[src="x"]').length, file).toBe(0);
      expect(doc.querySelectorAll('script').filter((s) => s.text.includes('alert')).length, file).toBe(0);
    }
    expect(readFileSync(join(root, 'dist-escape', 'akteure/it/index.html'), 'utf8')).toContain('IT &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(readFileSync(join(root, 'dist-escape', 'massnahmen/i-01/index.html'), 'utf8')).toContain('WLAN &lt;img src=x onerror=alert(3)&gt;');
  });
});

describe('Weiterleitungen', () => {
  it('bricht ab, wenn eine Weiterleitung ins Leere führt', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    write(root, 'weiterleitungen.yaml', '- von: /kapitel/alt/\n  nach: /kapitel/vorwort/\n- von: /kapitel/frueher/\n  nach: /kapitel/gibt-es-nicht/\n');
    const insLeere = build(content, 'dist-weiter');
    expect(insLeere.status).not.toBe(0);
    expect(insLeere.stdout + insLeere.stderr).toContain(
      `${content}/weiterleitungen.yaml:3, Eintrag „/kapitel/frueher/“, Feld „nach“: erwartet eine Seite, die der Plan erzeugt; gefunden: /kapitel/gibt-es-nicht/ (gibt es nicht)`,
    );
  });
});

/**
 * Drafts from `npm run neu` in a real build: the plan builds at once, the drafts are not
 * published (no page, no link, not in the search index), and the build names them as hints.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { copyFixture, PROJECT } from '../helpers/fixture.ts';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { cacheOrdner } from '../../src/plan/aktuell.ts';
import { site } from '../helpers/dist.ts';

const copies: string[] = [];
afterAll(() => copies.flatMap((dir) => [dir, cacheOrdner(PROJECT, join(dir, 'content'))]).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('Entwürfe im Build', () => {
  it('baut einen Plan mit neu angelegten Entwürfen sofort und veröffentlicht sie nicht', () => {
    const root = copyFixture(true);
    copies.push(root);
    const content = `${relative(PROJECT, root)}/content`;
    const neu = (...args: string[]) => execFileSync(process.execPath, ['src/cli/neu.ts', ...args, '--inhalt', content], { cwd: PROJECT, encoding: 'utf8' });
    neu('massnahme', 'WLAN für Turnhallen', '--handlungsfeld', 'infrastruktur');
    neu('akteur', 'Medienzentrum des Kreises');
    neu('kapitel', 'Ausblick');
    // Without the PDF: this test looks at the pages, the search index and the log. The plan made
    // with „neu plan“ below is still built with its PDF (printing an almost empty plan).
    const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', join(root, 'dist')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PLANWERK_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_PDF: '0' },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/massnahmen\/i-03\.mdx.*Feld „entwurf“.*Entwurf; er erscheint nicht auf der Website/);
    const gebaut = site(join(root, 'dist'));
    const seiten = gebaut.allPages();
    expect(seiten).toContain('/massnahmen/i-01/');
    for (const pfad of ['/massnahmen/i-03/', '/akteure/medienzentrum-des-kreises/', '/kapitel/ausblick/']) {
      expect(seiten, pfad).not.toContain(pfad);
      for (const s of seiten) expect(gebaut.page(s).querySelector(`a[href="${pfad}"]`), `${s} → ${pfad}`).toBeNull();
    }
    const index = readFileSync(join(root, 'dist', 'massnahmen', 'index.html'), 'utf8');
    expect(index).not.toContain('WLAN für Turnhallen');
    expect(existsSync(join(root, 'dist', 'pagefind'))).toBe(true);
  });

  it('baut einen mit „neu plan“ angelegten Plan sofort, mit Hinweisen statt erfundener Angaben', () => {
    const tmp = join(PROJECT, '.tmp');
    mkdirSync(tmp, { recursive: true });
    const root = mkdtempSync(join(tmp, 'neuer-plan-'));
    const ordner = `${relative(PROJECT, root)}/plan`;
    onTestFinished(() => [root, cacheOrdner(PROJECT, join(root, 'plan'))].forEach((dir) => rmSync(dir, { recursive: true, force: true })));
    const angelegt = execFileSync(process.execPath, ['src/cli/neu.ts', 'plan', 'Gemeinde Südheide', '--ordner', ordner], { cwd: PROJECT, encoding: 'utf8' });
    expect(angelegt).toContain(`PLANWERK_CONTENT=${ordner} npm run build`);
    const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', join(root, 'dist')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PLANWERK_CONTENT: ordner, ASTRO_TELEMETRY_DISABLED: '1' },
    });
    const log = result.stdout + result.stderr;
    expect(result.status, log).toBe(0);
    // Empty collections are no reason for English framework warnings.
    expect(log).not.toContain('does not exist or is empty');
    for (const feld of ['impressum', 'datenschutz', 'barrierefreiheit']) expect(log).toMatch(new RegExp(`plan\\.yaml, Feld „${feld}“: erwartet .*eine öffentliche Website braucht sie`));
    const gebaut = site(join(root, 'dist'));
    expect(gebaut.page('/').querySelector('h1')?.text).toBe('Gemeinde Südheide');
    expect(gebaut.page('/').text).toContain('Fassung und Planungszeitraum: nicht festgelegt');
    for (const [pfad, fehlt] of [['/impressum/', 'impressum'], ['/datenschutz/', 'datenschutz'], ['/barrierefreiheit/', 'barrierefreiheit']] as const) {
      expect(gebaut.page(pfad).querySelector(`[data-fehlt="${fehlt}"]`)?.text, pfad).toMatch(/noch nicht eingetragen/);
    }
    // No repository given: no edit link; and nothing invented (no licence, no publisher).
    expect(gebaut.page('/').text).not.toContain('Seite bearbeiten');
    expect(gebaut.page('/').querySelector('.lizenz')).toBeNull();
    // Every internal link leads to a page of the site.
    const seiten = gebaut.allPages();
    expect(seiten).toEqual(expect.arrayContaining(['/', '/impressum/', '/datenschutz/', '/barrierefreiheit/']));
    for (const s of seiten) {
      for (const a of gebaut.page(s).querySelectorAll('a[href^="/"]')) {
        const href = a.getAttribute('href')!;
        expect(existsSync(gebaut.fileFor(href)), `${s} → ${href}`).toBe(true);
      }
    }
  });
});

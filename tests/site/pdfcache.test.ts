/**
 * A rebuild that changed nothing printed does not print the PDF again (src/ausgabe/pdfcache.ts):
 * the real build (`src/cli/bauen.ts`) of a copied fixture, three times: first printed, then unchanged
 * (the PDF comes from the plan's cache folder, same bytes, the build says so), then with a changed
 * Maßnahme text, which prints again and shows the new text. Skipped without Chromium.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyFixture, edit, PROJECT } from '../helpers/fixture.ts';
import { cacheOrdner } from '../../src/plan/aktuell.ts';
import { browserVerfuegbar } from '../helpers/browser.ts';
import { ladePdf, ohneLeerraum, seitentexte } from '../helpers/pdf.ts';

const CACHE_ZEILE = 'PDF der Druckfassung unverändert, aus dem Cache übernommen';

describe.skipIf(!browserVerfuegbar())('PDF der Druckfassung aus dem Cache', () => {
  const root = copyFixture(true);
  const content = join(root, 'content');
  afterAll(() => [root, cacheOrdner(PROJECT, content)].forEach((d) => rmSync(d, { recursive: true, force: true })));

  const bauen = () => {
    const lauf = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', join(relative(PROJECT, root), 'dist')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PLANWERK_CONTENT: relative(PROJECT, content), PLANWERK_PDF: '', ASTRO_TELEMETRY_DISABLED: '1' },
    });
    expect(lauf.status, lauf.stdout + lauf.stderr).toBe(0);
    return { ausgabe: lauf.stdout, pdf: readFileSync(join(root, 'dist', 'druckfassung', 'plan.pdf')) };
  };
  const text = async (pdf: Buffer) => ohneLeerraum((await seitentexte(await ladePdf(new Uint8Array(pdf)))).flatMap((s) => s.stuecke.map((t) => t.text)).join(''));

  it('druckt beim ersten Bau, übernimmt das PDF unverändert beim zweiten und druckt nach einer Textänderung neu', async () => {
    const erster = bauen();
    expect(erster.ausgabe).toMatch(/PDF der Druckfassung, \d+ Seiten/);
    expect(erster.ausgabe).not.toContain(CACHE_ZEILE);

    const zweiter = bauen();
    expect(zweiter.ausgabe).toContain(CACHE_ZEILE);
    expect(zweiter.pdf.equals(erster.pdf)).toBe(true);

    edit(root, 'massnahmen/i-01.mdx', 'Alle Schulen erhalten WLAN.', 'Alle Schulen erhalten Glasfaser und WLAN.');
    const dritter = bauen();
    expect(dritter.ausgabe).not.toContain(CACHE_ZEILE);
    expect(dritter.ausgabe).toMatch(/PDF der Druckfassung, \d+ Seiten/);
    expect(dritter.pdf.equals(erster.pdf)).toBe(false);
    expect(await text(dritter.pdf)).toContain(ohneLeerraum('Alle Schulen erhalten Glasfaser und WLAN.'));
    expect(await text(erster.pdf)).not.toContain(ohneLeerraum('Glasfaser'));
  }, 600_000);
});

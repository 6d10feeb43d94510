/**
 * External links on the built sites: the register links.json of each sample plan lists exactly the
 * links the plan cites (with their files), and the page „Daten und Quellen“ shows each link with the
 * pages that use it and what the register knows. A copy of the minimal plan with dated register
 * entries shows „geprüft am …“ and the finding of the last check. Nothing is requested.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { site } from '../helpers/dist.ts';
import { append, copyFixture, edit, modelOf, PROJECT } from '../helpers/fixture.ts';
import { externeLinks, leseLinkregister, quellenVon } from '../../src/plan/links.ts';
import { planLocation } from '../../src/plan/sources.ts';
import { verwendung } from '../../src/ausgabe/externelinks.ts';
import { formatDate } from '../../src/plan/format.ts';

describe.each(BEISPIELPLAENE)('Externe Links: $name', (plan) => {
  const ort = planLocation(join(PROJECT, plan.inhalt), PROJECT);
  const linksDesPlans = () => {
    const { register, problems } = leseLinkregister(ort);
    expect(problems).toEqual([]);
    return { register, links: externeLinks(plan.modell(), register) };
  };

  it('das Register links.json nennt genau die Links des Plans mit ihren Dateien', () => {
    const { register, links } = linksDesPlans();
    expect(links.length).toBeGreaterThan(0);
    expect(register.map((e) => [e.url, e.quellen])).toEqual(links.map((l) => [l.url, quellenVon(l)]));
  });

  it('„Daten und Quellen“ zeigt jeden Link, wo er verwendet wird, und was die Prüfung weiß', () => {
    const { links } = linksDesPlans();
    const seite = plan.site.page('/daten/');
    expect(seite.querySelector('#externe-links')?.text).toBe('Externe Links');
    const zeilen = seite.querySelectorAll('tr[data-link]');
    expect(zeilen.map((z) => z.getAttribute('data-link'))).toEqual(links.map((l) => l.url));
    for (const link of links) {
      const zeile = zeilen.find((z) => z.getAttribute('data-link') === link.url)!;
      expect(zeile.querySelector('th a')?.getAttribute('href')).toBe(link.url);
      const verwendet = zeile.querySelectorAll('td')[0]!;
      for (const f of link.fundstellen) {
        const v = verwendung(plan.modell(), f);
        if (v.pfad) expect(verwendet.querySelector(`a[href="${plan.href(v.pfad)}"]`)?.text, `${link.url} in ${f.datei}`).toBe(v.titel);
        else expect(verwendet.text).toContain(v.titel);
      }
      const pruefung = zeile.querySelector('td.link-pruefung')!.text;
      expect(pruefung).toContain(link.register?.geprueft ? `geprüft am ${formatDate(link.register.geprueft)}` : 'noch nicht geprüft');
    }
  });
});

describe('Externe Links aus den Texten', () => {
  it('ein Link im Text eines Kapitels erscheint mit der Seite des Kapitels', () => {
    const [musterstadt] = BEISPIELPLAENE;
    const zeile = musterstadt!.site.page('/daten/').querySelector('tr[data-link="https://www.medienberatung.land.example/medienkonzept"]');
    expect(zeile?.querySelector('td a')?.getAttribute('href')).toBe('/kapitel/ausgangslage/');
  });
});

describe('Externe Links mit Prüfdatum', () => {
  it('zeigt „geprüft am …“, den Befund der letzten Prüfung und „noch nicht geprüft“', () => {
    const root = copyFixture(true);
    edit(root, 'akteure.yaml', '  name: Schulverwaltungsamt\n', '  name: Schulverwaltungsamt\n  url: https://amt.teststadt.example/\n');
    edit(root, 'akteure.yaml', '  name: IT-Dienstleister\n', '  name: IT-Dienstleister\n  url: https://it.teststadt.example/\n');
    edit(root, 'massnahmen/i-01.mdx', 'prioritaet: hoch\n', 'prioritaet: hoch\nbeschluss: { nummer: "V-7/2026", url: "https://rat.teststadt.example/v-7" }\n');
    append(root, 'kapitel/vorwort.mdx', '\n\nDie [Förderrichtlinie](https://foerderung.land.example/richtlinie) und das [Portal](https://portal.land.example/).\n');
    writeFileSync(
      join(root, 'content', 'links.json'),
      JSON.stringify([
        { url: 'https://amt.teststadt.example/', geprueft: '2026-11-29', zuletzt: '2026-11-29', status: 'erreichbar', quellen: ['akteure.yaml'] },
        { url: 'https://rat.teststadt.example/v-7', geprueft: '2026-11-28', quellen: ['massnahmen/i-01.mdx'] },
        { url: 'https://datenschutz.land.example', geprueft: '2026-11-30', zuletzt: '2026-11-30', status: 'erreichbar', http: 200, quellen: ['plan.yaml'] },
        { url: 'https://foerderung.land.example/richtlinie', geprueft: '2026-06-01', zuletzt: '2026-11-30', status: 'nicht-erreichbar', http: 404, quellen: ['kapitel/vorwort.mdx'] },
      ]),
    );
    const content = `${relative(PROJECT, root)}/content`;
    const result = spawnSync(process.execPath, ['src/cli/bauen.ts', '--outDir', join(root, 'dist')], {
      cwd: PROJECT,
      encoding: 'utf8',
      env: { ...process.env, PLANWERK_CONTENT: content, ASTRO_TELEMETRY_DISABLED: '1', PLANWERK_PDF: '0' },
    });
    expect(result.status, result.stdout + result.stderr).toBe(0);
    const seite = site(join(root, 'dist')).page('/daten/');
    const pruefung = (url: string) => seite.querySelector(`tr[data-link="${url}"] td.link-pruefung`)?.text.replace(/\s+/g, ' ').trim();
    expect(pruefung('https://datenschutz.land.example')).toBe('geprüft am 30.11.2026');
    expect(pruefung('https://foerderung.land.example/richtlinie')).toBe('geprüft am 01.06.2026 bei der Prüfung am 30.11.2026 nicht erreichbar (HTTP 404)');
    expect(pruefung('https://portal.land.example/')).toBe('noch nicht geprüft');
    // Beside the link on the actor's page: the date when there is one, nothing when there is none.
    const gebaut = site(join(root, 'dist'));
    expect(gebaut.page('/akteure/schulamt/').querySelector('.link-geprueft')?.text).toBe('(geprüft am 29.11.2026)');
    expect(gebaut.page('/akteure/it/').querySelector('a[href="https://it.teststadt.example/"]')).not.toBeNull();
    expect(gebaut.page('/akteure/it/').querySelector('.link-geprueft')).toBeNull();
    expect(gebaut.page('/massnahmen/i-01/').querySelector('.link-geprueft')?.text).toBe('(geprüft am 28.11.2026)');
    // Every link of the plan is listed, checked or not.
    expect(seite.querySelectorAll('tr[data-link]').length).toBe(externeLinks(modelOf(root)).length);
  });
});

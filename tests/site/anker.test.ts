/** Permanent anchors of the sample plan: the register is current and former ids still resolve. */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fehlendeAnker, fortgeschriebenesRegister, leseRegister, REGISTER_DATEI, sammleAnker } from '../../src/lib/anker.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { DIST, fileFor, page } from '../helpers/dist.ts';

describe('Ankerregister', () => {
  const register = leseRegister(join(PROJECT, 'content', REGISTER_DATEI))!;
  const aktuell = sammleAnker(DIST);

  it('ist eingecheckt und enthält jede Seite und jeden Anker des Builds (sonst: npm run anker)', () => {
    expect(register).toBeDefined();
    expect(fortgeschriebenesRegister(register, aktuell)).toEqual(register);
  });

  it('wird vom Build vollständig erfüllt', () => {
    expect(fehlendeAnker(register, aktuell)).toEqual([]);
  });

  it('hält frühere Überschriften-, Ziel- und Maßnahmen-IDs am neuen Ort', () => {
    expect(page('/kapitel/ausgangslage/').querySelector('h2#endgeraete > span#ausstattung-endgeraete')).not.toBeNull();
    expect(page('/handlungsfelder/infrastruktur/').querySelector('li#i-z1 > span#ziel-1-1')).not.toBeNull();
    expect(page('/massnahmen/').querySelector('article[aria-labelledby="i-05"] > span#s-05')).not.toBeNull();
  });

  it('leitet umgezogene Seiten weiter', () => {
    for (const [von, nach] of [['/massnahmen/s-05/', '/massnahmen/i-05/'], ['/kapitel/bestandsaufnahme/', '/kapitel/ausgangslage/']]) {
      const html = readFileSync(fileFor(von!), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${nach}">`);
      expect(html).toMatch(new RegExp(`<link rel="canonical" href="[^"]*${nach}"`));
    }
  });
});

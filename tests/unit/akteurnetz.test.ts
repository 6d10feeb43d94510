/** One actor's relations as a picture (src/ausgabe/charts/akteurnetz.ts), drawn from the sample plan's actors. */
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { akteurNetz, NETZ_WIDTH } from '../../src/ausgabe/charts/akteurnetz.ts';
import { beziehungen, beziehungsart } from '../../src/rechnen/akteure.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';

const model = modelOf(PROJECT);

function netzVon(id: string) {
  const a = model.akteure.find((x) => x.id === id)!;
  const rel = beziehungen(model, id);
  const svg = akteurNetz({ id: `netz-${id}`, name: a.data.name, kurz: a.data.kurzname ?? a.data.name, kanten: rel.map((b) => ({ name: b.akteur.data.name, typ: b.typ, richtung: b.richtung, art: beziehungsart(a.data.ebene, b.akteur.data.ebene, model.plan) })) });
  return { a, rel, svg };
}

describe('Beziehungsbild eines Akteurs', () => {
  const mitBeziehungen = model.akteure.filter((a) => beziehungen(model, a.id).length > 0);

  it('zeichnet jede Beziehung mit ihrem Partner und ihrer Art, eingehende über, ausgehende unter dem Akteur', () => {
    expect(mitBeziehungen.length).toBeGreaterThan(5);
    for (const { id } of mitBeziehungen) {
      const { a, rel, svg } = netzVon(id);
      const root = parse(svg!);
      const partner = root.querySelectorAll('rect.pw-netz-partner');
      expect(partner.length, id).toBe(rel.length);
      const namen = root.querySelectorAll('.pw-netz-name').map((t) => t.text.replace(/-(?=\p{Ll})/gu, '').replace(/\s+/g, ' '));
      // A label may take several lines (text elements at the same edge); join them per row, in order.
      const typen: string[] = [];
      let zuletzt = -1;
      for (const t of root.querySelectorAll('.pw-netz-typ')) {
        const y = Number(t.getAttribute('y'));
        const reihe = partner.findIndex((r) => y >= Number(r.getAttribute('y')) - 4 && y <= Number(r.getAttribute('y')) + Number(r.getAttribute('height')) + 4);
        if (reihe === zuletzt) typen[typen.length - 1] += ` ${t.text}`;
        else typen.push(t.text);
        zuletzt = reihe;
      }
      const mitte = Number(root.querySelector('rect.pw-netz-mitte')!.getAttribute('y'));
      rel.forEach((b) => {
        // Rows come incoming first, then outgoing, each in the plan's order.
        const reihe = [...rel.filter((x) => x.richtung === 'ein'), ...rel.filter((x) => x.richtung === 'aus')].indexOf(b);
        expect(namen[reihe]!.replace(/ /g, ''), `${id}: ${b.akteur.id}`).toBe(b.akteur.data.name.replace(/ /g, ''));
        expect(typen[reihe]!.replace(/ /g, ''), `${id}: ${b.akteur.id}`).toBe(b.typ.replace(/ /g, ''));
        const y = Number(partner[reihe]!.getAttribute('y'));
        expect(b.richtung === 'ein' ? y < mitte : y > mitte, `${id}: ${b.akteur.id} ${b.richtung}`).toBe(true);
      });
      expect(root.querySelector('.pw-netz-mitte-name')!.text.replace(/\s|-/g, '')).toBe(a.data.name.replace(/\s|-/g, ''));
    }
  });

  it('bleibt auf einem 320-px-Telefon lesbar: keine Schrift unter 12 px, nichts ragt über den Rand', () => {
    for (const { id } of mitBeziehungen) {
      const root = parse(netzVon(id).svg!);
      const groesse = Number(root.querySelector('svg')!.getAttribute('font-size'));
      expect((groesse * 288) / NETZ_WIDTH, id).toBeGreaterThanOrEqual(12);
      for (const r of root.querySelectorAll('rect')) expect(Number(r.getAttribute('x')) + Number(r.getAttribute('width')), id).toBeLessThanOrEqual(NETZ_WIDTH);
    }
  });

  it('zeichnet eine Beziehung ohne Art (ein Akteur ohne Gruppe) schlicht, weder als vertikal noch als horizontal', () => {
    const svg = akteurNetz({
      id: 'netz-x',
      name: 'Schulverwaltungsamt',
      kurz: 'Amt',
      kanten: [
        { name: 'Förderverein', typ: 'berät', richtung: 'ein' },
        { name: 'IT-Dienstleister', typ: 'beauftragt', richtung: 'aus', art: 'horizontal' },
      ],
    })!;
    // The edges run across (the spine runs down): incoming first, then outgoing.
    const kanten = parse(svg).querySelectorAll('line.pw-netz-kante').filter((l) => l.getAttribute('y1') === l.getAttribute('y2'));
    expect(kanten.map((l) => l.getAttribute('class'))).toEqual(['pw-netz-kante', 'pw-netz-kante pw-netz-horizontal']);
    expect(svg).not.toContain('vertikal');
  });

  it('gibt es nicht für einen Akteur ohne Beziehungen', () => {
    expect(akteurNetz({ id: 'netz-x', name: 'X', kurz: 'X', kanten: [] })).toBeUndefined();
  });
});

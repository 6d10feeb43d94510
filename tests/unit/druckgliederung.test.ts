/**
 * The order and numbers of the Druckfassung (druckGliederung), on small plans made for it: the
 * plan's chapters with the Handlungsfelder where the plan numbers them, chapters below
 * sub-chapters on the second level, and Planwerk's additions last.
 */
import { describe, expect, it } from 'vitest';
import { copyFixture, edit, modelOf, write } from '../helpers/fixture.ts';
import { druckGliederung } from '../../src/ausgabe/druckfassung.ts';

const feld = (nummer: string, reihenfolge: number) =>
  `---\ntitel: Feld ${nummer}\nkurzbeschreibung: Kurz.\nreihenfolge: ${reihenfolge}\nnummer: "${nummer}"\n---\nText.\n`;
const kapitel = (titel: string, nummer: string, reihenfolge: number, eltern?: string) =>
  `---\ntitel: ${titel}\nreihenfolge: ${reihenfolge}\nnummer: "${nummer}"\n${eltern ? `eltern: ${eltern}\n` : ''}---\nText.\n`;

describe('Gliederung der Druckfassung', () => {
  it('folgt den Nummern des Plans: Handlungsfelder unter ihrem Kapitel, ein Feld der obersten Ebene als eigenes Kapitel', () => {
    const root = copyFixture();
    edit(root, 'kapitel/vorwort.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "1"');
    write(root, 'kapitel/felder.mdx', kapitel('Handlungsfelder', '5', 3));
    write(root, 'kapitel/ziele.mdx', kapitel('Ziele', '3', 2));
    write(root, 'kapitel/ziele-schule.mdx', kapitel('Ziele Schule', '3.1', 1, 'ziele'));
    write(root, 'kapitel/ziele-gs.mdx', kapitel('Ziele Grundschule', '3.1.1', 1, 'ziele-schule'));
    edit(root, 'handlungsfelder/infrastruktur.mdx', 'reihenfolge: 1', 'reihenfolge: 2\nnummer: "5.2"');
    write(root, 'handlungsfelder/support.mdx', feld('5.1', 1));
    write(root, 'handlungsfelder/fortbildung.mdx', feld('7', 3));
    const teile = druckGliederung(modelOf(root), () => true);
    const plan = teile.slice(0, teile.findIndex((t) => t.anker === 'massnahmen'));
    expect(plan.map((t) => [t.ebene, t.nummer, t.anker])).toEqual([
      [1, '1', 'kapitel-vorwort'],
      [1, '3', 'kapitel-ziele'],
      [2, '3.1', 'kapitel-ziele-schule'],
      // A chapter below a sub-chapter is printed on the second level, after it.
      [2, '3.1.1', 'kapitel-ziele-gs'],
      [1, '5', 'kapitel-felder'],
      [2, '5.1', 'handlungsfeld-support'],
      [2, '5.2', 'handlungsfeld-infrastruktur'],
      [1, '7', 'handlungsfeld-fortbildung'],
      // The Schulträger's decisions (entscheidungen.yaml) before the catalogue, lettered after the plan's own numbers.
      [1, 'A', 'entscheidungen'],
      [2, 'A.1', 'entscheidung-netz'],
    ]);
    // No further Handlungsfelder part: every field has its place. The additions come last, lettered.
    expect(teile.some((t) => t.anker === 'handlungsfelder')).toBe(false);
    const erste = teile.findIndex((t) => t.ergaenzung);
    expect(teile.slice(erste).every((t) => t.ergaenzung && /^[A-Z]/.test(t.nummer ?? 'A'))).toBe(true);
  });

  it('lässt kein Handlungsfeld aus, dessen Kapitel nicht gedruckt wird, und zählt ohne Nummern des Plans durch', () => {
    const root = copyFixture();
    edit(root, 'kapitel/vorwort.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "5"');
    edit(root, 'handlungsfelder/infrastruktur.mdx', 'reihenfolge: 1', 'reihenfolge: 1\nnummer: "5.1"');
    const model = modelOf(root);
    const ohneKapitel = druckGliederung(model, (pfad) => !pfad.startsWith('/kapitel/'));
    expect(ohneKapitel.find((t) => t.anker === 'handlungsfeld-infrastruktur')).toBeDefined();
    // Without numbers of the plan, Planwerk numbers on: 1, 2, 2.1 …
    const ohneNummern = druckGliederung(modelOf(copyFixture()), () => true);
    expect(ohneNummern.filter((t) => t.ebene === 1).map((t) => t.nummer)).toEqual(ohneNummern.filter((t) => t.ebene === 1).map((_, i) => String(i + 1)));
  });
});

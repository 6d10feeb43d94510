/**
 * What the link check before the build knows about the built site must be true of it: every
 * anchor the model predicts for a page (src/ausgabe/seitenanker.ts) is on that page, every page
 * the model lists is built, every section of the tree and every `<Abschnitt>` link leads to
 * an element that exists. Run on both sample plans, so the prediction cannot drift from the
 * page templates.
 */
import { describe, expect, it } from 'vitest';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { seitenanker, HAUPTANKER } from '../../src/ausgabe/seitenanker.ts';
import { seitenImModell } from '../../src/ausgabe/weiterleitungen.ts';
import { abschnittPfad, abschnittsbaum, abschnittTitel } from '../../src/plan/abschnitte.ts';
import { ohneBasis, seite } from '../../src/plan/urls.ts';

for (const plan of BEISPIELPLAENE) {
  describe(`Linkziele von ${plan.name}`, () => {
    const model = plan.modell();
    const { page, allPages } = plan.site;
    const idsAuf = (pfad: string) => new Set(page(pfad).querySelectorAll('[id]').map((e) => e.getAttribute('id')!));

    it('hat jeden Anker, den das Modell für eine Seite vorhersagt, im gebauten HTML dieser Seite', () => {
      const fehlend: string[] = [];
      let anzahl = 0;
      for (const [pfad, ids] of seitenanker(model)) {
        const da = idsAuf(pfad);
        for (const id of ids) {
          anzahl += 1;
          if (!da.has(id)) fehlend.push(`${pfad}#${id}`);
        }
      }
      expect(fehlend).toEqual([]);
      // The prediction covers a real share of the site: goals, Maßnahmen, headings, glossary …
      expect(anzahl).toBeGreaterThan(150);
    });

    it('baut jede Seite, die das Modell kennt, jede mit dem Hauptanker', () => {
      const gebaut = new Set(allPages());
      const { pfade } = seitenImModell(model);
      expect([...pfade].filter((p) => !gebaut.has(p))).toEqual([]);
      for (const p of pfade) expect(page(p).getElementById(HAUPTANKER)?.tagName, p).toBe('MAIN');
    });

    it('führt jeden Abschnitt des Baums und jeden <Abschnitt>-Link zu einem Element, das es gibt', () => {
      const baum = abschnittsbaum(model);
      for (const a of baum.reihenfolge) {
        if (a.anker) expect(idsAuf(a.seite).has(a.anker), abschnittPfad(a)).toBe(true);
        else expect(page(a.seite).querySelector('h1')?.text, a.nummer).toContain(a.titel);
      }
      const links = allPages().flatMap((p) => page(p).querySelectorAll('main a[data-abschnitt]').map((a) => ({ p, a })));
      for (const { p, a } of links) {
        const ziel = baum.nachNummer.get(a.getAttribute('data-abschnitt')!)!;
        expect(ziel, `${p}: ${a.outerHTML}`).toBeDefined();
        if (p === seite.druckfassung()) {
          // The Druckfassung takes the link as any other site link and points it to its own part.
          const href = a.getAttribute('href')!;
          expect(href, a.outerHTML).toMatch(/^#/);
          expect(idsAuf(p).has(href.slice(1)), href).toBe(true);
          continue;
        }
        expect(a.getAttribute('href'), p).toBe(plan.href(abschnittPfad(ziel)));
        expect(a.getAttribute('title'), p).toBe(abschnittTitel(ziel));
        const [pfad, anker] = ohneBasis(a.getAttribute('href')!, plan.basis)!.split('#') as [string, string | undefined];
        if (anker) expect(idsAuf(pfad).has(anker), a.getAttribute('href')!).toBe(true);
      }
      if (baum.reihenfolge.some((a) => a.art === 'unterabschnitt')) {
        expect(links.filter((l) => l.p !== seite.druckfassung()).length, 'der Beispielplan nutzt <Abschnitt>').toBeGreaterThan(0);
        expect(links.filter((l) => l.p === seite.druckfassung()).length, 'die Druckfassung enthält die Links').toBeGreaterThan(0);
      }
    });

    it('zeigt an jeder Maßnahme ihre Zielsetzungen und Abschnitte als Links mit Nummer und Titel', () => {
      const baum = abschnittsbaum(model);
      for (const m of model.massnahmen) {
        for (const [feld, nummern] of [['zielsetzungen', m.data.zielsetzungen], ['abschnitte', m.data.abschnitte]] as const) {
          for (const nummer of nummern) {
            const a = baum.nachNummer.get(nummer)!;
            const link = page(seite.massnahme(m.id)).querySelector(`#${feld} + ul a[href="${plan.href(abschnittPfad(a))}"]`);
            expect(link?.text, `${m.id} ${feld} → ${nummer}`).toBe(abschnittTitel(a));
          }
        }
      }
    });
  });
}

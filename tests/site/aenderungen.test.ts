/** Editions, change notes, review dates and git dates in the built sample site. */
import { beforeAll, describe, expect, it } from 'vitest';
import { vergleiche } from '../../src/rechnen/aenderungen.ts';
import { prognose } from '../../src/rechnen/prognose.ts';
import { gitDaten, letzteAenderung } from '../../src/plan/git.ts';
import { heute, istUeberfaellig } from '../../src/plan/pflege.ts';
import { formatDate } from '../../src/plan/format.ts';
import { url } from '../../src/plan/urls.ts';
import type { PlanModel } from '../../src/plan/model.ts';
import { modelOf, PROJECT } from '../helpers/fixture.ts';
import { allPages, page } from '../helpers/dist.ts';

let model: PlanModel;
beforeAll(() => {
  model = modelOf(PROJECT);
});

describe('Änderungen', () => {
  it('listet neue, abgeschlossene, geänderte und entfallene Maßnahmen wie berechnet', () => {
    expect(model.fassungen.length).toBeGreaterThan(0);
    for (const f of model.fassungen) {
      const v = vergleiche(model, f, prognose(model));
      const section = page(url.aenderungen()).querySelector(`section[data-fassung="${f.id}"]`)!;
      const ids = (liste: string) => section.querySelectorAll(`ul[data-liste="${liste}"] li`).map((li) => li.getAttribute('data-id'));
      expect(ids('neu')).toEqual(v.neu.map((m) => m.id));
      expect(ids('abgeschlossen')).toEqual(v.abgeschlossen.map((m) => m.id));
      expect(ids('status')).toEqual(v.statusGeaendert.map((m) => m.id));
      expect(ids('entfallen')).toEqual(v.entfallen.map((m) => m.id));
      expect(v.entfallen.length + v.neu.length + v.abgeschlossen.length).toBeGreaterThan(0);
    }
  });

  it('zeigt Änderungshinweise auf der Seite und auf der Änderungsseite', () => {
    for (const k of model.kapitel.filter((x) => x.data.aenderungshinweis)) {
      expect(page(url.kapitel(k.id)).querySelector('.hinweis-aenderung')?.text).toContain(k.data.aenderungshinweis!.text);
      expect(page(url.aenderungen()).text).toContain(k.data.aenderungshinweis!.text);
    }
  });

  it('zeigt einen Hinweis genau auf den Seiten, deren Überprüfung überfällig ist', () => {
    const heute_ = heute();
    for (const h of model.handlungsfelder) {
      const ueberfaellig = h.data.pflege ? istUeberfaellig(h.data.pflege.naechstePruefung, heute_) : false;
      expect(page(url.handlungsfeld(h.id)).querySelector('.hinweis-pruefung') !== null, h.id).toBe(ueberfaellig);
    }
  });

  it('setzt Hinweise zur Seite direkt unter ihren Titel, damit der Titel auf dem Telefon zuerst zu sehen ist', () => {
    const seiten = [
      ...model.kapitel.filter((k) => k.data.aenderungshinweis).map((k) => url.kapitel(k.id)),
      ...model.handlungsfelder.filter((h) => h.data.pflege && istUeberfaellig(h.data.pflege.naechstePruefung, heute())).map((h) => url.handlungsfeld(h.id)),
    ];
    expect(seiten.length).toBeGreaterThan(0);
    for (const pfad of seiten) {
      for (const hinweis of page(pfad).querySelectorAll('main .hinweis-aenderung, main .hinweis-pruefung')) {
        let davor = hinweis.previousElementSibling;
        while (davor?.classList.contains('hinweis-aenderung') || davor?.classList.contains('hinweis-pruefung')) davor = davor.previousElementSibling;
        expect(davor?.tagName, pfad).toBe('H1');
      }
    }
  });

  it('zeigt den Status einer Maßnahme über die Fassungen', () => {
    const m = model.massnahmen.find((x) => x.data.statusverlauf.length > 0)!;
    expect(page(url.massnahme(m.id)).querySelectorAll('ol.statusverlauf li').length).toBeGreaterThan(m.data.statusverlauf.length);
  });
});

describe('Zuletzt geändert', () => {
  it('nimmt das Datum aus der git-Historie der Quelldatei (oder den Stand des Plans ohne git)', () => {
    const git = gitDaten(PROJECT);
    for (const path of allPages().filter((p) => p.startsWith('/kapitel/'))) {
      const time = page(path).querySelector('.site-footer .stand time[data-quelle]')!;
      const id = path.split('/')[2]!;
      const file = model.kapitel.find((k) => k.id === id)!.file;
      const expected = git.ohneGit ? model.plan.stand : (letzteAenderung(git, file) ?? model.plan.stand);
      expect(time.getAttribute('datetime'), path).toBe(expected);
      expect(time.text).toBe(formatDate(expected));
      expect(time.getAttribute('data-quelle')).toBe(git.ohneGit ? 'stand' : 'git');
    }
  });
});

/**
 * Survey rounds on the built Musterstadt site: the similar schools on every school page and each
 * stated reason, checked against both schools' raw answers with medians computed here; the
 * council's account against sums of the raw CSV cells; internal fields never per school; the
 * closed school's page and its successor.
 */
import { describe, expect, it } from 'vitest';
import { MUSTERSTADT } from '../helpers/plaene.ts';
import { url } from '../../src/plan/urls.ts';
import { erhebungsdaten } from '../../src/rechnen/erhebungen.ts';
import { aehnlichkeiten } from '../../src/rechnen/aehnlichkeit.ts';

const model = MUSTERSTADT.modell();
const { page } = MUSTERSTADT.site;
const daten = erhebungsdaten(model);
const letzte = daten.runden.at(-1)!;

/** A cell as the CSV has it, read here without Planwerk's reader: "1.234,5" → 1234.5, "" → undefined. */
const zahl = (text: string | undefined) => (text ? Number(text.replaceAll('.', '').replace(',', '.')) : undefined);
const zeilen = (runde: string) => model.erhebungswerte.filter((z) => z.data.tabelle === runde);
const roh = new Map(zeilen(letzte.id).map((z) => [z.data.zeile, z.data.werte]));
const schulformVon = (id: string) => model.schulen.find((s) => s.id === id)!.data.schulform.id;
const mitte = (werte: number[]) => {
  const s = [...werte].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

/** Whether a school has a trait, decided from its raw answers alone. */
function hat(schule: string, merkmal: string): boolean {
  const w = roh.get(schule)!;
  const [art, id] = merkmal.split(':') as [string, string];
  if (art === 'bedarf') return w[`bedarf_${id}`] === 'hoch';
  const wert = (x: Record<string, string>): number | undefined => {
    switch (id) {
      case 'ausstattungsquote': return (zahl(x.endgeraete_schueler)! / zahl(x.schuelerzahl)!) * 100;
      case 'lehrkraefte-quote': return (zahl(x.endgeraete_lehrkraefte)! / zahl(x.lehrkraefte)!) * 100;
      case 'praesentationsquote': return (zahl(x.praesentationsmedien)! / zahl(x.unterrichtsraeume)!) * 100;
      case 'wlan': return zahl(x.wlan_abdeckung);
      case 'breitband': return zahl(x.breitband_mbit);
      case 'reaktionszeit': return zahl(x.reaktionszeit_h);
      default: throw new Error(`unbekanntes Merkmal ${merkmal}`);
    }
  };
  const vergleich = [...roh].filter(([s]) => id !== 'ausstattungsquote' || schulformVon(s) === schulformVon(schule)).map(([, x]) => wert(x)).filter((v): v is number => v !== undefined);
  const m = mitte(vergleich);
  return id === 'reaktionszeit' ? wert(w)! > m : wert(w)! < m;
}

describe('Schulen mit ähnlichem Bedarf', () => {
  const { aehnlich } = aehnlichkeiten(model);
  const imLetzten = [...roh.keys()];

  it('hat Schulen mit ähnlichen Schulen und Begründungen mit Kennziffern und Bedarfen (sonst prüft der Test zu wenig)', () => {
    const alle = [...aehnlich.values()].flat().flatMap((a) => a.gemeinsam.map((m) => m.id.split(':')[0]));
    expect(alle).toContain('bedarf');
    expect(alle).toContain('kennziffer');
    expect(imLetzten.filter((s) => aehnlich.get(s)!.length >= 3).length).toBeGreaterThan(imLetzten.length / 2);
  });

  for (const schule of imLetzten) {
    it(`${schule}: jede genannte Schule teilt jedes genannte Merkmal`, () => {
      const eintraege = page(url.schule(schule)).querySelectorAll('ul.aehnliche-schulen > li');
      expect(eintraege.map((li) => li.getAttribute('data-schule'))).toEqual(aehnlich.get(schule)!.map((a) => a.schule));
      for (const li of eintraege) {
        const andere = li.getAttribute('data-schule')!;
        const merkmale = li.getAttribute('data-gemeinsam')!.split(' ');
        expect(merkmale.length, andere).toBeGreaterThanOrEqual(2);
        for (const m of merkmale) {
          expect(hat(schule, m), `${schule} ${m}`).toBe(true);
          expect(hat(andere, m), `${andere} ${m}`).toBe(true);
        }
        expect(li.text).toContain('ähnlich, weil beide');
        expect(li.querySelector('a')!.getAttribute('href')).toBe(url.schule(andere));
      }
    });
  }

  it('schlägt je Bedarf mit hoher Priorität eine Gruppe vor, mit genau den Schulen, die ihn so angegeben haben', () => {
    const bedarfe = page(url.bedarfe());
    for (const b of daten.konfiguration!.bedarfe) {
      const erwartet = [...roh].filter(([, w]) => w[`bedarf_${b.id}`] === 'hoch').map(([s]) => s).sort();
      const gruppe = bedarfe.querySelector(`section#gruppe-${b.id}`);
      if (erwartet.length < 2) expect(gruppe, b.id).toBeNull();
      else expect(gruppe!.querySelectorAll('li').map((li) => li.getAttribute('data-schule')).sort(), b.id).toEqual(erwartet);
    }
  });
});

describe('Rechenschaft über die Erhebungen', () => {
  const seite = page(url.erhebungen());

  it('summiert je Runde die Zellen der CSV-Dateien', () => {
    for (const h of daten.konfiguration!.handlungsfelder) {
      for (const feld of h.felder.filter((f) => ['endgeraete_schueler', 'endgeraete_lehrkraefte', 'praesentationsmedien', 'tickets'].includes(f))) {
        for (const r of daten.runden) {
          const zelle = seite.querySelector(`section[data-handlungsfeld="${h.handlungsfeld.id}"] tr[data-feld="${feld}"] td[data-runde="${r.id}"]`)!;
          const summe = zeilen(r.id).reduce((n, z) => n + (zahl(z.data.werte[feld]) ?? 0), 0);
          if (!(feld in (zeilen(r.id)[0]?.data.werte ?? {}))) expect(zelle.text, `${feld} ${r.id}`).toBe('nicht erhoben');
          else expect(Number(zelle.getAttribute('data-wert')), `${feld} ${r.id}`).toBe(summe);
        }
      }
    }
  });

  it('nennt die Maßnahmen, die zwischen zwei Erhebungen abgeschlossen wurden', () => {
    const liste = seite.querySelectorAll('ul.rechenschaft-massnahmen li').map((li) => li.text).join('\n');
    const abgeschlossen = model.massnahmen.filter((m) => m.data.statusverlauf.some((s) => s.status === 'abgeschlossen' && s.datum > daten.runden[0]!.stichtag && s.datum <= letzte.stichtag));
    expect(abgeschlossen.length).toBeGreaterThan(0);
    for (const m of abgeschlossen.filter((x) => daten.konfiguration!.handlungsfelder.some((h) => x.data.handlungsfelder.some((f) => f.id === h.handlungsfeld.id)))) expect(liste).toContain(m.id);
  });
});

describe('Interne Angaben und aufgelöste Schulen', () => {
  it('zeigt interne Felder auf keiner Schulseite', () => {
    const namen = ['Support-Tickets', 'Schwachstellen', 'Antworten der Lehrkräftebefragung'];
    expect(daten.intern.has('tickets')).toBe(true);
    for (const s of model.schulen) {
      const text = page(url.schule(s.id)).querySelector('main')!.text;
      for (const n of namen) expect(text, `${s.id}: ${n}`).not.toContain(n);
    }
  });

  it('führt die aufgelöste Schule mit Nachfolger, auf ihrer Seite und in der Übersicht', () => {
    const alt = model.schulen.filter((s) => s.data.bis);
    expect(alt.length).toBeGreaterThan(0);
    for (const s of alt) {
      const hinweis = page(url.schule(s.id)).querySelector('[data-schule-aufgeloest]')!;
      expect(hinweis.text).toContain(s.data.bis!.split('-').reverse().join('.'));
      expect(hinweis.querySelector('a')!.getAttribute('href')).toBe(url.schule(s.data.nachfolger!.id));
      expect(page(url.schulen()).querySelector(`#aufgeloeste-schulen ~ ul li#${s.id}`)).not.toBeNull();
      expect(page(url.schule(s.data.nachfolger!.id)).querySelector('[data-vorgaenger] a')!.getAttribute('href')).toBe(url.schule(s.id));
    }
  });
});

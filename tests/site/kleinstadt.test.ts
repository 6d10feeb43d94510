/**
 * The Kleinstadt sample plan (beispiele/kleinstadt/, Stadt Wiesenhagen), as the site tests'
 * global setup builds it into .tmp/dist-kleinstadt/: what a plan of this shape must show, on
 * every built page and in the council's PDF. Its Maßnahmen have no codes, its Handlungsfelder no
 * goals and are numbered 5.1–5.4 under chapter 5, its actors belong to no group, it dates
 * everything by month, quarter, Schuljahr or year, and it publishes its finance tables with its
 * own numbers. Every expectation comes from the plan's files (through the validated model), never
 * from the output.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { HTMLElement, TextNode, type Node } from 'node-html-parser';
import { finanztabellenVon, tabellenzahl } from '../../src/rechnen/finanztabellen.ts';
import { abschnittNach, abschnittPfad } from '../../src/plan/abschnitte.ts';
import { seite } from '../../src/plan/urls.ts';
import { KLEINSTADT as plan } from '../helpers/plaene.ts';
import { ladePdf, ohneLeerraum, seitentexte, type Pdf } from '../helpers/pdf.ts';

const model = plan.modell();
const { page, allPages, dist } = plan.site;

/** A German day date as pages write it (5.3.2024, 05.03.2024), also right after a word. */
const DEUTSCHER_TAG = /(?<!\d)\d{1,2}\.\s?\d{1,2}\.\s?\d{4}(?!\d)/;
/** A code in the default form of Planwerk's samples: letters, dash, padded number (M-01, I-03). */
const CODE_MIT_BINDESTRICH = /(?<![\p{L}\d-])[A-Z]{1,3}-\d{2,3}(?!\d)/u;
/** A count of goals: „0 Ziele“, „1 Ziel“. */
const ZIELZAHL = /(?<![\d.,])\d+\s+Ziele?(?!\p{L})/u;
/** A heading that introduces goals: „Ziele“, „Gesetzte Ziele“, „Ziele (3)“, „5.1 Ziele“. */
const ZIELUEBERSCHRIFT = /^(?:\d+(?:\.\d+)*\s+)?(?:Gesetzte\s+)?Ziele?(?![\p{L}])/u;

/**
 * The one day a page may show: when its source file last changed, read from git (README,
 * Fassungen und Änderungen). It is not a date of the plan and says so in its label.
 */
const GIT_DATUM = '.site-footer time[data-quelle="git"]';

const weiss = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** The text a reader sees, with text nodes kept apart by spaces; scripts, styles and `ohne` left out. */
function sichtbarerText(root: HTMLElement, ohne = 'script, style'): string {
  const weg = new Set(root.querySelectorAll(ohne));
  const teile: string[] = [];
  const gehe = (n: Node) => {
    for (const c of n.childNodes) {
      if (c instanceof TextNode) teile.push(c.text);
      else if (c instanceof HTMLElement && !weg.has(c)) gehe(c);
    }
  };
  gehe(root);
  return weiss(teile.join(' '));
}

/** Where a pattern first matches a text, with a little context, or nothing. */
function fund(text: string, muster: RegExp): string | undefined {
  const m = muster.exec(text);
  return m ? `„…${text.slice(Math.max(0, m.index - 60), m.index + m[0].length + 20)}…“` : undefined;
}

/** Every place on the built site's pages where `pruefe` finds something. */
function aufAllenSeiten(pruefe: (root: HTMLElement, pfad: string) => string | undefined): string[] {
  return allPages().flatMap((pfad) => {
    const ergebnis = pruefe(page(pfad), pfad);
    return ergebnis ? [`${pfad}: ${ergebnis}`] : [];
  });
}

const pdfDatei = join(dist, 'druckfassung', 'plan.pdf');
let pdf: Pdf | undefined;
/** The PDF's text, its pieces apart by spaces (for patterns) and without any white space (for sequences). */
let pdfText = '';
let pdfDicht = '';
beforeAll(async () => {
  if (!existsSync(pdfDatei)) return;
  pdf = await ladePdf(new Uint8Array(readFileSync(pdfDatei)));
  const seiten = await seitentexte(pdf);
  pdfText = weiss(seiten.flatMap((s) => s.stuecke.map((x) => x.text)).join(' '));
  pdfDicht = ohneLeerraum(pdfText);
});

describe('Kleinstadt: der Plan hat die Gestalt, die dieser Test voraussetzt', () => {
  it('gibt keine Codes, keine Ziele, keine Gruppen von Akteuren und nummeriert die Handlungsfelder unter einem Kapitel', () => {
    expect(model.plan.massnahmencodes.form).toBe('keine');
    expect(model.massnahmen.length).toBeGreaterThan(7);
    expect(model.handlungsfelder.flatMap((hf) => [...hf.data.ziele, ...(hf.data.kuerzel ? [hf.data.kuerzel] : [])])).toEqual([]);
    expect(model.plan.akteursgruppen).toBeUndefined();
    expect(model.akteure.filter((a) => a.data.ebene !== undefined || a.data.doppelrolle)).toEqual([]);
    expect(model.akteure.some((a) => a.data.beziehungen.length > 0)).toBe(true);
    const kapitelnummern = new Set(model.kapitel.map((k) => k.data.nummer));
    for (const hf of model.handlungsfelder) expect(kapitelnummern.has(hf.data.nummer?.split('.').slice(0, -1).join('.')), hf.id).toBe(true);
  });
});

describe('Kleinstadt: Maßnahmen ohne Code', () => {
  it('hat auf jeder Maßnahmenseite genau den Titel als Überschrift', () => {
    for (const m of model.massnahmen) expect(page(seite.massnahme(m.id)).querySelector('h1')!.text.trim(), m.id).toBe(m.data.titel);
  });

  it('zeigt als Code-Marke nur die Nummern der Handlungsfelder, nie eine für eine Maßnahme', () => {
    const nummern = new Set(model.handlungsfelder.map((hf) => hf.data.nummer));
    const marken = allPages().flatMap((pfad) => page(pfad).querySelectorAll('.code').map((c) => [pfad, c.text.trim()] as const));
    expect(marken.length).toBeGreaterThan(0);
    expect(marken.filter(([, text]) => !nummern.has(text))).toEqual([]);
    // Every link to a Maßnahme names it by (part of) its title, never by its file name.
    const links = allPages().flatMap((pfad) =>
      model.massnahmen.flatMap((m) => page(pfad).querySelectorAll(`a[href="${plan.href(seite.massnahme(m.id))}"]`).map((a) => ({ pfad, m, text: weiss(a.text) }))),
    );
    expect(links.length).toBeGreaterThan(model.massnahmen.length * 3);
    expect(links.filter((l) => l.text.includes(l.m.id) || CODE_MIT_BINDESTRICH.test(l.text)).map((l) => `${l.pfad}: ${l.text}`)).toEqual([]);
  });

  it('nennt auf keiner Seite einen Code wie „M-01“, auch nicht als Beispiel', () => {
    expect(aufAllenSeiten((root) => fund(sichtbarerText(root), CODE_MIT_BINDESTRICH))).toEqual([]);
  });

  it('nennt auf keiner Seite den Dateinamen einer Maßnahme', () => {
    // File names are lower case words joined by dashes; German text writes its nouns capitalised.
    const dateinamen = model.massnahmen.map((m) => new RegExp(`(?<![\\p{L}\\d-])${m.id}(?![\\p{L}\\d-])`, 'u'));
    expect(aufAllenSeiten((root) => dateinamen.map((d) => fund(sichtbarerText(root), d)).find(Boolean))).toEqual([]);
  });

  it.skipIf(!existsSync(pdfDatei))('druckt die Maßnahmen im PDF ohne Code, unter ihrem Titel', () => {
    expect(fund(pdfText, CODE_MIT_BINDESTRICH)).toBeUndefined();
    for (const m of model.massnahmen) {
      expect(pdfText, m.id).not.toMatch(new RegExp(`(?<![\\p{L}\\d-])${m.id}(?![\\p{L}\\d-])`, 'u'));
      expect(pdfDicht, m.id).toContain(ohneLeerraum(m.data.titel));
    }
  });
});

describe('Kleinstadt: Handlungsfelder ohne Ziele', () => {
  it('hat keinen Abschnitt und keine Überschrift „Ziele“ und zählt keine Ziele', () => {
    for (const hf of model.handlungsfelder) expect(page(seite.handlungsfeld(hf.id)).getElementById('ziele'), hf.id).toBeNull();
    expect(aufAllenSeiten((root) => root.querySelectorAll('h1, h2, h3, h4, h5, h6').map((h) => weiss(h.text)).find((t) => ZIELUEBERSCHRIFT.test(t)))).toEqual([]);
    expect(aufAllenSeiten((root) => fund(sichtbarerText(root), ZIELZAHL))).toEqual([]);
  });

  it.skipIf(!existsSync(pdfDatei))('zählt auch im PDF keine Ziele', () => {
    expect(fund(pdfText, ZIELZAHL)).toBeUndefined();
  });

  it('hat auf keiner Seite eine leere Überschrift', () => {
    let anzahl = 0;
    const leer = aufAllenSeiten((root) => {
      const ueberschriften = root.querySelectorAll('h1, h2, h3, h4, h5, h6');
      anzahl += ueberschriften.length;
      return ueberschriften.find((h) => weiss(h.text) === '')?.outerHTML;
    });
    expect(leer).toEqual([]);
    expect(anzahl).toBeGreaterThan(100);
  });
});

describe('Kleinstadt: Akteure ohne Gruppen', () => {
  it('nennt für keine Beziehung eine Art: weder „vertikal“ noch „horizontal“, auch nicht in Klassen, Filtern oder offenen Daten', () => {
    for (const pfad of allPages()) expect(readFileSync(plan.site.fileFor(pfad), 'utf8'), pfad).not.toMatch(/vertikal|horizontal/i);
    for (const datei of ['akteure.csv', 'akteure.json', 'zustaendigkeitsmatrix.csv']) {
      expect(readFileSync(join(dist, 'daten', datei), 'utf8'), datei).not.toMatch(/vertikal|horizontal/i);
    }
  });

  it.skipIf(!existsSync(pdfDatei))('auch im PDF nicht', () => {
    expect(pdfText).not.toMatch(/vertikal|horizontal/i);
  });
});

describe('Kleinstadt: Daten nur so genau, wie der Plan sie nennt', () => {
  it('zeigt auf keiner Seite einen Tag; nur die Änderung der Quelldatei aus git ist ein Tag', () => {
    expect(aufAllenSeiten((root) => fund(sichtbarerText(root, `script, style, ${GIT_DATUM}`), DEUTSCHER_TAG))).toEqual([]);
    // The exception is what it says it is: the page's last change, read from git.
    for (const pfad of allPages()) {
      for (const t of page(pfad).querySelectorAll(GIT_DATUM)) expect(t.closest('div')!.querySelector('dt')!.text, pfad).toBe('Seite zuletzt geändert');
    }
    // Every other <time> carries a month or a year (quarters and Schuljahre carry none).
    const zeiten = allPages().flatMap((pfad) => page(pfad).querySelectorAll('time[datetime]').filter((t) => !t.closest('.site-footer') || t.getAttribute('data-quelle') !== 'git').map((t) => [pfad, t.getAttribute('datetime')!] as const));
    expect(zeiten.length).toBeGreaterThan(20);
    expect(zeiten.filter(([, d]) => !/^\d{4}(-\d{2})?$/.test(d))).toEqual([]);
  });

  it('nennt den Stand des Plans als Monat', () => {
    const [jahr, monat] = model.plan.stand.split('-').map(Number);
    expect(monat, 'plan.yaml nennt einen Monat').toBeDefined();
    const erwartet = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.UTC(jahr!, monat! - 1, 1)));
    expect(sichtbarerText(page(seite.start()).querySelector('.site-footer .stand')!)).toContain(`Stand des Plans ${erwartet}`);
  });

  it.skipIf(!existsSync(pdfDatei))('druckt ein PDF ohne Tag, datiert auf den Monat des Plans', async () => {
    expect(fund(pdfText, DEUTSCHER_TAG)).toBeUndefined();
    const { info } = (await pdf!.getMetadata()) as { info: Record<string, string> };
    expect(info.CreationDate).toBe(`D:${model.plan.stand.replace('-', '')}`);
  });
});

describe('Kleinstadt: Abschnitte und Verweise', () => {
  const kapitel5 = model.kapitel.find((k) => model.handlungsfelder.every((hf) => hf.data.nummer?.startsWith(`${k.data.nummer}.`)))!;
  const felder = [...model.handlungsfelder].sort((a, b) => new Intl.Collator('de', { numeric: true }).compare(a.data.nummer!, b.data.nummer!));

  it('führt die Handlungsfelder im Inhaltsverzeichnis der Druckfassung als Abschnitte unter ihrem Kapitel', () => {
    expect(kapitel5).toBeDefined();
    const verzeichnis = page(seite.druckfassung()).querySelector('nav.druck-verzeichnis')!;
    const eintrag = verzeichnis.querySelector(`a[href="#kapitel-${kapitel5.id}"]`)!.parentNode!;
    expect(weiss(eintrag.querySelector('a')!.text)).toBe(`${kapitel5.data.nummer} ${kapitel5.data.titel}`);
    const darunter = eintrag.querySelectorAll(':scope > ol > li > a').map((a) => [a.getAttribute('href'), weiss(a.text)]);
    expect(darunter).toEqual(felder.map((hf) => [`#handlungsfeld-${hf.id}`, `${hf.data.nummer} ${hf.data.titel}`]));
  });

  it.skipIf(!existsSync(pdfDatei))('druckt sie im PDF in dieser Folge', () => {
    let ab = pdfDicht.indexOf(ohneLeerraum(`${kapitel5.data.nummer} ${kapitel5.data.titel}`));
    expect(ab).toBeGreaterThanOrEqual(0);
    for (const hf of felder) {
      const hier = pdfDicht.indexOf(ohneLeerraum(`${hf.data.nummer} ${hf.data.titel}`), ab);
      expect(hier, hf.id).toBeGreaterThan(ab);
      ab = hier;
    }
  });

  it('verlinkt jeden Abschnitt, auf den sich eine Maßnahme bezieht, mit Nummer', () => {
    let anzahl = 0;
    for (const m of model.massnahmen) {
      for (const nummer of [...m.data.zielsetzungen, ...m.data.abschnitte]) {
        const a = abschnittNach(model, nummer)!;
        const link = page(seite.massnahme(m.id)).querySelector(`main a[href="${plan.href(abschnittPfad(a))}"]`);
        expect(link?.text, `${m.id} → ${nummer}`).toContain(nummer);
        anzahl += 1;
      }
    }
    // Sub-sections among them (3.2.1), not only chapters and fields.
    expect(model.massnahmen.some((m) => [...m.data.zielsetzungen, ...m.data.abschnitte].some((n) => n.split('.').length > 2))).toBe(true);
    expect(anzahl).toBeGreaterThan(model.massnahmen.length);
  });
});

describe('Kleinstadt: veröffentlichte Finanztabellen mit den Nummern des Plans', () => {
  const tabellen = finanztabellenVon(model).tabellen;

  it('hat eine Tabelle mit Nummer und Abbildung, eine leere Zelle und eine gerundete Summe', () => {
    expect(tabellen.some((t) => t.meta.nummer && t.meta.abbildung)).toBe(true);
    expect(tabellen.some((t) => t.zeilen.some((z) => t.meta.spalten.some((s) => z.werte[s.id] === undefined)))).toBe(true);
    expect(tabellen.some((t) => t.pruefungen.some((p) => p.ok && p.berechnet !== p.angegeben))).toBe(true);
  });

  it('behält in der Druckfassung die Tabellen- und Abbildungsnummern des Plans', () => {
    const druck = page(seite.druckfassung());
    for (const t of tabellen.filter((x) => x.meta.nummer)) {
      expect(weiss(druck.querySelector(`table[id$="--werte-${t.id}"] caption .tab-nummer`)!.text), t.id).toBe(`${t.meta.nummer}:`);
    }
    for (const t of tabellen.filter((x) => x.meta.abbildung)) {
      const figur = druck.querySelector(`figure[data-daten-in="werte-${t.id}"]`)!;
      expect(figur.getAttribute('data-nummer'), t.id).toBe(t.meta.abbildung);
      expect(weiss(figur.querySelector('figcaption')!.text), t.id).toBe(`${t.meta.abbildung}: ${t.meta.titel}`);
    }
  });

  it.skipIf(!existsSync(pdfDatei))('und im PDF', () => {
    for (const t of tabellen) {
      if (t.meta.nummer) expect(pdfDicht, t.id).toContain(ohneLeerraum(`${t.meta.nummer}: ${t.meta.titel}`));
      if (t.meta.abbildung) expect(pdfDicht, t.id).toContain(ohneLeerraum(`${t.meta.abbildung}: ${t.meta.titel}`));
    }
  });

  it('nennt auf der Finanzseite jede Summe, die durch Rundung von ihren Teilen abweicht, mit beiden Werten', () => {
    const finanzen = page(seite.finanzen());
    for (const t of tabellen) {
      const hinweis = finanzen.getElementById(`werte-${t.id}`)!.closest('section.finanztabelle')!.querySelector('p.summenpruefung')!;
      const abweichend = t.pruefungen.filter((x) => x.berechnet !== x.angegeben);
      expect(hinweis.getAttribute('data-pruefungen'), t.id).toBe(String(t.pruefungen.length));
      expect(hinweis.getAttribute('data-abweichungen'), t.id).toBe(String(abweichend.length));
      const text = sichtbarerText(hinweis);
      for (const p of abweichend) {
        expect(text, `${t.id} ${p.zeile}`).toContain(`${tabellenzahl(t, p.angegeben)} ${t.einheit}`);
        expect(text, `${t.id} ${p.zeile}`).toContain(`${tabellenzahl(t, p.berechnet)} ${t.einheit}`);
      }
    }
  });
});

describe('Kleinstadt: Zielwerte', () => {
  it('nennt auf der Seite Indikatoren den Mindestwert der Gruppe von Schulformen, ohne Jahr', () => {
    const gruppenziele = model.indikatoren.flatMap((i) => i.data.zielwerte.filter((z) => z.gruppe).map((z) => ({ i, z })));
    expect(gruppenziele.map(({ z }) => [z.gruppe, z.vergleich, z.jahr])).toEqual([['weiterführende Schulen', 'mindestens', undefined]]);
    const zahl = new Intl.NumberFormat('de-DE');
    for (const { i, z } of gruppenziele) {
      const abschnitt = page(seite.indikatoren()).getElementById(i.id)!.closest('section')!;
      const zielwerte = abschnitt.querySelectorAll('p').map((p) => weiss(p.text)).find((t) => t.startsWith('Zielwerte'))!;
      const teil = zielwerte.split(';').map(weiss).find((t) => t.includes(z.gruppe!))!;
      expect(teil, zielwerte).toBeDefined();
      expect(teil).toContain(`mindestens ${zahl.format(z.wert)} ${i.data.einheit}`);
      for (const s of z.schulformen!) expect(teil).toContain(model.schulformen.find((f) => f.id === s.id)!.data.name);
      // Without a year in the plan, none on the page.
      expect(teil).not.toMatch(/\b(19|20)\d{2}\b/);
    }
  });
});

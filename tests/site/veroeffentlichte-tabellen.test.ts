/**
 * Every finance table a plan publishes (finanzen.yaml, daten/finanzen/*.csv), read from its source
 * CSV as the editor wrote it, against every place the built site shows it: the table on the
 * Finanzen page, the same table in the Druckfassung, the council's PDF (its text, read with
 * pdfjs), the open data (finanztabellen.csv) and the chart drawn from it, which has no figures
 * of its own. A blank cell stays blank everywhere (no 0, no dash), a stated sum is shown as
 * stated, and no rendering adds a total the plan did not state.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { HTMLElement } from 'node-html-parser';
import { finanztabellenVon, SUMMENZEILE } from '../../src/rechnen/finanztabellen.ts';
import { parseGermanNumber } from '../../src/plan/schemas/index.ts';
import { seite } from '../../src/plan/urls.ts';
import { PROJECT } from '../helpers/fixture.ts';
import { BEISPIELPLAENE } from '../helpers/plaene.ts';
import { ladePdf, ohneLeerraum, seitentexte } from '../helpers/pdf.ts';

interface Quellzeile {
  beschriftung: string;
  /** The cells as written, per column id; '' for a blank cell. */
  zellen: Record<string, string>;
}

/** The source CSV as the editor wrote it: first column the row label, then the columns. */
function quelle(inhalt: string, tabelle: string): { spalten: string[]; zeilen: Quellzeile[] } {
  const text = readFileSync(join(PROJECT, inhalt, 'daten', 'finanzen', `${tabelle}.csv`), 'utf8');
  const [kopf, ...rest] = parse(text, { bom: true, delimiter: ';', relax_column_count: false }) as string[][];
  const [, ...spalten] = kopf!;
  return { spalten, zeilen: rest.map(([beschriftung = '', ...zellen]) => ({ beschriftung, zellen: Object.fromEntries(spalten.map((s, i) => [s, (zellen[i] ?? '').trim()])) })) };
}

/** A shown cell against the written one: both blank, or the same number. */
function gleich(gezeigt: string | undefined, geschrieben: string): boolean {
  const text = (gezeigt ?? '').trim();
  if (geschrieben === '') return text === '';
  return text !== '' && parseGermanNumber(text) === parseGermanNumber(geschrieben);
}

/** The cells of a rendered table by row label and column id, as tests/site read them (data-zeile, data-spalte). */
function zellenVon(tabelle: HTMLElement, zeile: Quellzeile, spalte: string): string | undefined {
  const tr = tabelle.querySelector(`tr[data-zeile="${SUMMENZEILE.test(zeile.beschriftung) ? 'Summe' : zeile.beschriftung}"]`);
  return tr?.querySelector(`td[data-spalte="${spalte}"]`)?.text;
}

for (const plan of BEISPIELPLAENE) describe(`Veröffentlichte Tabellen: Beispielplan ${plan.name}`, () => {
  const model = plan.modell();
  const tabellen = finanztabellenVon(model).tabellen;

  it('hat veröffentlichte Tabellen oder keine Seite dafür', () => {
    if (tabellen.length === 0) expect(model.finanzbereiche).toEqual([]);
    else expect(existsSync(plan.site.fileFor(seite.finanzen()))).toBe(true);
  });

  it('zeigt jede Zelle auf der Finanzseite und in der Druckfassung, wie sie in der CSV-Datei steht', () => {
    const finanzen = plan.site.page(seite.finanzen());
    const druck = plan.site.page(seite.druckfassung());
    for (const t of tabellen) {
      const { spalten, zeilen } = quelle(plan.inhalt, t.id);
      for (const [wo, tabelle] of [
        ['Website', finanzen.querySelector(`table[id="werte-${t.id}"]`)],
        ['Druckfassung', druck.querySelector(`table[id$="--werte-${t.id}"]`)],
      ] as const) {
        expect(tabelle, `${wo} ${t.id}`).not.toBeNull();
        // Exactly the rows of the source: nothing added below (no total the plan did not state).
        expect(tabelle!.querySelectorAll('tbody tr, tfoot tr').length, `${wo} ${t.id}`).toBe(zeilen.length);
        for (const z of zeilen) {
          for (const s of spalten) {
            const gezeigt = zellenVon(tabelle!, z, s);
            expect(gleich(gezeigt, z.zellen[s]!), `${wo} ${t.id} ${z.beschriftung} ${s}: „${gezeigt}“ statt „${z.zellen[s]}“`).toBe(true);
          }
        }
      }
    }
  });

  it('zeichnet das Diagramm einer Tabelle ohne eigene Zahlen: es verweist auf die Tabelle', () => {
    const finanzen = plan.site.page(seite.finanzen());
    for (const t of tabellen) {
      const figur = finanzen.querySelector(`figure[data-daten-in="werte-${t.id}"]`);
      if (!figur) continue;
      expect(figur.querySelectorAll('table, td').length, t.id).toBe(0);
      expect(figur.querySelector('.diagramm-verweis a')?.getAttribute('href'), t.id).toBe(`#werte-${t.id}`);
    }
  });

  it('veröffentlicht in den offenen Daten genau die Zellen, die der Plan füllt, mit ihrem Wert', () => {
    if (tabellen.length === 0) return;
    const text = readFileSync(join(plan.dist, 'daten', 'finanztabellen.csv'), 'utf8');
    const datensaetze = parse(text, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    for (const t of tabellen) {
      const { spalten, zeilen } = quelle(plan.inhalt, t.id);
      const eigene = datensaetze.filter((d) => d.tabelle === t.id);
      const erwartet = zeilen.flatMap((z) => spalten.flatMap((s) => (z.zellen[s] === '' ? [] : [`${z.beschriftung}|${s}|${parseGermanNumber(z.zellen[s]!)}`])));
      expect(eigene.map((d) => `${d.zeile}|${d.spalte}|${parseGermanNumber(d.wert!)}`).sort(), t.id).toEqual(erwartet.sort());
    }
  });

  const pdfDatei = join(plan.dist, 'druckfassung', 'plan.pdf');
  it.skipIf(!existsSync(pdfDatei))('druckt jede Zeile jeder Tabelle mit ihren Zellen und der Nummer des Plans ins PDF', async () => {
    const seiten = await seitentexte(await ladePdf(new Uint8Array(readFileSync(pdfDatei))));
    const text = ohneLeerraum(seiten.flatMap((s) => s.stuecke.map((x) => x.text)).join(''));
    for (const t of tabellen) {
      if (t.meta.nummer) expect(text, t.id).toContain(ohneLeerraum(`${t.meta.nummer}: ${t.meta.titel}`));
      if (t.meta.abbildung) expect(text, t.id).toContain(ohneLeerraum(`${t.meta.abbildung}: ${t.meta.titel}`));
      const { spalten, zeilen } = quelle(plan.inhalt, t.id);
      const gezeigt = plan.site.page(seite.finanzen()).querySelector(`table[id="werte-${t.id}"]`)!;
      for (const z of zeilen) {
        // The row's cells as printed, one after the other: each filled cell as the page shows it, a
        // blank cell as nothing (a 0 in its place would break the sequence). Chromium writes the row
        // headers, which stay at the left edge on screen, after the cells; they are checked apart.
        const zellen = spalten.map((s) => (z.zellen[s] === '' ? '' : zellenVon(gezeigt, z, s)!.trim()));
        expect(text, `${t.id} ${z.beschriftung}`).toContain(ohneLeerraum(zellen.join('')));
        const kopf = gezeigt.querySelector(`tr[data-zeile="${SUMMENZEILE.test(z.beschriftung) ? 'Summe' : z.beschriftung}"] th`)!.text;
        expect(text, `${t.id} ${z.beschriftung}`).toContain(ohneLeerraum(kopf));
      }
    }
  });
});

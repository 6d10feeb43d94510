/**
 * Charts of published finance tables (finanzen.yaml): years as stacked bars, shares as bars.
 * Values stay in the table's own unit and precision ("4,3" on an axis "Mio. €"), so a chart
 * never suggests more precision than the plan published.
 */
import { horizontalBars, stackedBars, type Chart } from './charts/index.ts';
import { aufzaehlung } from '../rechnen/kennzahlen.ts';
import { formatDecimal } from '../plan/format.ts';
import { diagrammForm, mitEinheit, teileVon, type Finanztabelle, type Spalte } from '../rechnen/finanztabellen.ts';

/** A chart for a table whose shape has one, else undefined (the table alone says it). */
export function tabellenDiagramm(t: Finanztabelle): Chart | undefined {
  const id = `diagramm-${t.id}`;
  const inEinheit = (v: number | undefined) => (v === undefined ? null : v / t.faktor);
  const form = diagrammForm(t);
  if (!form) return undefined;
  if (form.art === 'anteile') {
    const { spalte } = form;
    const items = t.zeilen.flatMap((z) => (z.werte[spalte.id] === undefined ? [] : [{ label: z.beschriftung, value: z.werte[spalte.id]! / t.faktor }]));
    const sorted = [...items].sort((a, b) => b.value - a.value);
    const summe = t.spaltensummen[spalte.id]!;
    return horizontalBars({
      id,
      title: t.meta.titel,
      desc: `${sorted[0] ? `Den größten Anteil hat ${sorted[0].label} mit ${mitEinheit(t, sorted[0].value * t.faktor)}. ` : ''}Die veröffentlichten Anteile ergeben zusammen ${mitEinheit(t, summe)} (berechnet).`,
      items,
      format: 'percent',
      digits: t.stellen,
      labelColumn: kopfTitel(t),
      valueColumn: spalte.titel,
    });
  }
  const { balken, linie } = form;
  return stackedBars({
    id,
    title: t.meta.titel,
    desc: `${aufzaehlung(balken.map((s) => s.titel))} je Jahr, ${t.zeilen[0]!.beschriftung} bis ${t.zeilen.at(-1)!.beschriftung}, in ${t.einheit}; ${spitzenjahr(t, balken)}${linie ? ` Die Linie zeigt ${linie.titel}.` : ''}${t.zeilen.some((z) => balken.some((s) => z.werte[s.id] === undefined)) ? ' Wo die Tabelle eine Zelle leer lässt, ist nichts gezeichnet.' : ''}`,
    categories: t.zeilen.map((z) => z.beschriftung),
    series: balken.map((s) => ({ label: s.titel, values: t.zeilen.map((z) => inEinheit(z.werte[s.id])) })),
    line: linie ? { label: linie.titel, values: t.zeilen.map((z) => inEinheit(z.werte[linie.id])) } : undefined,
    format: 'number',
    digits: t.stellen,
    axisLabel: t.einheit,
    categoryLabel: 'Jahr',
    // No totals on the bars: a total the plan states is in its table right below the chart, and
    // one it does not state would be a figure the plan never published.
    showTotals: false,
  });
}

/**
 * The year with the highest total, in words: by the sum the plan states for each year where its
 * table has a sum column for exactly these parts, else by the parts added up, said as such.
 */
function spitzenjahr(t: Finanztabelle, balken: Spalte[]): string {
  const teile = new Set(balken.map((s) => s.id));
  const summe = t.meta.spalten.find((s) => {
    const ihre = teileVon(t.meta, s);
    return s.art === 'summe' && ihre.length === teile.size && ihre.every((x) => teile.has(x.id));
  });
  if (summe) {
    const angegeben = t.zeilen.flatMap((z) => (z.werte[summe.id] === undefined ? [] : [{ z, wert: z.werte[summe.id]! }]));
    const hoechste = angegeben.reduce<(typeof angegeben)[number] | undefined>((a, b) => (!a || b.wert > a.wert ? b : a), undefined);
    if (hoechste) return `am höchsten laut Plan ${hoechste.z.beschriftung} mit ${mitEinheit(t, hoechste.wert)} (${summe.titel}).`;
  }
  const summen = t.zeilen.map((z) => balken.reduce((n, s) => n + (z.werte[s.id] ?? 0), 0));
  const max = Math.max(...summen);
  return `am höchsten ${t.zeilen[summen.indexOf(max)]!.beschriftung}; die Teile ergeben dort zusammen ${mitEinheit(t, max)} (berechnet, der Plan nennt für die Jahre keine Summe).`;
}

/** Heading of the label column as the CSV names it ("jahr" → "Jahr"). */
export function kopfTitel(t: Pick<Finanztabelle, 'kopf'>): string {
  return t.kopf ? t.kopf.charAt(0).toUpperCase() + t.kopf.slice(1) : 'Zeile';
}

/** "0,1 Mio. €" for a rounded table, undefined for an exact one. */
export function rundungText(t: Finanztabelle): string | undefined {
  return t.schritt ? `${formatDecimal(t.schritt / t.faktor, t.stellen)}\u00a0${t.einheit}` : undefined;
}

/**
 * Charts of published finance tables (finanzen.yaml): years as stacked bars, shares as bars.
 * Values stay in the table's own unit and precision ("4,3" on an axis "Mio. €"), so a chart
 * never suggests more precision than the plan published.
 */
import { horizontalBars, stackedBars, type Chart } from './charts/index.ts';
import { aufzaehlung } from './kennzahlen.ts';
import { formatDecimal } from './format.ts';
import { mitEinheit, type Finanztabelle } from './finanztabellen.ts';

/** A chart for a table whose shape has one, else undefined (the table alone says it). */
export function tabellenDiagramm(t: Finanztabelle): Chart | undefined {
  const id = `diagramm-${t.id}`;
  const inEinheit = (v: number | undefined) => (v === undefined ? null : v / t.faktor);
  const anteile = t.meta.spalten.filter((s) => s.art === 'anteil');
  if (anteile.length === 1 && !t.jahre) {
    const spalte = anteile[0]!;
    const items = t.zeilen.flatMap((z) => (z.werte[spalte.id] === undefined ? [] : [{ label: z.beschriftung, value: z.werte[spalte.id]! / t.faktor }]));
    const sorted = [...items].sort((a, b) => b.value - a.value);
    const summe = t.spaltensummen[spalte.id]!;
    return horizontalBars({
      id,
      title: t.meta.titel,
      desc: `${sorted[0] ? `Den größten Anteil hat ${sorted[0].label} mit ${mitEinheit(t, sorted[0].value * t.faktor)}. ` : ''}Die veröffentlichten Anteile ergeben zusammen ${mitEinheit(t, summe)}.`,
      items,
      format: 'percent',
      digits: t.stellen,
      labelColumn: kopfTitel(t),
      valueColumn: spalte.titel,
    });
  }
  if (!t.jahre || t.zeilen.length < 2) return undefined;
  const teile = t.meta.spalten.filter((s) => s.art === 'finanzierung');
  const bedarf = t.meta.spalten.filter((s) => s.art === 'bedarf');
  const balken = teile.length > 0 ? teile : t.meta.spalten.filter((s) => s.art === 'bedarf' || s.art === 'wert');
  if (balken.length === 0) return undefined;
  const linie = teile.length > 0 && bedarf.length === 1 ? bedarf[0] : undefined;
  const summen = t.zeilen.map((z) => balken.reduce((n, s) => n + (z.werte[s.id] ?? 0), 0));
  const max = Math.max(...summen);
  const spitze = t.zeilen[summen.indexOf(max)]!.beschriftung;
  return stackedBars({
    id,
    title: t.meta.titel,
    desc: `${aufzaehlung(balken.map((s) => s.titel))} je Jahr, ${t.zeilen[0]!.beschriftung} bis ${t.zeilen.at(-1)!.beschriftung}, in ${t.einheit}; am höchsten ${spitze} mit ${mitEinheit(t, max)}.${linie ? ` Die Linie zeigt ${linie.titel}.` : ''}`,
    categories: t.zeilen.map((z) => z.beschriftung),
    series: balken.map((s) => ({ label: s.titel, values: t.zeilen.map((z) => inEinheit(z.werte[s.id]) ?? 0) })),
    line: linie ? { label: linie.titel, values: t.zeilen.map((z) => inEinheit(z.werte[linie.id])) } : undefined,
    format: 'number',
    digits: t.stellen,
    axisLabel: t.einheit,
    categoryLabel: 'Jahr',
    // Totals on the bars would be sums of the rounded parts; where the plan states its own sums,
    // the table right below shows those, so the chart does not print a second, differing total.
    showTotals: balken.length > 1 && !t.meta.spalten.some((s) => s.art === 'summe'),
  });
}

/** Heading of the label column as the CSV names it ("jahr" → "Jahr"). */
export function kopfTitel(t: Pick<Finanztabelle, 'kopf'>): string {
  return t.kopf ? t.kopf.charAt(0).toUpperCase() + t.kopf.slice(1) : 'Zeile';
}

/** "0,1 Mio. €" for a rounded table, undefined for an exact one. */
export function rundungText(t: Finanztabelle): string | undefined {
  return t.schritt ? `${formatDecimal(t.schritt / t.faktor, t.stellen)}\u00a0${t.einheit}` : undefined;
}

/**
 * Horizontal stacked bars per category (e.g. Maßnahmen per Handlungsfeld by status): the label
 * on its own line, the segments with their counts inside (where they fit) and the total at the end.
 */
import { fsum, max, scaleLinear, stack } from 'd3';
import { NARROW_WIDTH, WIDTH, checkId, el, labelAbove, legend, narrowId, flaeche, paletteSlot, svgRoot, swatch, text, textWidth } from './svg.ts';
import type { Chart, ChartBase, ChartTable, Series, ValueFormat } from './types.ts';
import { checkLength, checkValue, formatCell, formatLabel } from './values.ts';

export interface StackedHorizontalBarsInput extends ChartBase {
  /** One bar per category, top to bottom. */
  categories: string[];
  /** Stacked left to right, in this order; values ≥ 0, one per category. */
  series: Series[];
  /** Default `number`. */
  format?: ValueFormat;
  /** Decimals of labels and table cells. */
  digits?: number;
  /** Head of the category column of the table; default "Bezeichnung". */
  categoryLabel?: string;
  /** Head of the total column and foot; default "Summe". */
  totalLabel?: string;
  /** Leave out the table's foot, where a sum over the categories means nothing (the same schools counted in every area). */
  ohneSumme?: boolean;
}

const BAR = 26;
const ROW_GAP = 16;

export function stackedHorizontalBars(input: StackedHorizontalBarsInput): Chart {
  const { id, categories, series } = input;
  checkId(id);
  const format = input.format ?? 'number';
  series.forEach((s) => {
    checkLength(id, `Reihe „${s.label}“`, s.values.length, categories.length);
    s.values.forEach((v, i) => v !== null && checkValue(id, `Reihe „${s.label}“, „${categories[i]}“`, v));
  });
  const slots = series.map((s, i) => paletteSlot(s.paletteIndex ?? i));
  const rows = categories.map((_, c) => series.map((s) => s.values[c] ?? 0));
  const totals = rows.map((r) => fsum(r));
  const label = (v: number) => formatLabel(v, format, input.digits);

  const layers = stack<number[], number>()
    .keys(series.map((_, i) => i))
    .value((row, k) => row[k] ?? 0)(rows);

  const draw = (svgId: string, width: number): string => {
    const key = legend(series.map((s, i) => ({ label: s.label, key: swatch(slots[i] ?? i) })), 0, 0, width);
    const totalSpace = Math.ceil(Math.max(0, ...totals.map((t) => textWidth(label(t))))) + 10;
    const highest = max(totals) ?? 0;
    const x = scaleLinear().domain([0, highest > 0 ? highest : 1]).range([0, width - totalSpace]);

    let y = key.height > 0 ? key.height + 18 : 0;
    let body = key.markup;
    categories.forEach((category, ci) => {
      const head = labelAbove(category, y, width);
      y += head.height + 4;
      let segments = '';
      let counts = '';
      layers.forEach((layer, si) => {
        const [x0, x1] = layer[ci] ?? [0, 0];
        if (x1 - x0 <= 0) return;
        const left = x(x0);
        const segmentWidth = x(x1) - left;
        segments += flaeche(slots[si] ?? si, { x: left, y, width: segmentWidth, height: BAR, attrs: { class: 'pw-balken', 'data-serie': si } });
        // The count inside its segment, only where it fits (the table has every count).
        const count = label(x1 - x0);
        if (textWidth(count) + 8 <= segmentWidth) {
          counts += text(left + segmentWidth / 2, y + BAR / 2 + 5, count, { class: 'pw-text pw-halo', 'text-anchor': 'middle' });
        }
      });
      const total = totals[ci] ?? 0;
      body += el(
        'g',
        { class: 'pw-zeile', 'data-index': ci },
        head.markup +
          segments +
          counts +
          el('line', { x1: 0, x2: 0, y1: y - 2, y2: y + BAR + 2, class: 'pw-achse' }) +
          text(x(total) + 8, y + BAR / 2 + 5, label(total), { class: 'pw-text pw-beschriftung pw-wert' }),
      );
      y += BAR + ROW_GAP;
    });
    return svgRoot({ id: svgId, title: input.title, desc: input.desc, kind: 'gestapelte-balken', height: Math.max(1, y - ROW_GAP + 4), body, width });
  };

  const cell = (v: number | null | undefined) => formatCell(v, format, input.digits);
  const totalLabel = input.totalLabel ?? 'Summe';
  const table: ChartTable = {
    caption: input.tableCaption ?? input.title,
    columns: [
      { label: input.categoryLabel ?? 'Bezeichnung', numeric: false },
      ...series.map((s) => ({ label: s.label, numeric: true })),
      { label: totalLabel, numeric: true },
    ],
    rows: categories.map((c, i) => ({ header: c, cells: [...series.map((s) => cell(s.values[i])), cell(totals[i] ?? 0)] })),
    ...(input.ohneSumme ? {} : { foot: { header: totalLabel, cells: [...series.map((s) => cell(fsum(s.values.filter((v): v is number => v !== null)))), cell(fsum(totals))] } }),
  };
  return { svg: draw(id, WIDTH), narrowSvg: draw(narrowId(id), NARROW_WIDTH), table };
}

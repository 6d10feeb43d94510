/** One horizontal bar per item, the label on its own line above, the value right of the bar. */
import { fsum, max, scaleLinear } from 'd3';
import { NARROW_WIDTH, WIDTH, checkId, el, labelAbove, narrowId, flaeche, paletteSlot, svgRoot, text, textWidth } from './svg.ts';
import type { Chart, ChartBase, ChartTable, ValueFormat } from './types.ts';
import { checkValue, formatCell, formatLabel } from './values.ts';

export interface HorizontalBarsInput extends ChartBase {
  /** Top to bottom, in this order; values ≥ 0. */
  items: { label: string; value: number }[];
  /** Default `number`. */
  format?: ValueFormat;
  /** Decimals of labels and table cells. */
  digits?: number;
  /** Value at the right end of the scale; default the largest value. */
  max?: number;
  /** Table heads; defaults "Bezeichnung" and "Wert". */
  labelColumn?: string;
  valueColumn?: string;
  /** Adds a table foot with the sum under this header, e.g. "Summe". */
  sumLabel?: string;
  /** Colour and pattern 0–7; default 0. */
  paletteIndex?: number;
}

export const BAR = 22;
export const ROW_GAP = 16;

export function horizontalBars(input: HorizontalBarsInput): Chart {
  const { id, items } = input;
  checkId(id);
  const format = input.format ?? 'number';
  items.forEach((item) => checkValue(id, `„${item.label}“`, item.value));
  const slot = paletteSlot(input.paletteIndex ?? 0);
  const label = (v: number) => formatLabel(v, format, input.digits);

  const draw = (svgId: string, width: number): string => {
    const valueSpace = Math.ceil(Math.max(0, ...items.map((i) => textWidth(label(i.value))))) + 8;
    const highest = input.max ?? max(items, (i) => i.value) ?? 0;
    const x = scaleLinear().domain([0, highest > 0 ? highest : 1]).range([0, width - valueSpace]).clamp(true);

    let y = 0;
    let body = '';
    for (const [index, item] of items.entries()) {
      const head = labelAbove(item.label, y, width);
      y += head.height + 4;
      const w = x(item.value);
      body += el(
        'g',
        { class: 'pw-zeile', 'data-index': index },
        head.markup +
          (w > 0 ? flaeche(slot, { x: 0, y, width: w, height: BAR, attrs: { class: 'pw-balken' } }) : '') +
          el('line', { x1: 0, x2: 0, y1: y - 2, y2: y + BAR + 2, class: 'pw-achse' }) +
          text(w + 6, y + BAR / 2 + 5, label(item.value), { class: 'pw-text pw-wert' }),
      );
      y += BAR + ROW_GAP;
    }
    return svgRoot({ id: svgId, title: input.title, desc: input.desc, kind: 'balken', height: Math.max(1, y - ROW_GAP + 4), body, width });
  };

  const table: ChartTable = {
    caption: input.tableCaption ?? input.title,
    columns: [
      { label: input.labelColumn ?? 'Bezeichnung', numeric: false },
      { label: input.valueColumn ?? 'Wert', numeric: true },
    ],
    rows: items.map((i) => ({ header: i.label, cells: [formatCell(i.value, format, input.digits)] })),
  };
  if (input.sumLabel !== undefined) table.foot = { header: input.sumLabel, cells: [formatCell(fsum(items, (i) => i.value), format, input.digits)] };
  return { svg: draw(id, WIDTH), narrowSvg: draw(narrowId(id), NARROW_WIDTH), table };
}

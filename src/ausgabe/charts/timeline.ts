/**
 * Milestones on a vertical time axis, readable on a phone: every year from the first to the last
 * milestone gets a mark on the axis (years without milestones take little room), the milestones
 * follow in date order with their date and wrapped label. A milestone dated by month, quarter,
 * year or Schuljahr (src/plan/datum.ts) stands in the year its period begins, after the milestones
 * that begin earlier or are more precise, and is labelled as given („3. Quartal 2026“), never
 * with a day.
 */
import { groups } from 'd3';
import { formatDatum, jahrVon, vergleicheDaten, zerlege } from '../../plan/datum.ts';
import { ASCENT, LINE, NARROW_WIDTH, WIDTH, checkId, el, legend, lines, narrowId, svgRoot, text, wrap } from './svg.ts';
import type { Chart, ChartBase, ChartTable } from './types.ts';

export interface Milestone {
  /** As the plan dates it: "2026-11-23", "2026-11", "2026-Q3", "2026" or "2025/26". */
  date: string;
  label: string;
  /** Reached (filled marker) or planned (hollow marker); without it the marker is filled and no legend is drawn. */
  done?: boolean;
}

export interface TimelineInput extends ChartBase {
  /** In any order; drawn sorted by date (stable for equal dates). */
  items: Milestone[];
  /** Table heads; defaults "Datum" and "Meilenstein". */
  dateColumn?: string;
  labelColumn?: string;
}

const AXIS_X = 62;
const TEXT_X = 80;

/** "2026-11-23" → "23.11.2026", "2026-11" → "November 2026", "2026-Q3" → "3. Quartal 2026", "2026" → "2026". */
export function formatMilestoneDate(date: string): string {
  if (!zerlege(date)) throw new Error(`Meilenstein: das Datum „${date}“ hat nicht die Form 2026-11-23, 2026-11, 2026-Q3, 2026 oder 2025/26`);
  return formatDatum(date);
}

function doneKey(done: boolean): string {
  return el('circle', { cx: 12, cy: 8, r: 6.5, class: done ? 'pw-meilenstein pw-erreicht' : 'pw-meilenstein pw-geplant' });
}

export function timeline(input: TimelineInput): Chart {
  const { id } = input;
  checkId(id);
  const items = input.items.map((item) => ({ ...item, shown: formatMilestoneDate(item.date), year: jahrVon(item.date) }));
  items.sort((a, b) => vergleicheDaten(a.date, b.date));
  const withState = items.some((i) => i.done !== undefined);

  const draw = (svgId: string, width: number): string => {
    const key = withState ? legend([{ label: 'erreicht', key: doneKey(true) }, { label: 'geplant', key: doneKey(false) }], 0, 0, width) : { markup: '', height: 0 };
    let y = key.height > 0 ? key.height + 20 : 4;
    const first = items[0]?.year;
    const last = items[items.length - 1]?.year;
    const byYear = new Map(groups(items, (i) => i.year));
    const axisTop = y;
    let marks = '';
    let entries = '';
    if (first !== undefined && last !== undefined) {
      for (let year = first; year <= last; year++) {
        const inYear = byYear.get(year) ?? [];
        // Year label and tick on the axis, level with the first milestone's date line.
        marks += el('line', { x1: AXIS_X - 8, x2: AXIS_X, y1: y + LINE / 2, y2: y + LINE / 2, class: 'pw-achse' });
        marks += text(0, y + ASCENT, String(year), { class: 'pw-text pw-beschriftung pw-jahr' });
        if (inYear.length === 0) {
          y += LINE + 10;
          continue;
        }
        for (const item of inYear) {
          const labelLines = wrap(item.label, width - TEXT_X);
          entries += el(
            'g',
            { class: 'pw-eintrag' },
            el('circle', {
              cx: AXIS_X,
              cy: y + LINE / 2,
              r: 6.5,
              class: item.done === false ? 'pw-meilenstein pw-geplant' : 'pw-meilenstein pw-erreicht',
            }) +
              text(TEXT_X, y + ASCENT, item.shown, { class: 'pw-text-leise pw-datum' }) +
              lines(TEXT_X, y + LINE + ASCENT, labelLines, { class: 'pw-text' }),
          );
          y += (1 + labelLines.length) * LINE + 14;
        }
      }
    }
    const axisBottom = y - 14;
    const axis = axisBottom > axisTop ? el('line', { x1: AXIS_X, x2: AXIS_X, y1: axisTop, y2: axisBottom, class: 'pw-achse' }) : '';
    const body = key.markup + axis + marks + entries;
    return svgRoot({ id: svgId, title: input.title, desc: input.desc, kind: 'zeitleiste', height: Math.max(1, y - 8), body, width });
  };

  const table: ChartTable = {
    caption: input.tableCaption ?? input.title,
    columns: [
      { label: input.dateColumn ?? 'Datum', numeric: false },
      { label: input.labelColumn ?? 'Meilenstein', numeric: false },
      ...(withState ? [{ label: 'Stand', numeric: false }] : []),
    ],
    rows: items.map((i) => ({
      header: i.shown,
      cells: [i.label, ...(withState ? [i.done === undefined ? 'keine Angabe' : i.done ? 'erreicht' : 'geplant'] : [])],
    })),
  };
  return { svg: draw(id, WIDTH), narrowSvg: draw(narrowId(id), NARROW_WIDTH), table };
}

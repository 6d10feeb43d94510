/** Shared types of the build-time charts (static SVG strings plus the same data as a table). */

/**
 * The chart's data as a table, every cell already formatted German text.
 * `columns[0]` heads the row-header column; `columns[i + 1]` heads `cells[i]`,
 * so `columns.length === cells.length + 1` in every row and in `foot`.
 */
export interface ChartTable {
  caption: string;
  columns: { label: string; numeric: boolean }[];
  rows: { header: string; cells: string[] }[];
  foot?: { header: string; cells: string[] };
}

/**
 * What every chart function returns: inline SVG markup and its data table. `narrowSvg` is the
 * same chart drawn for a phone's width (NARROW_WIDTH, ids prefixed `{id}-schmal-`), so its text
 * stays readable; Diagramm.astro shows one of the two, never both.
 */
export interface Chart {
  svg: string;
  narrowSvg?: string;
  table: ChartTable;
}

/**
 * How values are shown. `euro`: amounts of money given in cents, labels and axis in Mio. €,
 * table in full euros; `percent`: percentage points (75 = 75 %); `number`: counts or other plain numbers.
 */
export type ValueFormat = 'euro' | 'number' | 'percent';

/** Inputs every chart takes. */
export interface ChartBase {
  /**
   * Unique on the page; prefixes every id in the SVG (`{id}-title`, `{id}-desc`, `{id}-muster-0` …).
   * Letters, digits, `-` and `_`, starting with a letter.
   */
  id: string;
  /** Short name of the chart, read first by screen readers (`<title>`). */
  title: string;
  /** The chart's message in one or two sentences (`<desc>`); see `describeValues`, `describeTargets`. */
  desc: string;
  /** Caption of the data table; defaults to `title`. */
  tableCaption?: string;
}

/** One stacked or grouped series: a label and one value per category (`null`: no value given, drawn as nothing). */
export interface Series {
  label: string;
  values: (number | null)[];
  /** Colour and pattern 0–7 from the palette; defaults to the series' position. */
  paletteIndex?: number;
}

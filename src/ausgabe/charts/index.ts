/**
 * Charts rendered at build time to static, accessible inline SVG (no client JavaScript), each
 * with the same data as a table: `{ svg, table }`, shown by src/ausgabe/components/Diagramm.astro.
 * Colours and patterns come from CSS classes in src/ausgabe/styles/charts.css.
 */
export type { Chart, ChartBase, ChartTable, Series, ValueFormat } from './types.ts';
export { stackedBars, type StackedBarsInput } from './stacked-bars.ts';
export { horizontalBars, type HorizontalBarsInput } from './horizontal-bars.ts';
export { bulletBars, type BulletBarsInput, type BulletItem } from './bullet-bars.ts';
export { stackedHorizontalBars, type StackedHorizontalBarsInput } from './stacked-horizontal-bars.ts';
export { lineChart, type LineChartInput, type LineSeries } from './line-chart.ts';
export { timeline, formatMilestoneDate, type Milestone, type TimelineInput } from './timeline.ts';
export { describeTargets, describeValues } from './describe.ts';
export { esc, PALETTE_SIZE } from './svg.ts';
export { formatCell, formatFixed, formatLabel, NO_VALUE } from './values.ts';
export { akteurslandkarte, belegteEbenen, ebeneSlug, type KartenInput, type KartenKante, type KartenKnoten } from './akteurslandkarte.ts';

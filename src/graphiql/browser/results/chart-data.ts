// GraphiQL (browser): what to chart from a transferVolumes answer. With a year (year,
// deliveryYear or orderYear), a line chart: years across, one line per value of the other key
// grouped by (supplier, recipient…), or one line when there is none. Without a year, bars, one
// per group. The measure is the first of TIV, units and deal counts the answer holds. No DOM
// here: the tests run it in Node.
import { isObject, type Json } from './table-data.js';

export interface ChartPoint {
  x: number | string;
  y: number;
  series: string;
}

export interface ChartSpec {
  kind: 'line' | 'bar';
  xLabel: string;
  yLabel: string;
  points: ChartPoint[];
  /** Series names in order of first appearance; one for a bar chart. */
  series: string[];
}

/** Measures in order of preference, with the axis label each gets. */
const MEASURES: readonly (readonly [field: string, label: string])[] = [
  ['tivDelivered', 'TIV delivered (SIPRI trend-indicator value, millions)'],
  ['tivOrdered', 'TIV ordered (SIPRI trend-indicator value, millions)'],
  ['unitsDelivered', 'Units delivered'],
  ['unitsOrdered', 'Units ordered'],
  ['dealCount', 'Deals'],
];

const YEARS: readonly (readonly [field: string, label: string])[] = [
  ['year', 'Year'],
  ['deliveryYear', 'Delivery year'],
  ['orderYear', 'Order year'],
];

/** The keys a VolumeRow may carry besides years, and how to name a group by each. */
const DIMENSIONS: readonly (readonly [field: string, name: (value: Json) => string | null])[] = [
  ['supplier', (v) => field(v, 'name')],
  ['recipient', (v) => field(v, 'name')],
  ['platformFamily', (v) => field(v, 'designation')],
  ['category', (v) => (typeof v === 'string' ? v : null)],
  ['stage', (v) => (typeof v === 'string' ? v : null)],
];

/** The chart of a list of transferVolumes rows; null when the list is not one. */
export function chartOf(items: readonly Json[]): ChartSpec | null {
  const rows = items.filter(isObject);
  if (rows.length === 0) return null;
  const measure = MEASURES.find(([name]) => rows.some((row) => toNumber(row[name]) !== null));
  if (!measure) return null;
  const year = YEARS.find(([name]) => rows.some((row) => typeof row[name] === 'number'));
  const dimension = DIMENSIONS.find(([name]) => rows.some((row) => row[name] != null));
  const [measureField, yLabel] = measure;
  const points: ChartPoint[] = [];
  for (const row of rows) {
    const y = toNumber(row[measureField]);
    if (y === null) continue;
    const group = dimension ? (dimension[1](row[dimension[0]] ?? null) ?? '(none)') : 'All';
    if (year) {
      const x = row[year[0]];
      if (typeof x === 'number') points.push({ x, y, series: group });
    } else {
      points.push({ x: group, y, series: 'All' });
    }
  }
  if (points.length === 0) return null;
  const series = [...new Set(points.map((p) => p.series))];
  return year
    ? { kind: 'line', xLabel: year[1], yLabel, points, series }
    : {
        kind: 'bar',
        xLabel: dimension ? titleCase(dimension[0]) : 'Group',
        yLabel,
        points,
        series,
      };
}

/** GraphQL Decimals arrive as strings ("12.5"), Ints as numbers; null stays unknown. */
function toNumber(value: Json | undefined): number | null {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) {
    return Number(value);
  }
  return null;
}

function field(value: Json, name: string): string | null {
  const inner = isObject(value) ? value[name] : null;
  return typeof inner === 'string' ? inner : null;
}

function titleCase(name: string): string {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

// GraphiQL (browser): the Chart view of a transferVolumes answer, drawn as SVG by Observable
// Plot (bundled like the rest of the page) and exportable as SVG or PNG.
import * as Plot from '@observablehq/plot';
import { useEffect, useRef } from 'react';
import type { ChartSpec } from './chart-data.js';
import { download } from './download.js';

export function ChartView({ chart, label }: { chart: ChartSpec; label: string }) {
  const holder = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const element = holder.current;
    if (!element) return;
    const width = Math.max(280, element.clientWidth - 16);
    const figure = Plot.plot({
      width,
      height: Math.max(240, Math.min(420, Math.round(width * 0.6))),
      marginLeft: 56,
      marginBottom: chart.kind === 'bar' ? 80 : 36,
      style: { background: 'transparent', color: 'currentColor', fontSize: '12px' },
      ariaLabel: `${chart.yLabel} by ${chart.xLabel.toLowerCase()}: ${label}`,
      x:
        chart.kind === 'line'
          ? { label: chart.xLabel, tickFormat: 'd' }
          : { label: chart.xLabel, tickRotate: -30 },
      y: { label: chart.yLabel, grid: true },
      color:
        chart.kind === 'line' && chart.series.length > 1
          ? { legend: true, domain: chart.series }
          : undefined,
      marks:
        chart.kind === 'line'
          ? [
              Plot.ruleY([0]),
              Plot.lineY(chart.points, { x: 'x', y: 'y', stroke: 'series', sort: 'x' }),
              Plot.dot(chart.points, { x: 'x', y: 'y', stroke: 'series', tip: true }),
            ]
          : [Plot.ruleY([0]), Plot.barY(chart.points, { x: 'x', y: 'y', tip: true })],
    });
    element.replaceChildren(figure);
    return () => element.replaceChildren();
  }, [chart, label]);

  // The chart itself: Plot returns it alone, or in a <figure> after the legend's swatches.
  const svg = () =>
    holder.current?.querySelector<SVGSVGElement>(':scope > svg, :scope > figure > svg') ?? null;
  const exportSvg = () => {
    const element = svg();
    if (element) download(`${label}.svg`, 'image/svg+xml', svgText(element));
  };
  const exportPng = async () => {
    const element = svg();
    if (!element) return;
    const png = await svgToPng(element);
    if (png) download(`${label}.png`, 'image/png', png);
  };

  return (
    <div className="armstrail-chart">
      <div className="armstrail-chart-actions">
        <button type="button" onClick={exportSvg}>
          Download SVG
        </button>
        <button type="button" onClick={() => void exportPng()}>
          Download PNG
        </button>
      </div>
      <div
        ref={holder}
        className="armstrail-chart-figure"
        data-series-count={chart.series.length}
        data-chart-kind={chart.kind}
      />
    </div>
  );
}

/** The SVG as a standalone file: its own namespace and the page's text colour fixed in. */
function svgText(element: SVGSVGElement): string {
  const copy = element.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  copy.style.color = getComputedStyle(element).color;
  copy.style.background = '#fff';
  return new XMLSerializer().serializeToString(copy);
}

/** Draws the SVG on a canvas at twice its size (sharp on print) and returns the PNG. */
async function svgToPng(element: SVGSVGElement): Promise<Blob | null> {
  const { width, height } = element.getBoundingClientRect();
  const image = new Image();
  // A data: URL, as the page's Content-Security-Policy allows images from data: only.
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText(element))}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * 2);
  canvas.height = Math.round(height * 2);
  const context = canvas.getContext('2d');
  if (!context) return null;
  context.fillStyle = '#fff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
}

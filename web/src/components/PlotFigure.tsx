/**
 * A chart from Observable Plot, loaded on first use (its own chunk, so the map's page does not
 * wait for it). `make` builds the chart from the Plot module.
 */
import { useEffect, useRef, useState } from 'preact/hooks';

type PlotModule = typeof import('@observablehq/plot');

let plot: Promise<PlotModule> | undefined;

interface Props {
  make: (Plot: PlotModule) => SVGSVGElement | HTMLElement;
  /** What the chart shows, for screen readers (the table beside it has the numbers). */
  label: string;
  deps: unknown[];
}

export function PlotFigure({ make, label, deps }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    plot ??= import('@observablehq/plot');
    plot.then(
      (Plot) => {
        if (cancelled || !ref.current) return;
        const chart = make(Plot);
        chart.setAttribute('aria-hidden', 'true');
        ref.current.replaceChildren(chart);
      },
      () => setError('Diagrammet kunde inte visas.'),
    );
    return () => {
      cancelled = true;
    };
    // make changes with deps
  }, deps);
  return (
    <figure class="chart" role="img" aria-label={label}>
      <div ref={ref} />
      {error && <p class="error">{error}</p>}
    </figure>
  );
}

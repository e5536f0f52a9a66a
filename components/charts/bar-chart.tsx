import { ChartFigure, type ChartSeries, type ChartText } from "./chart-figure";
import { PatternDefs, patternId, seriesColour } from "./patterns";
import { labelEvery, scaled, ticks } from "./scale";

const [W, H, LEFT, BOTTOM, TOP] = [640, 220, 44, 28, 8];

/** Counts per day or week, the series stacked in each bar; drawn on the server, no script. */
export function BarChart({ id, text, labels, series, format }: {
  id: string; text: ChartText; labels: string[]; series: ChartSeries<number>[]; format: (v: number) => string;
}) {
  const totals = labels.map((_, b) => series.reduce((n, s) => n + (s.values[b] ?? 0), 0));
  const axis = ticks(Math.max(0, ...totals));
  const top = axis.at(-1)!;
  const plot = H - BOTTOM - TOP;
  const slot = (W - LEFT) / Math.max(1, labels.length);
  const every = labelEvery(labels.length, 8);
  return (
    <ChartFigure id={id} text={text} labels={labels} series={series} format={format}>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} className="h-auto w-full" data-testid={`svg-${id}`}>
        <title id={`${id}-t`}>{text.title}</title>
        <desc id={`${id}-d`}>{text.description}</desc>
        <PatternDefs chart={id} count={series.length} />
        {axis.map((v) => {
          const y = H - BOTTOM - scaled(v, top, plot);
          return <g key={v}><line x1={LEFT} x2={W} y1={y} y2={y} stroke="#d4d4d8" /><text x={LEFT - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#3f3f46">{format(v)}</text></g>;
        })}
        {labels.map((label, b) => {
          let y = H - BOTTOM;
          const x = LEFT + b * slot + slot * 0.15;
          return (
            <g key={b}>
              {series.map((s, i) => {
                const h = scaled(s.values[b] ?? 0, top, plot);
                y -= h;
                return h > 0 && <rect key={i} x={x} y={y} width={slot * 0.7} height={h} fill={`url(#${patternId(id, i)})`} stroke={seriesColour(i)} strokeWidth="1" />;
              })}
              {b % every === 0 && <text x={x + slot * 0.35} y={H - 10} textAnchor="middle" fontSize="11" fill="#3f3f46">{label}</text>}
            </g>
          );
        })}
        <line x1={LEFT} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} stroke="#3f3f46" />
      </svg>
    </ChartFigure>
  );
}

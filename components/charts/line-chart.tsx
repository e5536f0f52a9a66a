import { ChartFigure, type ChartSeries, type ChartText } from "./chart-figure";
import { DASHES, Marker, seriesColour } from "./patterns";
import { labelEvery, scaled, ticks } from "./scale";

const [W, H, LEFT, BOTTOM, TOP] = [640, 220, 56, 28, 8];

/** Values per day or week as lines (dash and marker per series); a missing value (null) breaks the line. */
export function LineChart({ id, text, labels, series, format }: {
  id: string; text: ChartText; labels: string[]; series: ChartSeries<number | null>[]; format: (v: number | null) => string;
}) {
  const axis = ticks(Math.max(0, ...series.flatMap((s) => s.values.filter((v): v is number => v !== null))));
  const top = axis.at(-1)!;
  const plot = H - BOTTOM - TOP;
  const slot = (W - LEFT) / Math.max(1, labels.length);
  const every = labelEvery(labels.length, 8);
  const at = (b: number, v: number) => [LEFT + (b + 0.5) * slot, H - BOTTOM - scaled(v, top, plot)] as const;
  return (
    <ChartFigure id={id} text={text} labels={labels} series={series} format={format} line>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-t`} aria-describedby={`${id}-d`} className="h-auto w-full" data-testid={`svg-${id}`}>
        <title id={`${id}-t`}>{text.title}</title>
        <desc id={`${id}-d`}>{text.description}</desc>
        {axis.map((v) => {
          const y = H - BOTTOM - scaled(v, top, plot);
          return <g key={v}><line x1={LEFT} x2={W} y1={y} y2={y} stroke="#d4d4d8" /><text x={LEFT - 6} y={y + 4} textAnchor="end" fontSize="11" fill="#3f3f46">{format(v)}</text></g>;
        })}
        {series.map((s, i) => {
          // Runs of consecutive values, each its own line: no line is drawn across a gap.
          const runs: string[][] = [];
          s.values.forEach((v, b) => {
            if (v === null) return;
            if (b === 0 || s.values[b - 1] === null) runs.push([]);
            runs.at(-1)!.push(at(b, v).join(","));
          });
          return (
            <g key={s.name}>
              {runs.map((points, r) => <polyline key={r} points={points.join(" ")} fill="none" stroke={seriesColour(i)} strokeWidth="2.5" strokeDasharray={DASHES[i % DASHES.length]} />)}
              {s.values.map((v, b) => v !== null && <Marker key={b} index={i} x={at(b, v)[0]} y={at(b, v)[1]} />)}
            </g>
          );
        })}
        {labels.map((label, b) => b % every === 0 && <text key={b} x={LEFT + (b + 0.5) * slot} y={H - 10} textAnchor="middle" fontSize="11" fill="#3f3f46">{label}</text>)}
        <line x1={LEFT} x2={W} y1={H - BOTTOM} y2={H - BOTTOM} stroke="#3f3f46" />
      </svg>
    </ChartFigure>
  );
}

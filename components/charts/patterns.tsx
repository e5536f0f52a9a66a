// Series are told apart by colour and by fill pattern (and named in the legend and
// the table), never by colour alone. Colours are dark enough for 3:1 against white.
export const SERIES_COLOURS = ["#1e3a8a", "#9a3412", "#166534", "#6b21a8", "#374151", "#9f1239", "#0f766e", "#854d0e"];
const PATTERNS = ["solid", "stripes", "dots", "cross", "rows", "columns", "back", "grid"] as const;

export const seriesColour = (i: number) => SERIES_COLOURS[i % SERIES_COLOURS.length];
export const patternId = (chart: string, i: number) => `${chart}-p${i}`;

/** The fill patterns of `count` series, as SVG <pattern> definitions for chart `chart`. */
export function PatternDefs({ chart, count }: { chart: string; count: number }) {
  return (
    <defs>
      {Array.from({ length: count }, (_, i) => {
        const c = seriesColour(i);
        const kind = PATTERNS[i % PATTERNS.length];
        return (
          <pattern key={i} id={patternId(chart, i)} width="6" height="6" patternUnits="userSpaceOnUse">
            <rect width="6" height="6" fill={kind === "solid" ? c : "#ffffff"} />
            {kind === "stripes" && <path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke={c} strokeWidth="2" />}
            {kind === "back" && <path d="M-1,5 l2,2 M0,0 l6,6 M5,-1 l2,2" stroke={c} strokeWidth="2" />}
            {kind === "dots" && <><rect width="6" height="6" fill={c} opacity="0.25" /><circle cx="3" cy="3" r="1.8" fill={c} /></>}
            {kind === "cross" && <path d="M0,0 l6,6 M6,0 l-6,6" stroke={c} strokeWidth="1.6" />}
            {kind === "rows" && <path d="M0,1.5 h6 M0,4.5 h6" stroke={c} strokeWidth="1.6" />}
            {kind === "columns" && <path d="M1.5,0 v6 M4.5,0 v6" stroke={c} strokeWidth="1.6" />}
            {kind === "grid" && <path d="M0,3 h6 M3,0 v6" stroke={c} strokeWidth="1.6" />}
          </pattern>
        );
      })}
    </defs>
  );
}

/** A legend swatch: the series' pattern in a small square, hidden from screen readers (the name is beside it). */
export function Swatch({ chart, index, line = false }: { chart: string; index: number; line?: boolean }) {
  return (
    <svg width="18" height="14" aria-hidden="true" focusable="false" className="shrink-0">
      {line
        ? <><line x1="0" y1="7" x2="18" y2="7" stroke={seriesColour(index)} strokeWidth="2.5" strokeDasharray={DASHES[index % DASHES.length]} /><Marker index={index} x={9} y={7} /></>
        : <rect x="0.5" y="0.5" width="17" height="13" fill={`url(#${patternId(chart, index)})`} stroke={seriesColour(index)} />}
    </svg>
  );
}

export const DASHES = ["", "6 3", "2 3", "8 3 2 3"];

/** A point of line series `index`: circle, square, triangle or diamond. */
export function Marker({ index, x, y }: { index: number; x: number; y: number }) {
  const c = seriesColour(index);
  switch (index % 4) {
    case 0: return <circle cx={x} cy={y} r="3.5" fill={c} />;
    case 1: return <rect x={x - 3.5} y={y - 3.5} width="7" height="7" fill={c} />;
    case 2: return <path d={`M${x},${y - 4.5} L${x + 4},${y + 3} L${x - 4},${y + 3} Z`} fill={c} />;
    default: return <path d={`M${x},${y - 4.5} L${x + 4},${y} L${x},${y + 4.5} L${x - 4},${y} Z`} fill={c} />;
  }
}

// The arithmetic of the dashboard's charts, kept apart from the drawing so it can be tested.

/** The smallest "round" number (1, 2, 2.5 or 5 × a power of ten) at least `max`; 1 for nothing to show. */
export function niceCeiling(max: number): number {
  if (!(max > 0) || !Number.isFinite(max)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= max * (1 - 1e-12)) return m * power;
  return 10 * power;
}

/** Axis ticks from 0 to niceCeiling(max), `count` steps. */
export function ticks(max: number, count = 4): number[] {
  const top = niceCeiling(max);
  return Array.from({ length: count + 1 }, (_, i) => (top * i) / count);
}

/** Height in the plot of `value` on an axis topping at `top`, for a plot `height` tall; never negative, never past the top. */
export function scaled(value: number, top: number, height: number): number {
  if (!(top > 0) || !(value > 0)) return 0;
  return Math.min(height, (value / top) * height);
}

/** Which of `count` labels along the x axis to print so that at most `room` show (always the first). */
export function labelEvery(count: number, room: number): number {
  return Math.max(1, Math.ceil(count / Math.max(1, room)));
}

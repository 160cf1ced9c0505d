/** Wall-clock parts shown on the code, in the display's time zone. */
export interface ClockParts {
  hours: number;
  minutes: number;
  seconds: number;
  /** `HH:MM:SS`. */
  text: string;
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** Milliseconds since local midnight at a fixed UTC offset. */
export function msIntoDay(now: Date, utcOffsetMinutes: number): number {
  const day = 86_400_000;
  return (((now.getTime() + utcOffsetMinutes * 60_000) % day) + day) % day;
}

/** The clock as shown at `now` for a display `utcOffsetMinutes` east of UTC. */
export function clockParts(now: Date, utcOffsetMinutes: number): ClockParts {
  const total = Math.floor(msIntoDay(now, utcOffsetMinutes) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor(total / 60) % 60;
  const seconds = total % 60;
  return { hours, minutes, seconds, text: `${pad2(hours)}:${pad2(minutes)}:${pad2(seconds)}` };
}

/** Whole seconds from `now` until `target`, rounded up, never negative. */
export function secondsUntil(target: Date, now: Date): number {
  return Math.max(0, Math.ceil((target.getTime() - now.getTime()) / 1000));
}

/** One full turn of the liveness ring takes this long. */
export const LIVENESS_PERIOD_MS = 12_000;
/** Dots on the liveness ring. */
const LIVENESS_DOTS = 12;

/** Rotation of the liveness ring at `now`, degrees clockwise from 12 o'clock. */
export function livenessAngle(now: Date): number {
  const t = ((now.getTime() % LIVENESS_PERIOD_MS) + LIVENESS_PERIOD_MS) % LIVENESS_PERIOD_MS;
  return (t / LIVENESS_PERIOD_MS) * 360;
}

/** A dot of the liveness ring, relative to the ring's centre. */
export interface RingDot {
  x: number;
  y: number;
  radius: number;
  /** 0 to 1: the head of the comet is 1, its tail fades. */
  opacity: number;
}

/**
 * The ring's dots for a ring of `radius` turned by `angleDeg`: a bright head with a
 * fading tail, so both its position and its look change with time.
 */
export function ringDots(radius: number, angleDeg: number): RingDot[] {
  const dots: RingDot[] = [];
  for (let i = 0; i < LIVENESS_DOTS; i++) {
    const a = ((angleDeg - (i * 360) / LIVENESS_DOTS) * Math.PI) / 180;
    dots.push({
      x: radius * Math.sin(a),
      y: -radius * Math.cos(a),
      radius: radius * (i === 0 ? 0.26 : 0.18),
      opacity: Math.max(0.12, 1 - i / (LIVENESS_DOTS / 2)),
    });
  }
  return dots;
}

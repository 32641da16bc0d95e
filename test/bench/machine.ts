// What every benchmark records beside its figures so runs on different machines (or on one busy
// machine) can be compared: core count, load average and a fixed CPU-bound loop's time.
import { cpus, loadavg } from 'node:os';

/** A fixed CPU-bound loop: on a machine shared with other work, it shows how far figures are inflated. */
export function calibrationMs(): number {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 50_000_000; i++) x = (x + i) % 1_000_003;
  return Math.round((performance.now() - t) * 10) / 10 + (x < 0 ? 1 : 0);
}

export interface Machine {
  cpus: number;
  loadavg: number[];
  calibrationMs: number;
}

/** Measures the machine now, and prints it. */
export function machine(): Machine {
  const m = {
    cpus: cpus().length,
    loadavg: loadavg().map((l) => +l.toFixed(2)),
    calibrationMs: calibrationMs(),
  };
  console.log(
    `CPU calibration loop: ${m.calibrationMs} ms (load average ${m.loadavg.join(', ')}; ${m.cpus} CPUs)`,
  );
  return m;
}

export interface Stat {
  median: number;
  p95: number;
  max: number;
  runs: number;
}

export function stat(times: number[]): Stat {
  const s = [...times].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? 0;
  const r = (x: number) => Math.round(x * 100) / 100;
  return { median: r(at(0.5)), p95: r(at(0.95)), max: r(s.at(-1) ?? 0), runs: s.length };
}

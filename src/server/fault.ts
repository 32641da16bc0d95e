// Fault injection for the crash tests, read only from DECIDEDLY_FAULT, which only the tests' child
// processes set: `after-push-commit[:n]` dies right after the nth push commits, before it replies;
// `before-pull-reply[:n]` dies while answering the nth pull. Dying is SIGKILL: no cleanup at all,
// like a power cut or the OOM killer.

export type FaultPoint = 'after-push-commit' | 'before-pull-reply';

export interface Fault {
  /** Called at each fault point; kills the process when it is the configured one. */
  hit(point: FaultPoint): void;
}

export const noFault: Fault = { hit() {} };

export function faultFromEnv(value: string | undefined): Fault {
  const m = /^(after-push-commit|before-pull-reply)(?::(\d+))?$/.exec(value ?? '');
  if (!m) return noFault;
  const point = m[1] as FaultPoint;
  let left = Number(m[2] ?? 1);
  return {
    hit(at) {
      if (at !== point) return;
      left -= 1;
      if (left === 0) process.kill(process.pid, 'SIGKILL');
    },
  };
}

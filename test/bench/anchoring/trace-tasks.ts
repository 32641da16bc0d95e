// Reads a Chromium trace: the renderer main thread's tasks, with wall (`dur`) and CPU (`tdur`) time.

type TraceEvent = {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
};

/** Main-thread tasks of a traced stretch: the longest by wall and by CPU time, and CPU in total. */
export type Tasks = {
  count: number;
  longestMs: number;
  longestCpuMs: number;
  cpuMs: number;
  over50Ms: number;
};

export function tasksIn(trace: Buffer): Tasks {
  const { traceEvents } = JSON.parse(trace.toString()) as { traceEvents: TraceEvent[] };
  const mains = traceEvents.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const onMain = (e: TraceEvent) => mains.some((m) => m.pid === e.pid && m.tid === e.tid);
  const tasks = traceEvents.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e));
  const ms = (us: number | undefined) => (us ?? 0) / 1000;
  return {
    count: tasks.length,
    longestMs: Math.max(0, ...tasks.map((t) => ms(t.dur))),
    longestCpuMs: Math.max(0, ...tasks.map((t) => ms(t.tdur))),
    cpuMs: tasks.reduce((sum, t) => sum + ms(t.tdur), 0),
    over50Ms: tasks.filter((t) => ms(t.dur) > 50).length,
  };
}

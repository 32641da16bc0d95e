// Turns the benchmark's raw passes into the JSON report and the printed summary.
import type { Tasks } from './trace-tasks';

const BUDGET_MS = 60;
const LONG_TASK_MS = 50;

/** How a pass's results compare with where the quotes really are (see page-score.ts). */
export type Judged = {
  present: number;
  removed: number;
  right: number;
  exactText: number;
  missed: number;
  wrong: number;
  correctNull: number;
  falseAnchor: number;
};

/** One traced anchorAll pass: wall time and long tasks seen in the page, main-thread tasks, judgement. */
export type Pass = Judged & { ms: number; longTasks: number[]; tasks: Tasks };

type Input = {
  decisions: number;
  page: Record<string, number>;
  describe: { ms: number; cpuMs: number };
  unchanged: Pass[];
  edits: unknown;
  edited: Pass[];
};

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;
const fixed = (n: number): number => Number(n.toFixed(1));
const pct = (n: number, of: number): string => `${((100 * n) / Math.max(1, of)).toFixed(1)}%`;

function timing(passes: Pass[]) {
  return {
    wallMs: passes.map((p) => fixed(p.ms)),
    cpuMs: passes.map((p) => fixed(p.tasks.cpuMs)),
    longestTaskMs: fixed(Math.max(...passes.map((p) => p.tasks.longestMs))),
    longestTaskCpuMs: fixed(Math.max(...passes.map((p) => p.tasks.longestCpuMs))),
    tasksOver50Ms: passes.reduce((n, p) => n + p.tasks.over50Ms, 0),
    browserLongTasks: passes.reduce((n, p) => n + p.longTasks.length, 0),
  };
}

export function summarise(input: Input): { json: Record<string, unknown>; lines: string[] } {
  const { decisions, unchanged, edited } = input;
  const [cold, ...warm] = unchanged;
  const before = timing(unchanged);
  const after = timing(edited);
  const wallMedian = median(warm.map((p) => p.ms));
  const cpuMedian = median(warm.map((p) => p.tasks.cpuMs));
  const first = edited[0]!;
  const accuracy = {
    right: first.right,
    null: first.missed + first.correctNull,
    wrong: first.wrong + first.falseAnchor,
    quoteStillThere: {
      count: first.present,
      sameText: first.exactText,
      null: first.missed,
      wrong: first.wrong,
    },
    quoteGone: { count: first.removed, null: first.correctNull, anchoredElsewhere: first.falseAnchor },
  };
  const withinBudget = {
    wall: wallMedian <= BUDGET_MS && before.longestTaskMs <= LONG_TASK_MS,
    cpu: cpuMedian <= BUDGET_MS && before.longestTaskCpuMs <= LONG_TASK_MS,
  };
  const allExact = unchanged.every((p) => p.exactText === decisions);
  const json = {
    page: input.page,
    describeRange: { wallMs: fixed(input.describe.ms), cpuMs: fixed(input.describe.cpuMs) },
    unchangedPage: { medianWallMs: fixed(wallMedian), medianCpuMs: fixed(cpuMedian), allExact, ...before },
    editedPage: { edits: input.edits, ...after },
    accuracy,
    budgets: { totalMs: BUDGET_MS, longTaskMs: LONG_TASK_MS },
    withinBudget,
  };
  const lines = [
    `page: ${Object.entries(input.page)
      .map(([k, v]) => `${v} ${k}`)
      .join(', ')}`,
    `describeRange (one index build): ${fixed(input.describe.ms)} ms wall, ${fixed(input.describe.cpuMs)} ms CPU`,
    `anchorAll ${decisions} decisions, unchanged page: median ${fixed(wallMedian)} ms wall / ${fixed(cpuMedian)} ms CPU ` +
      `over ${warm.length} runs (first run ${fixed(cold!.ms)} / ${fixed(cold!.tasks.cpuMs)}); budget ${BUDGET_MS} ms; ` +
      `all anchored exactly: ${allExact}`,
    `  longest task ${before.longestTaskMs} ms wall / ${before.longestTaskCpuMs} ms CPU; ` +
      `tasks over ${LONG_TASK_MS} ms: ${before.tasksOver50Ms} (browser long-task entries: ${before.browserLongTasks})`,
    `after edits ${JSON.stringify(input.edits)}: first pass ${after.wallMs[0]} ms wall / ${after.cpuMs[0]} ms CPU, ` +
      `second ${after.wallMs[1]} / ${after.cpuMs[1]}`,
    `  longest task ${after.longestTaskMs} ms wall / ${after.longestTaskCpuMs} ms CPU; tasks over ${LONG_TASK_MS} ms: ${after.tasksOver50Ms}`,
    `accuracy after edits: ${pct(accuracy.right, decisions)} right, ${pct(accuracy.null, decisions)} null, ` +
      `${pct(accuracy.wrong, decisions)} wrong`,
    `  quote still there (${first.present}): ${first.exactText} same text, ${first.present - first.exactText - first.missed - first.wrong} close, ` +
      `${first.missed} null, ${first.wrong} wrong; quote gone (${first.removed}): ${first.correctNull} null, ` +
      `${first.falseAnchor} anchored elsewhere`,
    `within budget (≤ ${BUDGET_MS} ms, no task > ${LONG_TASK_MS} ms): wall ${withinBudget.wall}, CPU ${withinBudget.cpu}`,
  ];
  return { json, lines };
}

// What restoring a backup will do, before anything is written: decisions new, newer here and
// kept, updated — and the same for everything else the backup holds.
import type { ImportPlan } from '../core/export';
import type { TableName } from '../core/schemas';
import { totalCounts } from '../storage/import';

export interface ImportBackupPreviewProps {
  name: string;
  exportedAt: string;
  plan: Pick<ImportPlan, 'counts'>;
}

const TABLE_WORDS: Record<TableName, [string, string]> = {
  decisions: ['decision', 'decisions'],
  stakeholders: ['stakeholder', 'stakeholders'],
  roles: ['role', 'roles'],
  anchors: ['highlight', 'highlights'],
  followUps: ['follow-up', 'follow-ups'],
  events: ['history entry', 'history entries'],
};

const count = (n: number, [one, many]: [string, string]) => `${n} ${n === 1 ? one : many}`;

/** "3 decisions new, 1 newer here and kept, 2 updated" (and unchanged, when any). */
export function decisionSummary(plan: Pick<ImportPlan, 'counts'>): string {
  const c = plan.counts.decisions;
  const parts = [
    `${count(c.new, TABLE_WORDS.decisions)} new`,
    `${c.keptNewer} newer here and kept`,
    `${c.updated} updated`,
  ];
  if (c.unchanged) parts.push(`${c.unchanged} already up to date`);
  return parts.join(', ');
}

export function ImportBackupPreview({ name, exportedAt, plan }: ImportBackupPreviewProps) {
  const others = (Object.keys(TABLE_WORDS) as TableName[]).filter((t) => t !== 'decisions');
  const total = totalCounts(plan);
  const day = new Date(exportedAt).toLocaleString();
  return (
    <div>
      <p>
        <strong>{name}</strong>, a backup made {day}:
      </p>
      <p class="import-summary">{decisionSummary(plan)}.</p>
      <ul class="muted">
        {others.map((t) => {
          const c = plan.counts[t];
          const all = c.new + c.updated + c.keptNewer + c.unchanged;
          if (!all) return null;
          return (
            <li key={t}>
              {count(all, TABLE_WORDS[t])}: {c.new} new, {c.keptNewer} newer here and kept, {c.updated}{' '}
              updated
            </li>
          );
        })}
      </ul>
      {total.new + total.updated === 0 && (
        <p class="muted">Everything in this backup is already here: importing it changes nothing.</p>
      )}
      <p class="muted">
        Rows are merged field by field: a field changed here after the backup keeps its newer value. Deleted
        decisions in the backup stay deleted unless they were restored later.
      </p>
    </div>
  );
}

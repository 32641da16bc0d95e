// What a quick-add line will save, shown before it is saved: the title, the Accountable (and
// whether they are new), tags, the follow-up's due date and the status — or what is wrong with it.
import { nextStepTitle, type QuickAdd } from '../core/quick-add';
import { matchMention } from '../core/quick-add-check';
import type { Stakeholder } from '../core/schemas';

export interface QuickAddPreviewProps {
  parsed: QuickAdd;
  problem: string | null;
  people: Stakeholder[];
}

/** Whether a line uses quick-add markers at all (plain titles save as they are). */
export function usesQuickAdd(line: string): boolean {
  return /(^|\s)([@#!]\S|due:)/iu.test(line);
}

export function QuickAddPreview({ parsed, problem, people }: QuickAddPreviewProps) {
  const errors = problem ? [...parsed.errors, problem] : parsed.errors;
  const who = (name: string) => matchMention(people, name)?.name ?? `${name} (new)`;
  return (
    <div class="quick-preview small" aria-live="polite">
      <p class="muted">Will save:</p>
      <ul>
        <li>
          Decision: <strong>{parsed.title || '—'}</strong>
        </li>
        {parsed.mentions[0] && <li>Accountable: {who(parsed.mentions[0])}</li>}
        {parsed.mentions.length > 1 && <li>Responsible: {parsed.mentions.slice(1).map(who).join(', ')}</li>}
        {parsed.tags.length > 0 && <li>Tags: {parsed.tags.map((t) => `#${t}`).join(' ')}</li>}
        {parsed.due && (
          <li>
            Next step: {nextStepTitle(parsed.status)}, due {parsed.due.label}
          </li>
        )}
        {parsed.status && <li>Status: {parsed.status}</li>}
      </ul>
      {errors.length > 0 && (
        <ul class="error" aria-label="Problems with this line">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

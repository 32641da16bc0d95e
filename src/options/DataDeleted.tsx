// Deleted decisions are tombstones, not gone: the most recent ones can be restored from here.
import { useState } from 'preact/hooks';
import { database } from '../storage/db';
import { undeleteDecision } from '../storage/decisions';
import { act, errorText } from '../ui/actions';
import { useLive } from '../ui/use-live';

const SHOWN = 20;

export function DataDeleted() {
  const deleted = useLive(
    () => database().decisions.orderBy('_deleted').reverse().limit(SHOWN).toArray(),
    [],
    [],
  );
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!deleted.length && !message) return null;
  const restore = (id: string, title: string) =>
    act((ctx) => undeleteDecision(ctx, id), `restoring “${title}”`).then(
      () => setMessage({ text: `Restored “${title}”.`, error: false }),
      (e) => setMessage({ text: errorText(e), error: true }),
    );
  return (
    <div class="data-deleted">
      <h3 id="deleted-title">Recently deleted</h3>
      <ul class="plain" aria-labelledby="deleted-title">
        {deleted.map((d) => (
          <li key={d.id} class="row">
            <span>
              {d.title} <span class="muted">— deleted {new Date(d.updatedAt).toLocaleDateString()}</span>
            </span>
            <button
              type="button"
              aria-label={`Restore “${d.title}”`}
              onClick={() => void restore(d.id, d.title)}
            >
              Restore
            </button>
          </li>
        ))}
      </ul>
      <p role="status" class={message?.error ? 'error' : 'muted'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}

// The last few decisions logged or edited, a glance at what moved; the due list is the main course.
import { database } from '../storage/db';
import { useLive } from '../ui/use-live';

const SHOWN = 3;

export function RecentDecisions() {
  const recent = useLive(
    async () =>
      (await database().decisions.orderBy('updatedAt').reverse().limit(20).toArray())
        .filter((d) => !d.deleted)
        .slice(0, SHOWN),
    [],
    [],
  );
  return (
    <section class="recent" aria-labelledby="recent-title">
      <h2 id="recent-title">Recently logged</h2>
      {recent.length ? (
        <ul class="plain">
          {recent.map((d) => (
            <li key={d.id} class="row">
              <span class={`badge status-${d.status}`}>{d.status}</span> {d.title}
            </li>
          ))}
        </ul>
      ) : (
        <p class="muted">Decisions you log on Jira, GitHub, Confluence or Notion pages will appear here.</p>
      )}
    </section>
  );
}

// The RACI matrix: the filtered decisions as columns, their stakeholders as rows, each cell the
// person's role letter tinted by their stance; each row's load says who is on the hook (A) and
// who holds things up (Consulted, not heard yet).
import { useMemo } from 'preact/hooks';
import { type LogEntry, raciMatrix } from '../core/log';
import { RACI_LABELS, STANCE_LABELS } from '../core/raci';
import './matrix.css';
import { plural } from '../core/plural';

export interface MatrixViewProps {
  entries: LogEntry[];
}

const MAX_COLUMNS = 60;

export function MatrixView({ entries }: MatrixViewProps) {
  const matrix = useMemo(() => raciMatrix(entries, MAX_COLUMNS), [entries]);
  if (!matrix.rows.length)
    return <p class="empty muted">No stakeholders on the decisions shown. Loosen a filter or add roles.</p>;
  return (
    <section class="matrix-view" aria-labelledby="matrix-caption">
      <p class="muted legend">
        {matrix.total > matrix.columns.length
          ? `Showing the first ${matrix.columns.length} of ${plural(matrix.total, 'decision')} as columns; the load counts all of them. Narrow the filters to see the rest.`
          : `${plural(matrix.total, 'decision')}.`}{' '}
        Colour is the stance: <span class="cell-key cell-supports">supports</span>{' '}
        <span class="cell-key cell-committed">committed</span>{' '}
        <span class="cell-key cell-concerns">concerns</span>{' '}
        <span class="cell-key cell-opposes">opposes</span>{' '}
        <span class="cell-key cell-unknown">not heard</span>
      </p>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard */}
      <section class="matrix-scroll" tabIndex={0} aria-label="RACI matrix, scrollable">
        <table class="matrix">
          <caption id="matrix-caption" class="sr-only">
            RACI matrix: stakeholders by decision
          </caption>
          <thead>
            <tr>
              <th scope="col" class="person-col">
                Stakeholder
              </th>
              <th scope="col" class="load-col">
                Load
              </th>
              {matrix.columns.map((e) => (
                <th key={e.decision.id} scope="col" class="decision-col" title={e.decision.title}>
                  <span>{e.decision.title}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {matrix.rows.map((row) => (
              <tr key={row.person.id}>
                <th scope="row" class="person-col">
                  {row.person.name}
                  {row.person.function && <span class="muted"> · {row.person.function}</span>}
                </th>
                <td class="load-col">
                  <span title="Accountable for">A {row.load.A}</span>
                  {' · '}
                  <span class={row.load.pending ? 'gap' : ''} title="Consulted, not heard yet">
                    {row.load.pending} pending
                  </span>
                  <span class="sr-only">{`; R ${row.load.R}, C ${row.load.C}, I ${row.load.I}`}</span>
                </td>
                {matrix.columns.map((e) => {
                  const cell = row.cells.get(e.decision.id);
                  return cell ? (
                    <td key={e.decision.id} class={`raci cell-${cell.stance}`} title={cell.note || undefined}>
                      {cell.raci}
                      <span class="sr-only">
                        {` ${RACI_LABELS[cell.raci]}, ${STANCE_LABELS[cell.stance].toLowerCase()}`}
                      </span>
                    </td>
                  ) : (
                    <td key={e.decision.id} class="raci empty-cell" />
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </section>
  );
}

// What this browser keeps, and keeping it safe: storage health, backups and exports, imports,
// the backup reminder, and deleted decisions to restore. The backup reminder opens this section
// (options page #data).
import { useEffect, useRef } from 'preact/hooks';
import { database } from '../storage/db';
import { SaveErrorBanner } from '../ui/SaveErrorBanner';
import { useLive } from '../ui/use-live';
import { DataDeleted } from './DataDeleted';
import { DataExport } from './DataExport';
import { DataReminder } from './DataReminder';
import { DataStorage } from './DataStorage';
import { ImportPanel } from './ImportPanel';
import './data.css';
import { plural } from '../core/plural';

export function DataSection() {
  const counts = useLive(
    async () => {
      const db = database();
      // Index counts only: this re-runs on every write, e.g. each page of a first sync.
      const [all, deleted, stakeholders] = await Promise.all([
        db.decisions.count(),
        db.decisions.where('_deleted').above('').count(),
        db.stakeholders.filter((s) => !s.deleted).count(),
      ]);
      return { decisions: all - deleted, stakeholders };
    },
    [],
    { decisions: 0, stakeholders: 0 },
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // Rendered after the browser looked for #data: bring it into view and put the keyboard there.
  useEffect(() => {
    if (location.hash === '#data') {
      heading.current?.scrollIntoView();
      heading.current?.focus();
    }
  }, []);

  return (
    <section id="data" aria-labelledby="data-title" class="data-section">
      <h2 id="data-title" tabIndex={-1} ref={heading}>
        Your data
      </h2>
      <p>
        This browser keeps {plural(counts.decisions, 'decision')} and{' '}
        {plural(counts.stakeholders, 'stakeholder')}.
      </p>
      <SaveErrorBanner />
      <DataStorage version={`${counts.decisions}/${counts.stakeholders}`} />
      <DataExport />
      <DataReminder />
      <ImportPanel />
      <DataDeleted />
    </section>
  );
}

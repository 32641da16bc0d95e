// The command palette's commands for the sidebar: new decision, filters, jump to a decision, the
// directory, hiding the sidebar and opening the decision log.
import { STATUSES } from '../core/schemas';
import type { Command } from '../ui/CommandPalette';
import type { ListFilter } from './list-model';
import { NO_FILTER } from './list-model';
import type { PageSummary } from './page-summary';

export interface PaletteActions {
  newDecision: () => void;
  search: () => void;
  filter: (f: ListFilter) => void;
  open: (decisionId: string) => void;
  directory: () => void;
  hideSidebar: () => void;
  openLog: () => void;
}

export function paletteCommands(summary: PageSummary, filter: ListFilter, a: PaletteActions): Command[] {
  const people = [...summary.people.values()].sort((x, y) => x.name.localeCompare(y.name));
  return [
    { id: 'new', group: 'Log', label: 'New decision on this page', run: a.newDecision },
    { id: 'search', group: 'Filter', label: 'Search decisions', run: a.search },
    ...STATUSES.map((s) => ({
      id: `status-${s}`,
      group: 'Filter',
      label: `Status: ${s}`,
      run: () => a.filter({ ...filter, status: s }),
    })),
    ...people.map((p) => ({
      id: `person-${p.id}`,
      group: 'Filter',
      label: `Stakeholder: ${p.name}`,
      run: () => a.filter({ ...filter, stakeholderId: p.id }),
    })),
    { id: 'clear', group: 'Filter', label: 'Clear filters', run: () => a.filter(NO_FILTER) },
    ...summary.cards.map((c) => ({
      id: `open-${c.decision.id}`,
      group: 'Go to',
      label: c.decision.title,
      run: () => a.open(c.decision.id),
    })),
    { id: 'directory', group: 'Go to', label: 'Stakeholder directory', run: a.directory },
    { id: 'log', group: 'Go to', label: 'Open the decision log', run: a.openLog },
    { id: 'hide', group: 'Sidebar', label: 'Toggle sidebar (hide)', run: a.hideSidebar },
  ];
}

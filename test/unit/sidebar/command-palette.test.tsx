// @vitest-environment happy-dom
// The command palette: filter as you type, arrows and Enter run, Esc closes and focus goes back.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AlignmentBar, describeAlignment } from '../../../src/ui/AlignmentBar';
import { type Command, CommandPalette, matchCommands } from '../../../src/ui/CommandPalette';
import { mountUi, press, type, unmountUi } from './helpers';

afterEach(unmountUi);

const commands = (run = vi.fn()): Command[] => [
  { id: 'new', group: 'Log', label: 'New decision on this page', run: () => run('new') },
  { id: 'search', group: 'Filter', label: 'Search decisions', run: () => run('search') },
  { id: 'redis', group: 'Go to', label: 'Move sessions to Redis', run: () => run('redis') },
];

describe('CommandPalette', () => {
  it('matches every typed word against group and label', () => {
    expect(matchCommands(commands(), 'go redis').map((c) => c.id)).toEqual(['redis']);
    expect(matchCommands(commands(), 'decision').map((c) => c.id)).toEqual(['new', 'search']);
    expect(matchCommands(commands(), '').map((c) => c.id)).toEqual(['new', 'search', 'redis']);
  });

  it('takes focus, moves with the arrows, runs with Enter and gives focus back', async () => {
    const before = document.createElement('button');
    document.body.append(before);
    before.focus();
    const run = vi.fn();
    const onClose = vi.fn();
    const el = await mountUi(<CommandPalette commands={commands(run)} onClose={onClose} />);
    const input = el.querySelector('input') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    await type(input, 'decision');
    expect(el.querySelectorAll('[role="option"]')).toHaveLength(2);
    await press(input, 'ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe('palette-search');
    await press(input, 'Enter');
    expect(onClose).toHaveBeenCalled();
    await vi.waitFor(() => expect(run).toHaveBeenCalledWith('search'));
    await unmountUi();
    expect(document.activeElement).toBe(before);
    before.remove();
  });

  it('closes on Esc and says when nothing matches', async () => {
    const onClose = vi.fn();
    const el = await mountUi(<CommandPalette commands={commands()} onClose={onClose} />);
    const input = el.querySelector('input') as HTMLInputElement;
    await type(input, 'zzz');
    expect(el.textContent).toContain('No command matches.');
    await press(input, 'Escape');
    expect(onClose).toHaveBeenCalledOnce();
  });
});

describe('AlignmentBar', () => {
  it('sizes one segment per stance held and spells the counts out', async () => {
    const alignment = { supports: 2, concerns: 1, opposes: 0, committed: 1, unknown: 0 };
    expect(describeAlignment(alignment)).toBe('2 support, 1 committed, 1 with concerns');
    const el = await mountUi(<AlignmentBar alignment={alignment} />);
    const segments = [...el.querySelectorAll<HTMLElement>('.alignment-seg')];
    expect(segments.map((s) => [s.className, s.style.flexGrow])).toEqual([
      ['alignment-seg stance-supports', '2'],
      ['alignment-seg stance-committed', '1'],
      ['alignment-seg stance-concerns', '1'],
    ]);
    expect(el.querySelector('[role="img"]')?.getAttribute('aria-label')).toBe(
      'Alignment: 2 support, 1 committed, 1 with concerns',
    );
  });

  it('says when nobody is involved yet', () => {
    expect(describeAlignment({ supports: 0, concerns: 0, opposes: 0, committed: 0, unknown: 0 })).toBe(
      'No stakeholders yet',
    );
  });
});

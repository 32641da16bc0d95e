// What a first-time user sees: how to log the first decision, the shortcuts, and quick add.
export interface EmptyStateProps {
  canHighlight: boolean;
}

export function EmptyState({ canHighlight }: EmptyStateProps) {
  return (
    <div class="empty">
      <p>
        <strong>No decisions on this page yet.</strong>
      </p>
      {canHighlight ? (
        <ol>
          <li>Select the words where the decision was made.</li>
          <li>
            Press <strong>Log decision</strong> next to the selection, or <kbd>Alt</kbd>+<kbd>Shift</kbd>+
            <kbd>D</kbd>.
          </li>
          <li>
            Type what was decided and press <kbd>Enter</kbd>. One line can say more:{' '}
            <code>Use Postgres for sync @Dana #backend due:fri !decided</code> names the Accountable, a tag, a
            follow-up date and the status.
          </li>
        </ol>
      ) : (
        <p>This page is drawn on a canvas, so text cannot be highlighted. Log a page decision instead.</p>
      )}
      <ul class="muted shortcuts">
        <li>
          <kbd>Alt</kbd>+<kbd>Shift</kbd>+<kbd>S</kbd> shows or hides this sidebar.
        </li>
        <li>
          <kbd>Ctrl</kbd>/<kbd>⌘</kbd>+<kbd>K</kbd> opens the command palette.
        </li>
      </ul>
    </div>
  );
}

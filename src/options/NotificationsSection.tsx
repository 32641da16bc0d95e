// Reminders: whether a notification appears when something of mine falls due, and the quiet
// hours during which they wait. Saved as changed; the background reschedules on its own.
import { useEffect, useState } from 'preact/hooks';
import { loadSettings, onSettingsChanged, type Settings, saveSettings } from '../storage/settings';
import { errorText } from '../ui/actions';

type Notifications = Settings['notifications'];

export function NotificationsSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  if (!settings) return null;
  const n = settings.notifications;
  const q = n.quietHours;

  const save = (notifications: Notifications) => {
    const next = { ...settings, notifications };
    setSettings(next);
    saveSettings(next).then(
      () => setMessage({ text: 'Saved.' }),
      (error) => setMessage({ text: errorText(error), error: true }),
    );
  };
  const saveQuiet = (patch: Partial<Notifications['quietHours']>) =>
    save({ ...n, quietHours: { ...q, ...patch } });

  return (
    <section aria-labelledby="notifications-title">
      <h2 id="notifications-title">Reminders</h2>
      <label class="check">
        <input
          type="checkbox"
          checked={n.enabled}
          onChange={(e) => save({ ...n, enabled: e.currentTarget.checked })}
        />
        Notify me when a follow-up or a review of mine falls due
      </label>
      <fieldset class="quiet" disabled={!n.enabled}>
        <legend>Quiet hours</legend>
        <label class="check">
          <input
            type="checkbox"
            checked={q.enabled}
            onChange={(e) => saveQuiet({ enabled: e.currentTarget.checked })}
          />
          Hold reminders back during these hours; they appear when the quiet hours end
        </label>
        <div class="row">
          <label for="quiet-start">Quiet from</label>
          <input
            id="quiet-start"
            type="time"
            value={q.start}
            disabled={!q.enabled}
            onChange={(e) => e.currentTarget.value && saveQuiet({ start: e.currentTarget.value })}
          />
          <label for="quiet-end">until</label>
          <input
            id="quiet-end"
            type="time"
            value={q.end}
            disabled={!q.enabled}
            onChange={(e) => e.currentTarget.value && saveQuiet({ end: e.currentTarget.value })}
          />
        </div>
      </fieldset>
      <p class="muted">The toolbar badge counts what is overdue or due today either way.</p>
      <p class={message?.error ? 'error' : 'muted'} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}

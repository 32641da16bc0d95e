// Appearance: System, Light or Dark for the popup, the sidebar, the log and this page. Saved as
// changed; every open page follows at once (see ui/apply-theme).
import { useEffect, useState } from 'preact/hooks';
import {
  loadSettings,
  onSettingsChanged,
  type Settings,
  saveSettings,
  type Theme,
} from '../storage/settings';
import { errorText } from '../ui/actions';

const CHOICES: [Theme, string, string][] = [
  ['system', 'System', 'as your system is set; the sidebar follows a page that declares dark or light'],
  ['light', 'Light', ''],
  ['dark', 'Dark', ''],
];

export function ThemeSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    void loadSettings().then(setSettings);
    return onSettingsChanged(setSettings);
  }, []);
  if (!settings) return null;
  const choose = (theme: Theme) => {
    const next = { ...settings, theme };
    setSettings(next);
    saveSettings(next).then(
      () => setError(''),
      (e) => setError(errorText(e)),
    );
  };
  return (
    <section aria-labelledby="theme-title">
      <h2 id="theme-title">Appearance</h2>
      <fieldset class="theme-choice">
        <legend>Theme</legend>
        {CHOICES.map(([value, name, hint]) => (
          <label class="check" key={value}>
            <input
              type="radio"
              name="theme"
              value={value}
              checked={settings.theme === value}
              onChange={() => choose(value)}
            />
            {name}
            {hint && <span class="muted small"> — {hint}</span>}
          </label>
        ))}
      </fieldset>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}

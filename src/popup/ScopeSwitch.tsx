// Mine or everyone's: once a person has said who they are (options), the list shows what they
// own, with a switch to the whole workspace's.
import { api } from '../messaging/browser-api';

export type Scope = 'mine' | 'everyone';

export interface ScopeSwitchProps {
  /** The name of "me", or null when nobody is set in the options. */
  meName: string | null;
  scope: Scope;
  onChange: (scope: Scope) => void;
}

export function ScopeSwitch({ meName, scope, onChange }: ScopeSwitchProps) {
  if (!meName) {
    return (
      <p class="scope muted">
        Showing everyone’s items.{' '}
        <a href={api.runtime.getURL('src/options/index.html')} target="_blank" rel="noreferrer">
          Say who you are
        </a>{' '}
        to see yours first.
      </p>
    );
  }
  return (
    <fieldset class="scope row">
      <legend class="sr-only">Whose items</legend>
      {(['mine', 'everyone'] as const).map((value) => (
        <label key={value} class={scope === value ? 'seg on' : 'seg'}>
          <input
            type="radio"
            name="scope"
            value={value}
            checked={scope === value}
            onChange={() => onChange(value)}
          />
          {value === 'mine' ? `Mine (${meName})` : 'Everyone'}
        </label>
      ))}
    </fieldset>
  );
}

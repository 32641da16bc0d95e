// "Who am I": the stakeholder this person is, so the popup and badge show their items first and
// history records them as the actor. Stored in the local meta table (never synced: each teammate
// is someone else).
import { useState } from 'preact/hooks';
import { sendFromPage } from '../messaging/index';
import { metaValue, setMetaValue } from '../storage/context';
import { database } from '../storage/db';
import { ME_KEY } from '../storage/due-query';
import { createStakeholder } from '../storage/people';
import { act, errorText } from '../ui/actions';
import { useLive } from '../ui/use-live';

async function chooseMe(id: string | null): Promise<void> {
  const db = database();
  if (id) await setMetaValue(db, ME_KEY, id);
  else await db.meta.delete(ME_KEY);
  // The badge and reminders follow "me": let the background recount.
  await sendFromPage('data:changed', {}).catch(() => {});
}

export function IdentitySection() {
  const data = useLive(
    async () => {
      const db = database();
      const people = (await db.stakeholders.orderBy('name').toArray()).filter((p) => !p.deleted);
      const me = (await metaValue<string>(db, ME_KEY)) ?? '';
      return { people, me: people.some((p) => p.id === me) ? me : '' };
    },
    [],
    null,
  );
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ text: string; error?: boolean } | null>(null);
  const done = (text: string) => setMessage({ text });
  const fail = (error: unknown) => setMessage({ text: errorText(error), error: true });

  const pick = (id: string) => {
    const who = data?.people.find((p) => p.id === id)?.name;
    chooseMe(id || null).then(
      () =>
        done(who ? `Saved: you are ${who}. The popup and badge show your items first.` : 'Saved: nobody.'),
      fail,
    );
  };
  const addMe = async (e: Event) => {
    e.preventDefault();
    if (!name.trim()) return setMessage({ text: 'Type your name first.', error: true });
    try {
      const id = await act((ctx) => createStakeholder(ctx, { name }));
      await chooseMe(id);
      setName('');
      done(`Saved: you are ${name.trim()}. The popup and badge show your items first.`);
    } catch (error) {
      fail(error);
    }
  };

  return (
    <section aria-labelledby="identity-title">
      <h2 id="identity-title">Who are you?</h2>
      <p class="muted">
        Pick the stakeholder you are. The toolbar popup then lists the follow-ups you own and the reviews you
        are Accountable for (with a switch to everyone’s), and the badge counts only yours.
      </p>
      <label for="identity-me">I am</label>
      <select
        id="identity-me"
        value={data?.me ?? ''}
        disabled={!data}
        onChange={(e) => pick(e.currentTarget.value)}
      >
        <option value="">Nobody in particular — show everyone’s items</option>
        {data?.people.map((p) => (
          <option key={p.id} value={p.id}>
            {p.function ? `${p.name} (${p.function})` : p.name}
          </option>
        ))}
      </select>
      <form class="row" onSubmit={addMe}>
        <label for="identity-new">Not in the list? Add yourself</label>
        <input
          id="identity-new"
          value={name}
          maxLength={120}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit">Add me</button>
      </form>
      <p class={message?.error ? 'error' : 'muted'} role="status">
        {message?.text ?? ''}
      </p>
    </section>
  );
}

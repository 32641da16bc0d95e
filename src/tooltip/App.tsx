// The hover tip's content: the title and status of the decision named in the URL fragment.
import { useEffect, useState } from 'preact/hooks';
import { database } from '../storage/db';
import { useLive } from '../ui/use-live';

export function App() {
  const [id, setId] = useState(location.hash.slice(1));
  useEffect(() => {
    const onHash = () => setId(location.hash.slice(1));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const decision = useLive(() => (id ? database().decisions.get(id) : undefined), [id], undefined);
  return (
    <div class="tip" role="tooltip">
      {decision ? (
        <>
          <span class={`badge status-${decision.status}`}>{decision.status}</span>{' '}
          <strong>{decision.title}</strong>
        </>
      ) : (
        ' '
      )}
    </div>
  );
}

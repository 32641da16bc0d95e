// The hover tip's content: the title and status of the decision named in the URL fragment
// (`#<id>`, or `#<id>/above` when the tip shows above the pointer and hugs the frame's bottom).
import { useEffect, useState } from 'preact/hooks';
import { database } from '../storage/db';
import { useLive } from '../ui/use-live';

export function App() {
  const [hash, setHash] = useState(location.hash.slice(1));
  const [id, where] = hash.split('/');
  useEffect(() => {
    const onHash = () => setHash(location.hash.slice(1));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const decision = useLive(() => (id ? database().decisions.get(id) : undefined), [id], undefined);
  return (
    <div class={`tip${where === 'above' ? ' above' : ''}`} role="tooltip" hidden={!decision}>
      {decision ? (
        <>
          <span class={`badge status-${decision.status}`}>{decision.status}</span>{' '}
          <strong>{decision.title}</strong>
        </>
      ) : null}
    </div>
  );
}

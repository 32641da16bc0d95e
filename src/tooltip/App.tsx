// The hover tip's content: the title and status of the decision named in the URL fragment
// (`#<id>`, or `#<id>/above` when the tip shows above the pointer and hugs the frame's bottom),
// asked of the background over the frame's port once the handshake has passed.
import { useEffect, useState } from 'preact/hooks';
import { useFrameState, useQuery } from '../sidebar/api';

export function App() {
  return useFrameState() === 'ready' ? <Tip /> : null;
}

function Tip() {
  const [hash, setHash] = useState(location.hash.slice(1));
  const [id = '', where] = hash.split('/');
  useEffect(() => {
    const onHash = () => setHash(location.hash.slice(1));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  // The fragment is the page's to set: only a decision id is ever asked for.
  const valid = /^[0-9a-f-]{36}$/.test(id);
  const decision = useQuery('decision:tip', [valid ? id : '00000000-0000-0000-0000-000000000000'], null);
  return (
    <div class={`tip${where === 'above' ? ' above' : ''}`} role="tooltip" hidden={!(valid && decision)}>
      {valid && decision ? (
        <>
          <span class={`badge status-${decision.status}`}>{decision.status}</span>{' '}
          <strong>{decision.title}</strong>
        </>
      ) : null}
    </div>
  );
}

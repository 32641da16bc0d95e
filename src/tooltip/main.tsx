import { setFrameClient } from '../sidebar/api';
import { createFrameClient, secretsFromParent } from '../sidebar/frame-client';
import { mount } from '../ui/mount';
import { App } from './App';
import './tooltip.css';

const client = createFrameClient({ kind: 'tooltip', secrets: secretsFromParent });
// Whether the background accepted this frame, for tests and debugging (see the sidebar's main).
client.onState((state) => {
  document.body.dataset.frame = state;
});
setFrameClient(client);
mount(<App />);

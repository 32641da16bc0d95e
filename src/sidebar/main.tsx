import { setDataSource } from '../ui/data-source';
import { mount } from '../ui/mount';
import { App } from './App';
import { remoteData, setFrameClient } from './api';
import { createFrameClient, secretsFromParent } from './frame-client';

const client = createFrameClient({ kind: 'sidebar', secrets: secretsFromParent });
// Whether the background accepted this frame, for tests and debugging: the page cannot read an
// extension document, and the state says nothing about the workspace.
client.onState((state) => {
  document.body.dataset.frame = state;
});
setFrameClient(client);
setDataSource(remoteData);
mount(<App />);

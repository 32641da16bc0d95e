// The options page: one section per concern, each in its own file.
import { DataSection } from './DataSection';
import { IdentitySection } from './IdentitySection';
import { NotificationsSection } from './NotificationsSection';
import { SitesSection } from './SitesSection';
import { SyncSection } from './SyncSection';
import { ThemeSection } from './ThemeSection';
import './options.css';

export function App() {
  return (
    <main class="options" aria-labelledby="options-title">
      <h1 id="options-title">Decidedly options</h1>
      <IdentitySection />
      <NotificationsSection />
      <ThemeSection />
      <SitesSection />
      <SyncSection />
      <DataSection />
    </main>
  );
}

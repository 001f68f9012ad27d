import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './print.css';
import { Root } from './Root';
import { captureToken } from '../api/token';

function render(): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('#root missing from index.html');
  createRoot(container).render(
    <StrictMode>
      <Root />
    </StrictMode>,
  );
}

captureToken();
// A share link's draft (#…draft=…, the test readDraftFromHash makes) is read before the first
// render; its decoder (and its inflate) loads only then, so other loads do without it.
if (/(?:^#?|&)draft=/.test(window.location.hash)) {
  void import('../features/share/incomingDraft').then(({ captureSharedDraft }) => {
    captureSharedDraft();
    render();
  }, render);
} else {
  render();
}

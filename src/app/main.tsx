import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './print.css';
import { Root } from './Root';
import { captureToken } from '../api/token';
import { carriesFiles } from '../features/import/carriesFiles';

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
// The import's drop zone mounts with the toolbar, after the first screen. Until then a file
// dropped on the page must not replace it (the browser would open the file and leave the app).
for (const type of ['dragover', 'drop'] as const) {
  window.addEventListener(type, (event) => {
    if (carriesFiles(event)) event.preventDefault();
  });
}
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

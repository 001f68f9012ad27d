import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { captureSharedDraft } from '../features/share/incomingDraft';
import './print.css';
import { Root } from './Root';
import { captureToken } from '../api/token';

captureToken();
captureSharedDraft();

const container = document.getElementById('root');
if (!container) throw new Error('#root missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);

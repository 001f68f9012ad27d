import { Component, type ReactNode } from 'react';
import { PlainJsonEditor } from './PlainJsonEditor';

interface State {
  readonly error: string | null;
}

/** If Monaco's chunk fails to load or the editor throws, the JSON view falls back to plain text. */
export class JsonEditorBoundary extends Component<{ readonly children: ReactNode }, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error.message : String(error) };
  }

  render() {
    if (this.state.error !== null) return <PlainJsonEditor reason={this.state.error} />;
    return this.props.children;
  }
}

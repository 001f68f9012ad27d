import { Suspense, type ReactNode } from 'react';
import { LoadingFeature } from './LoadingFeature';

export interface LazyMountProps {
  /** whether it has been opened once: from then on it stays mounted, so closing keeps its transition */
  readonly used: boolean;
  readonly open: boolean;
  /** names the progress bar shown while its chunk loads */
  readonly label: string;
  readonly children: ReactNode;
}

/** A lazily loaded dialog: nothing until first opened, a progress bar while its chunk loads. */
export function LazyMount({ used, open, label, children }: LazyMountProps) {
  if (!used) return null;
  return <Suspense fallback={open ? <LoadingFeature label={label} /> : null}>{children}</Suspense>;
}

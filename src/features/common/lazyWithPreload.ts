import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface PreloadableComponent<P> {
  /** render inside <Suspense>; loads its chunk on first render */
  readonly Component: LazyExoticComponent<ComponentType<P>>;
  /** starts loading the chunk (on hover or focus of the control that opens it); safe to call often */
  readonly preload: () => void;
}

/**
 * React.lazy with a preload: a dialog or a rarely used feature stays out of the main chunk, and
 * its chunk can start loading before the click that needs it. One request however often called.
 */
export function lazyWithPreload<P extends object>(load: () => Promise<ComponentType<P>>): PreloadableComponent<P> {
  let loading: Promise<{ default: ComponentType<P> }> | undefined;
  const start = () => (loading ??= load().then((component) => ({ default: component })));
  return {
    Component: lazy(start),
    preload: () => {
      // a failed preload is retried on render, where Suspense and the error boundary see it
      start().catch(() => {
        loading = undefined;
      });
    },
  };
}

import LinearProgress from '@mui/material/LinearProgress';

/**
 * The Suspense fallback of a dialog whose chunk is still loading: a thin bar along the top of the
 * window, so the click visibly did something and the page stays usable meanwhile.
 */
export function LoadingFeature({ label }: { readonly label: string }) {
  return (
    <LinearProgress
      aria-label={label}
      sx={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: (theme) => theme.zIndex.modal + 1 }}
    />
  );
}

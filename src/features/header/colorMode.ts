/** The app's colour scheme: the header's toggle chooses it, the composition root applies it. */
export type ColorMode = 'light' | 'dark';

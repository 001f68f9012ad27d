/**
 * The parts of the page that load right after the top bar and the search box (App.tsx): one
 * chunk, so that the first screen's JavaScript is only what the search needs.
 */
export { PolicyToolbar } from '../features/header/PolicyToolbar';
export { BlockList } from '../features/blocks/BlockList';
export { DraftStatus } from '../features/drafts/DraftStatus';
export { PolicySetBar } from '../features/account/PolicySetBar';
export { OtherTabBanner } from '../features/drafts/OtherTabBanner';
export { SidePanel } from './SidePanel';

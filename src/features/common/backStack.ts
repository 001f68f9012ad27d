/**
 * "Back closes an open dialog": one history entry per open dialog (or menu, or popover). The
 * browser's Back pops that entry, and the top dialog closes instead of the app being left; a
 * dialog closed by other means (its buttons, Escape, a click outside) takes its entry back off
 * the history, so Back after it leaves nothing behind. Pure: the history and the dialogs are
 * passed in (see useBackToClose for the browser's).
 */

/** The part of `window.history` used. */
export interface HistoryLike {
  pushState(data: unknown, unused: string): void;
  go(delta: number): void;
}

/** Marks the entries this module pushed. */
export const BACK_ENTRY_KEY = 'workbenchDialog';

export class BackStack {
  /** entries pushed for dialogs and still on the history */
  private pushed = 0;
  /** popstate events that our own history.go calls will cause, to be ignored */
  private ownPops = 0;
  /** the dialog count Back asked to close down to, while it is closing */
  private closingTo: number | undefined;
  /** the dialog count last reported, counted again once our own history.go has landed */
  private latest = 0;

  constructor(
    private readonly history: HistoryLike,
    /** closes the topmost dialog (as Escape would) */
    private readonly closeTop: () => void,
  ) {}

  /** How many history entries are held for dialogs now. */
  get entries(): number {
    return this.pushed;
  }

  /** The number of open dialogs changed (or is being checked): push or drop entries to match. */
  dialogsChanged(open: number): void {
    this.latest = open;
    // history.go is asynchronous: an entry pushed before it lands would be counted wrong (and a
    // later go could leave the app). Count again when its popstate arrives.
    if (this.ownPops > 0) return;
    if (this.closingTo !== undefined) {
      if (open > this.closingTo) return; // still closing (its exit transition)
      this.closingTo = undefined;
    }
    while (this.pushed < open) {
      this.pushed += 1;
      this.history.pushState({ [BACK_ENTRY_KEY]: this.pushed }, '');
    }
    if (this.pushed > open) {
      const extra = this.pushed - open;
      this.pushed = open;
      this.ownPops += 1;
      this.history.go(-extra);
    }
  }

  /** The browser went back (popstate). */
  popped(): void {
    if (this.ownPops > 0) {
      this.ownPops -= 1;
      if (this.ownPops === 0) this.dialogsChanged(this.latest);
      return;
    }
    if (this.pushed === 0) return;
    this.pushed -= 1;
    this.closingTo = this.pushed;
    this.closeTop();
  }

  /**
   * Called a while after `popped` (longer than an exit transition): a dialog that would not
   * close (one that is busy and ignores Escape) gets its entry back, so the next Back does not
   * leave the app.
   */
  settle(open: number): void {
    this.closingTo = undefined;
    this.dialogsChanged(open);
  }
}

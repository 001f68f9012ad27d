import { describe, expect, it } from 'vitest';
import { BACK_ENTRY_KEY, BackStack, type HistoryLike } from './backStack';

/** A history with a cursor, as the browser keeps it; `go` reports the popstate it would fire. */
class FakeHistory implements HistoryLike {
  entries: unknown[] = ['app'];
  index = 0;
  pops = 0;
  pushState(data: unknown): void {
    this.entries = [...this.entries.slice(0, this.index + 1), data];
    this.index += 1;
  }
  go(delta: number): void {
    this.index = Math.max(0, Math.min(this.entries.length - 1, this.index + delta));
    this.pops += 1;
  }
  /** the user presses Back */
  back(): void {
    this.go(-1);
  }
}

function setup() {
  const history = new FakeHistory();
  let open = 0;
  let closes = 0;
  let refuses = false;
  const stack = new BackStack(history, () => {
    closes += 1;
    if (!refuses) open -= 1;
  });
  return {
    history,
    stack,
    open: (n = 1) => {
      open += n;
      stack.dialogsChanged(open);
    },
    closeByButton: () => {
      open -= 1;
      stack.dialogsChanged(open);
    },
    /** Back, then the popstate, then the dialog's exit transition ends */
    back: () => {
      history.back();
      stack.popped();
      stack.dialogsChanged(open);
    },
    /** the popstate of an own history.go call arrives */
    deliverOwnPop: () => stack.popped(),
    refuse: () => {
      refuses = true;
    },
    get openCount() {
      return open;
    },
    get closes() {
      return closes;
    },
  };
}

describe('BackStack', () => {
  it('pushes one entry per dialog, and Back closes the top one without leaving the app', () => {
    const t = setup();
    t.open();
    expect(t.history.index).toBe(1);
    expect(t.history.entries[1]).toEqual({ [BACK_ENTRY_KEY]: 1 });
    t.back();
    expect(t.closes).toBe(1);
    expect(t.openCount).toBe(0);
    expect(t.history.index).toBe(0); // the app's own entry: still in the app
    expect(t.stack.entries).toBe(0);
  });

  it('a dialog closed by its buttons takes its entry off the history, and that popstate is ignored', () => {
    const t = setup();
    t.open();
    t.closeByButton();
    expect(t.history.index).toBe(0);
    t.deliverOwnPop();
    expect(t.closes).toBe(0);
    // a later Back leaves the app as usual: nothing of ours is left
    expect(t.stack.entries).toBe(0);
  });

  it('nested dialogs: each Back closes the top one', () => {
    const t = setup();
    t.open();
    t.open();
    expect(t.history.index).toBe(2);
    t.back();
    expect(t.openCount).toBe(1);
    expect(t.history.index).toBe(1);
    t.back();
    expect(t.openCount).toBe(0);
    expect(t.history.index).toBe(0);
    expect(t.closes).toBe(2);
  });

  it('waits for the closing dialog instead of pushing again during its exit transition', () => {
    const t = setup();
    t.open();
    t.history.back();
    t.stack.popped();
    // the dialog is still in the page while it fades out
    t.stack.dialogsChanged(1);
    expect(t.history.index).toBe(0);
    expect(t.stack.entries).toBe(0);
  });

  it('a dialog that will not close gets its entry back', () => {
    const t = setup();
    t.open();
    t.refuse();
    t.history.back();
    t.stack.popped();
    t.stack.settle(t.openCount);
    expect(t.openCount).toBe(1);
    expect(t.stack.entries).toBe(1);
    expect(t.history.index).toBe(1);
  });

  it('two dialogs closed at once drop both entries with one go', () => {
    const t = setup();
    t.open(2);
    expect(t.history.index).toBe(2);
    t.stack.dialogsChanged(0);
    expect(t.history.index).toBe(0);
    expect(t.history.pops).toBe(1);
    t.deliverOwnPop();
    expect(t.closes).toBe(0);
  });

  it('a popstate with no dialog entry is left alone', () => {
    const t = setup();
    t.stack.popped();
    expect(t.closes).toBe(0);
  });

  it('a dialog opened before the own go of a closed one has landed gets its entry after it (Back never leaves the app)', () => {
    const t = setup();
    t.open();
    t.closeByButton(); // go(-1) asked; its popstate has not arrived yet
    expect(t.stack.entries).toBe(0);
    t.open(); // a menu opens at once: no entry pushed while the go is in flight
    expect(t.history.entries).toHaveLength(2);
    expect(t.history.index).toBe(0);
    t.deliverOwnPop(); // the go landed: now the menu gets its entry
    expect(t.stack.entries).toBe(1);
    expect(t.history.index).toBe(1);
    t.back(); // Back closes the menu and stays in the app
    expect(t.openCount).toBe(0);
    expect(t.closes).toBe(1);
    expect(t.history.index).toBe(0);
  });
});

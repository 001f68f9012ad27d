/** The nearest ancestor that scrolls vertically, or the document's scrolling element. */
function scrollParent(element: HTMLElement): HTMLElement {
  for (let node = element.parentElement; node; node = node.parentElement) {
    const { overflowY } = getComputedStyle(node);
    if ((overflowY === 'auto' || overflowY === 'scroll') && node.scrollHeight > node.clientHeight)
      return node;
  }
  return (document.scrollingElement as HTMLElement | null) ?? document.documentElement;
}

/**
 * Scrolls permission block `index` (0-based) so that its top shows just below `above` (the sticky
 * search box), unless its top is in view already. A block just `added` always goes to the top, so
 * that its Service field and access levels are in sight.
 */
export function revealBlock(index: number, above: HTMLElement | null, added = false): void {
  const block = document.querySelector<HTMLElement>(`section[aria-label="Permission block ${index + 1}"]`);
  if (!block) return;
  const scroller = scrollParent(block);
  const isDocument = scroller === document.scrollingElement || scroller === document.documentElement;
  const viewBottom = isDocument ? window.innerHeight : scroller.getBoundingClientRect().bottom;
  const limit = (above?.getBoundingClientRect().bottom ?? 0) + 8;
  const top = block.getBoundingClientRect().top;
  if (!added && top >= limit && top <= viewBottom - 120) return;
  if (Math.abs(top - limit) < 2) return;
  scroller.scrollBy({ top: top - limit, behavior: 'smooth' });
}

/**
 * Scrolls permission block `index` (0-based) to the top of the visual editor, below whatever
 * sticks there (the search box), and optionally focuses its Service field. The editor scrolls on
 * its own on wide screens; on narrow ones the page does.
 */
export function scrollBlockIntoView(index: number, options: { focusService?: boolean } = {}): void {
  const region = document.querySelector<HTMLElement>(`section[aria-label="Permission block ${index + 1}"]`);
  if (!region) return;
  if (options.focusService)
    region.querySelector<HTMLInputElement>('input[role="combobox"]')?.focus({ preventScroll: true });
  const main = region.closest<HTMLElement>('main');
  let covered = 8;
  for (const child of Array.from(main?.children ?? [])) {
    if (child instanceof HTMLElement && getComputedStyle(child).position === 'sticky')
      covered += child.offsetHeight;
  }
  if (main && main.scrollHeight > main.clientHeight) {
    const top =
      region.getBoundingClientRect().top - main.getBoundingClientRect().top + main.scrollTop - covered;
    main.scrollTo({ top, behavior: 'smooth' });
  } else {
    window.scrollTo({
      top: region.getBoundingClientRect().top + window.scrollY - covered,
      behavior: 'smooth',
    });
  }
}

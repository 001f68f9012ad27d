import { expect, type Locator, type Page } from '@playwright/test';

/** The editor as a user sees it. */
export class EditorPage {
  constructor(readonly page: Page) {}

  block(n: number): Locator {
    return this.page.getByRole('region', { name: `Permission block ${n}`, exact: true });
  }

  blocks(): Locator {
    return this.page.getByRole('region', { name: /^Permission block \d+$/ });
  }

  addBlock(): Promise<void> {
    return this.page.getByRole('button', { name: 'Add additional permissions' }).click();
  }

  async setSid(n: number, sid: string): Promise<void> {
    await this.block(n).getByLabel(`Sid of permission block ${n}`).fill(sid);
  }

  /** The policy JSON as the app saved it (the autosaved draft's text). */
  async policyText(): Promise<string> {
    // autosave runs 250 ms after the last change: wait until the page says it is saved
    await expect(this.page.getByRole('status', { name: 'Draft status', includeHidden: true })).toHaveText('Saved in this browser');
    return this.page.evaluate(() => {
      const raw = localStorage.getItem('workbench.draft.v1');
      return raw ? (JSON.parse(raw) as { text: string }).text : '';
    });
  }

  async policy(): Promise<{ Version?: string; Statement: Record<string, unknown>[] }> {
    return JSON.parse(await this.policyText()) as { Version?: string; Statement: Record<string, unknown>[] };
  }

  /**
   * Waits until the blocks' service details have loaded, so nothing moves under the pointer
   * (a button that shifts between mouse down and up never gets its click).
   */
  async settled(): Promise<void> {
    const main = this.page.getByRole('main', { name: 'Visual editor' });
    await expect(main.getByRole('progressbar', { name: /^Loading .* action details$/ })).toHaveCount(0);
    await expect(main.getByText(/^Loading the resource types of /)).toHaveCount(0);
  }

  async expectBlockCount(n: number): Promise<void> {
    await expect(this.blocks()).toHaveCount(n);
  }

  /** Seeds the autosaved draft before the app loads (call before openApp). */
  static async seedDraft(page: Page, document: unknown, kind = 'managed'): Promise<void> {
    const text = JSON.stringify(document, null, 4);
    await page.addInitScript(
      ([t, d, k]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('workbench.draft.v1', JSON.stringify({ text: t, document: JSON.parse(d), kind: k, meta: [], savedAt: '' }));
          sessionStorage.setItem('seeded', '1');
        }
      },
      [text, JSON.stringify(document), kind] as const,
    );
  }
}

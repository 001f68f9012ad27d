import { expect, test } from './fixtures/test';

test('the built app renders the editor with the catalog loaded and no console error', async ({ openApp }) => {
  const page = await openApp();
  await expect(page.getByRole('heading', { name: 'IAM Policy Workbench' })).toBeVisible();
  await expect(page.getByText(/IAM data \d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(page.getByText(/\d{3} services · [\d,]{6} actions/)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Permission block 1' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add additional permissions' })).toBeEnabled();
  // the token left the address bar once the page kept it
  expect(page.url()).not.toContain('token=');
});

import { EditorPage } from './pages/EditorPage';
import { expect, test } from './fixtures/test';

test('a new policy starts with one empty Allow block', async ({ openApp }) => {
  const editor = new EditorPage(await openApp());
  await editor.expectBlockCount(1);
  expect(await editor.policy()).toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: [], Resource: [] }] });
});

test('blocks can be added, duplicated, reordered, switched to Deny, collapsed and removed', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.setSid(1, 'First');
  await editor.addBlock();
  await editor.expectBlockCount(2);
  await editor.setSid(2, 'Second');
  await editor.block(2).getByRole('button', { name: 'Deny' }).click();
  await editor.block(1).getByRole('button', { name: 'Duplicate permission block 1' }).click();
  await editor.expectBlockCount(3);
  expect((await editor.policy()).Statement.map((s) => [s.Sid, s.Effect])).toEqual([
    ['First', 'Allow'],
    ['FirstCopy', 'Allow'],
    ['Second', 'Deny'],
  ]);
  await editor.block(3).getByRole('button', { name: 'Move permission block 3 up' }).click();
  expect((await editor.policy()).Statement.map((s) => s.Sid)).toEqual(['First', 'Second', 'FirstCopy']);

  await editor.block(2).getByRole('button', { name: 'Collapse permission block 2' }).click();
  await expect(editor.block(2).getByLabel('Sid of permission block 2')).toBeHidden();
  await expect(editor.block(2).getByText('no actions, 0 resources')).toBeVisible();
  await editor.block(2).getByRole('button', { name: 'Expand permission block 2' }).click();
  await expect(editor.block(2).getByLabel('Sid of permission block 2')).toBeVisible();

  await editor.block(1).getByRole('button', { name: 'Remove permission block 1' }).click();
  await editor.expectBlockCount(2);
  expect((await editor.policy()).Statement.map((s) => s.Sid)).toEqual(['Second', 'FirstCopy']);
});

test('undo and redo step through visual edits, with the buttons and the keyboard', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.addBlock();
  await editor.block(2).getByRole('button', { name: 'Deny' }).click();
  await editor.expectBlockCount(2);
  await page.getByRole('button', { name: 'Undo' }).click();
  expect((await editor.policy()).Statement[1]?.Effect).toBe('Allow');
  await page.getByRole('button', { name: 'Undo' }).click();
  await editor.expectBlockCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await editor.expectBlockCount(2);
  await page.locator('body').click({ position: { x: 5, y: 500 } });
  await page.keyboard.press('Control+Shift+Z');
  expect((await editor.policy()).Statement[1]?.Effect).toBe('Deny');
  await page.keyboard.press('Control+Z');
  await page.keyboard.press('Control+Z');
  await editor.expectBlockCount(1);
});

test('the draft survives a reload', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.setSid(1, 'KeepMe');
  await editor.addBlock();
  await editor.block(2).getByRole('button', { name: 'Deny' }).click();
  await editor.policyText();
  await page.reload();
  await editor.expectBlockCount(2);
  // adding block 2 collapsed block 1, and the draft keeps that
  await editor.block(1).getByRole('button', { name: 'Expand permission block 1' }).click();
  await expect(editor.block(1).getByLabel('Sid of permission block 1')).toHaveValue('KeepMe');
  expect((await editor.policy()).Statement[1]?.Effect).toBe('Deny');
});

test('New policy asks before discarding work, and Undo brings the work back', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.setSid(1, 'Work');
  await page.getByRole('button', { name: 'New policy' }).click();
  const dialog = page.getByRole('dialog', { name: 'Start a new policy?' });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(editor.block(1).getByLabel('Sid of permission block 1')).toHaveValue('Work');
  await page.getByRole('button', { name: 'New policy' }).click();
  await dialog.getByRole('button', { name: 'Discard and start new' }).click();
  await expect(editor.block(1).getByLabel('Sid of permission block 1')).toHaveValue('');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(editor.block(1).getByLabel('Sid of permission block 1')).toHaveValue('Work');
});

test('the policy kind sets the size quota', async ({ openApp }) => {
  const page = await openApp();
  const meter = page.getByRole('meter', { name: 'Policy size' });
  await expect(meter).toHaveAttribute('aria-valuemax', '6144');
  await page.getByRole('combobox', { name: 'Policy kind' }).click();
  await page.getByRole('option', { name: 'Inline policy for a user' }).click();
  await expect(meter).toHaveAttribute('aria-valuemax', '2048');
});

test('Download JSON saves the policy, minified on request', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.setSid(1, 'Dl');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  expect(download.suggestedFilename()).toBe('policy.json');
  const text = await (await download.createReadStream()).toArray();
  const body = Buffer.concat(text).toString();
  expect(body).toContain('\n    "Version": "2012-10-17"');
  await page.getByLabel('Minified').check();
  const [mini] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  const miniBody = Buffer.concat(await (await mini.createReadStream()).toArray()).toString();
  expect(miniBody.trim()).toBe('{"Version":"2012-10-17","Statement":[{"Sid":"Dl","Effect":"Allow","Action":[],"Resource":[]}]}');
});

test('collapse all and expand all act on every block', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await editor.addBlock();
  await editor.addBlock();
  await expect(editor.blocks()).toHaveCount(3);
  await page.getByRole('button', { name: 'Collapse all blocks' }).click();
  for (const n of [1, 2, 3]) {
    await expect(editor.block(n).getByRole('button', { name: `Expand permission block ${n}` })).toHaveAttribute('aria-expanded', 'false');
  }
  await page.getByRole('button', { name: 'Expand all blocks' }).click();
  for (const n of [1, 2, 3]) {
    await expect(editor.block(n).getByRole('button', { name: `Collapse permission block ${n}` })).toHaveAttribute('aria-expanded', 'true');
  }
});

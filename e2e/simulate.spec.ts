import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

// The machine running these is shared and slow; each test drives the whole panel.
test.describe.configure({ timeout: 150_000 });

const DEV = 'arn:aws:ecs:us-east-1:111122223333:task-definition/dev-app:1';
const PROD = 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-app:1';

const ECS_POLICY = {
  Version: '2012-10-17',
  Statement: [
    { Sid: 'RunTasks', Effect: 'Allow', Action: 'ecs:RunTask', Resource: '*' },
    {
      Sid: 'DenyProd',
      Effect: 'Deny',
      Action: 'ecs:*',
      Resource: 'arn:aws:ecs:us-east-1:111122223333:task-definition/prod-*',
    },
    {
      Sid: 'StopWithMfa',
      Effect: 'Allow',
      Action: 'ecs:StopTask',
      Resource: '*',
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
};

async function openSimulate(page: Page) {
  await page.getByRole('tab', { name: 'Simulate' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Simulate' });
  await expect(panel.getByRole('combobox', { name: 'Actions' })).toBeVisible({ timeout: 30_000 });
  return panel;
}

async function chooseAction(page: Page, name: string): Promise<void> {
  const field = page.getByRole('tabpanel', { name: 'Simulate' }).getByRole('combobox', { name: 'Actions' });
  await field.fill(name);
  await page.getByRole('option', { name }).first().click();
  await expect(page.getByRole('tabpanel', { name: 'Simulate' }).getByRole('button', { name, exact: true })).toBeVisible();
}

test('a request allowed by one block is denied by a Deny block, and the deciding statement is shown', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, ECS_POLICY);
  await openApp();
  const editor = new EditorPage(page);
  await editor.expectBlockCount(3);
  const panel = await openSimulate(page);

  await chooseAction(page, 'ecs:RunTask');
  await panel.getByRole('textbox', { name: 'Resource' }).fill(DEV);

  // the second resource from the action's resource type: its template, ready to fill in
  await panel.getByRole('button', { name: 'Add a resource ARN' }).click();
  await page.getByRole('menuitem', { name: /^ecs task-definition/ }).click();
  const second = panel.getByRole('textbox', { name: 'Resource 2' });
  await expect(second).toHaveValue(
    'arn:aws:ecs:us-east-1:111122223333:task-definition/${TaskDefinitionFamilyName}:${TaskDefinitionRevisionNumber}',
  );
  await expect(second).toBeFocused();
  await page.keyboard.type('prod-app');
  await expect(panel.getByText('Replace ${TaskDefinitionRevisionNumber} with the resource\'s name')).toBeVisible();
  await second.fill(PROD);

  await expect(panel.getByRole('status', { name: 'Decisions' })).toHaveText('1 allowed · 1 explicit deny · 0 implicit deny');
  await expect(panel.getByRole('button', { name: `Allowed: ecs:RunTask on ${DEV}` })).toBeVisible();
  await panel.getByRole('button', { name: `Explicit deny: ecs:RunTask on ${PROD}` }).click();
  const why = panel.getByRole('region', { name: 'Why' });
  await expect(why).toContainText('Statement 2 (Sid DenyProd) of the draft denies it.');
  await expect(why).toContainText('An explicit deny wins over every allow');

  await panel.getByRole('button', { name: `Allowed: ecs:RunTask on ${DEV}` }).click();
  await expect(why).toContainText('Statement 1 (Sid RunTasks) of the draft allows it.');

  // the deciding statement in the JSON and the blocks
  await panel.getByRole('button', { name: `Explicit deny: ecs:RunTask on ${PROD}` }).click();
  await why.getByRole('button', { name: 'Show statement 2 in the policy' }).click();
  await expect(page.getByRole('tab', { name: 'JSON' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('json-editor').locator('.selected-text').first()).toBeVisible();
  await expect(editor.block(2)).toBeInViewport();

  // the scenario is saved with the draft: back in the panel after a reload
  await page.reload();
  await editor.expectBlockCount(3);
  const again = await openSimulate(page);
  await expect(again.getByRole('button', { name: 'ecs:RunTask', exact: true })).toBeVisible();
  await expect(again.getByRole('button', { name: `Explicit deny: ecs:RunTask on ${PROD}` })).toBeVisible();
});

test('a condition that fails says why, and the request is allowed once the context has the key', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, ECS_POLICY);
  await openApp();
  const panel = await openSimulate(page);
  await chooseAction(page, 'ecs:StopTask');

  await expect(panel.getByRole('button', { name: 'Implicit deny: ecs:StopTask on *' })).toBeVisible();
  const why = panel.getByRole('region', { name: 'Why' });
  await expect(why).toContainText(
    'Statement 3 (Sid StopWithMfa) of the draft would allow it, but the condition aws:MultiFactorAuthPresent Bool true failed: the request has no aws:MultiFactorAuthPresent.',
  );
  await expect(why).toContainText('give the request aws:MultiFactorAuthPresent in the context');

  // the key is offered from the policy, with its type
  await panel.getByRole('button', { name: 'Add a context key' }).click();
  await panel.getByRole('combobox', { name: 'Context key 1' }).fill('aws:MultiFactorAuth');
  await page.getByRole('option', { name: /^aws:MultiFactorAuthPresent\s*Bool$/ }).first().click();
  await expect(panel.getByText('Type Bool')).toBeVisible();
  const value = panel.getByRole('textbox', { name: 'Value of context key 1' });
  await value.fill('yes');
  await expect(panel.getByText('"yes" is not true or false')).toBeVisible();
  await value.fill('false');
  await expect(why).toContainText('the request has aws:MultiFactorAuthPresent = false');
  await value.fill('true');
  await expect(panel.getByRole('button', { name: 'Allowed: ecs:StopTask on *' })).toBeVisible();
  await expect(why).toContainText('Statement 3 (Sid StopWithMfa) of the draft allows it.');
});

test('a permissions boundary limits what the draft allows', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Sid: 'AllEcs', Effect: 'Allow', Action: 'ecs:*', Resource: '*' }],
  });
  await openApp();
  const panel = await openSimulate(page);
  await chooseAction(page, 'ecs:RunTask');
  await chooseAction(page, 'ecs:DescribeTasks');
  await expect(panel.getByRole('status', { name: 'Decisions' })).toHaveText('2 allowed · 0 explicit deny · 0 implicit deny');

  await panel.getByRole('button', { name: /^Policies/ }).click();
  await panel.getByRole('textbox', { name: 'Permissions boundary' }).fill(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:Describe*', Resource: '*' }] }),
  );
  await expect(panel.getByRole('status', { name: 'Decisions' })).toHaveText('1 allowed · 0 explicit deny · 1 implicit deny');
  await panel.getByRole('button', { name: 'Implicit deny: ecs:RunTask on *' }).click();
  const why = panel.getByRole('region', { name: 'Why' });
  await expect(why).toContainText('The permissions boundary does not allow ecs:RunTask on *.');
  await expect(why).toContainText('The permissions boundary caps what identity policies grant');
  await panel.getByRole('button', { name: 'Allowed: ecs:DescribeTasks on *' }).click();
  await expect(why).toContainText('Statement 1 of the permissions boundary allows it within the permissions boundary.');

  // a boundary that is not JSON is reported and left out
  await panel.getByRole('textbox', { name: 'Permissions boundary' }).fill('{"Statement": [');
  await expect(panel.getByText(/^Not valid JSON/)).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Decisions' })).toHaveText('2 allowed · 0 explicit deny · 0 implicit deny');

  // table mode: every action the draft names (ecs:* expanded)
  await panel.getByRole('button', { name: 'Every action in the draft' }).click();
  await expect(panel.getByText(/^\d+ actions named by the draft/)).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Allowed: ecs:CreateCluster on *' })).toBeVisible();
});

test('scenarios travel in share links', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, ECS_POLICY);
  await openApp();
  const editor = new EditorPage(page);
  await editor.expectBlockCount(3);
  await openSimulate(page);
  await chooseAction(page, 'ecs:StopTask');

  await page.getByRole('button', { name: 'Share link' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share a link to this draft' });
  const link = await dialog.getByLabel('Share link').inputValue();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  // forget the scenarios here; the link brings them back into the open panel
  await page.evaluate(() => localStorage.removeItem('workbench.draft.v1.scenarios'));
  await page.reload();
  await editor.expectBlockCount(3);
  const panel = await openSimulate(page);
  await expect(panel.getByRole('button', { name: 'ecs:StopTask', exact: true })).toHaveCount(0);
  await page.goto(link); // only the fragment changes: no reload
  await expect(page.getByRole('alert').filter({ hasText: 'Opened the shared policy.' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'ecs:StopTask', exact: true })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Implicit deny: ecs:StopTask on *' })).toBeVisible();
});

test('screenshot of the Simulate panel', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, ECS_POLICY);
  await openApp();
  const panel = await openSimulate(page);
  await chooseAction(page, 'ecs:RunTask');
  await chooseAction(page, 'ecs:StopTask');
  await panel.getByRole('textbox', { name: 'Resource' }).fill(DEV);
  await panel.getByRole('button', { name: 'Add a resource ARN' }).click();
  await page.getByRole('menuitem', { name: /^ecs task-definition/ }).click();
  await panel.getByRole('textbox', { name: 'Resource 2' }).fill(PROD);
  await panel.getByRole('button', { name: 'Add a context key' }).click();
  await panel.getByRole('combobox', { name: 'Context key 1' }).fill('aws:SourceIp');
  await panel.getByRole('textbox', { name: 'Value of context key 1' }).fill('203.0.113.5');
  await panel.getByRole('button', { name: `Implicit deny: ecs:StopTask on ${DEV}` }).click();
  const why = panel.getByRole('region', { name: 'Why' });
  await expect(why).toContainText('aws:MultiFactorAuthPresent');
  await why.scrollIntoViewIfNeeded();
  await expect(why).toBeInViewport();
  await page.screenshot({ path: '/tmp/simulate-panel.png' });
});

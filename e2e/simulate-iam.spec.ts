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
  ],
};

async function openSimulate(page: Page) {
  await page.getByRole('tab', { name: 'Simulate' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Simulate' });
  await expect(panel.getByRole('combobox', { name: 'Actions' })).toBeVisible({ timeout: 30_000 });
  return panel;
}

async function chooseAction(page: Page, name: string): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Simulate' });
  await panel.getByRole('combobox', { name: 'Actions' }).fill(name);
  await page.getByRole('option', { name }).first().click();
  await expect(panel.getByRole('button', { name, exact: true })).toBeVisible();
}

test('Compare with IAM: the sandbox’s IAM agrees that one block allows and a Deny block denies', async ({ page, openSandboxApp }) => {
  await EditorPage.seedDraft(page, ECS_POLICY);
  await openSandboxApp();
  await new EditorPage(page).expectBlockCount(2);
  const panel = await openSimulate(page);
  await chooseAction(page, 'ecs:RunTask');
  await chooseAction(page, 'ecs:ListTasks');
  await panel.getByRole('textbox', { name: 'Resource' }).fill(DEV);
  await panel.getByRole('button', { name: 'Add a resource ARN' }).click();
  await page.getByRole('menuitem', { name: /^ecs task-definition/ }).click();
  await panel.getByRole('textbox', { name: 'Resource 2' }).fill(PROD);
  await expect(panel.getByRole('status', { name: 'Decisions' })).toHaveText('1 allowed · 2 explicit deny · 1 implicit deny');

  const compare = panel.getByRole('button', { name: 'Compare with IAM' });
  await expect(compare).toBeEnabled({ timeout: 30_000 });
  await expect(panel.getByText(/Sends these requests to IAM’s policy simulator \(SimulateCustomPolicy\) in Sandbox account 123456789012/)).toBeVisible();
  await compare.click();

  await expect(panel.getByRole('status', { name: 'Comparison with IAM' })).toHaveText('IAM agrees on 4 of 4 requests');
  const table = panel.getByRole('table', { name: 'IAM’s decisions beside ours' });
  // resources are headed by their resource part (the whole ARN is in the cell's title)
  const row = (action: string, resource: string) =>
    table.getByRole('row').filter({ hasText: action }).filter({ hasText: resource.slice(resource.indexOf('task-definition/')) });
  await expect(row('ecs:RunTask', DEV)).toContainText('AllowedAllowedAgrees');
  await expect(row('ecs:RunTask', PROD)).toContainText('Explicit denyExplicit denyAgrees');
  await expect(row('ecs:ListTasks', DEV)).toContainText('Implicit denyImplicit denyAgrees');
  await panel.getByRole('region', { name: 'Compare with IAM' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/simulate-compare-iam.png' });

  // a change to the requests makes the comparison stale until it is made again
  await panel.getByRole('textbox', { name: 'Resource 2' }).fill('arn:aws:ecs:us-east-1:111122223333:task-definition/prod-web:1');
  await expect(panel.getByText('The requests changed since the last comparison: compare again.')).toBeVisible();
  await expect(panel.getByRole('status', { name: 'Comparison with IAM' })).toHaveCount(0);
  await compare.click();
  await expect(panel.getByRole('status', { name: 'Comparison with IAM' })).toHaveText('IAM agrees on 4 of 4 requests');

  // a session policy is something IAM's simulator does not take: not comparable, with the reason
  await panel.getByRole('button', { name: /^Policies/ }).click();
  await panel.getByRole('textbox', { name: 'Session policy' }).fill(
    JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecs:*', Resource: '*' }] }),
  );
  await expect(compare).toBeDisabled();
  await expect(panel.getByText('Nothing can be compared: IAM’s simulator takes no session policy.')).toBeVisible();
});

test('offline, Compare with IAM is disabled and says why', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, ECS_POLICY);
  await openApp();
  const panel = await openSimulate(page);
  await chooseAction(page, 'ecs:RunTask');
  await expect(panel.getByRole('button', { name: 'Compare with IAM' })).toBeDisabled();
  await expect(panel.getByText(/npm start -- --profile NAME|npm start -- --sandbox|Checking the connection/).first()).toBeVisible();
});

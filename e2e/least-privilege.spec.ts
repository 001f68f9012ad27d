import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

function searchBox(page: Page) {
  return page.getByRole('combobox', { name: 'Search services and actions' });
}

/**
 * Waits until every block's action details have loaded (as EditorPage.settled, with room for a
 * busy machine): search placement and the offers read them.
 */
async function detailsLoaded(page: Page): Promise<void> {
  const main = page.getByRole('main', { name: 'Visual editor' });
  await expect(main.getByRole('region', { name: 'Permission block 1', exact: true })).toBeVisible({
    timeout: 45_000,
  });
  await expect(main.getByRole('progressbar', { name: /^Loading .* action details$/ })).toHaveCount(0, {
    timeout: 45_000,
  });
}

const PASS_TO_ECS_TASKS = {
  StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' },
};

test('searching ecs:RunTask offers iam:PassRole to ecs-tasks.amazonaws.com, scoped to the role ARN given', async ({
  openApp,
}) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await searchBox(page).fill('RunTask');
  await page.getByRole('option', { name: /^ecs:RunTask, Write,/ }).click();
  await expect(page.getByText('Added ecs:RunTask to permission block 1.')).toBeVisible();

  const offer = page.getByRole('region', { name: 'What ecs:RunTask also needs' });
  await expect(offer).toContainText(
    'ecs:RunTask also needs iam:PassRole: it passes a role to ecs-tasks.amazonaws.com. Add iam:PassRole on that role only, with iam:PassedToService ecs-tasks.amazonaws.com.',
  );
  const roleArn = offer.getByRole('textbox', { name: 'Role ARN to pass' });
  await expect(roleArn).toHaveValue('arn:aws:iam::123456789012:role/');
  // no role named yet: nothing to add
  await expect(offer.getByRole('button', { name: 'Add iam:PassRole' })).toBeDisabled();
  await roleArn.fill('arn:aws:iam::111122223333:role/web-task');
  await offer.getByRole('button', { name: 'Add iam:PassRole' }).click();

  await expect(offer).toBeHidden();
  await expect
    .poll(() => editor.policy())
    .toEqual({
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Action: ['ecs:RunTask'], Resource: [] },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: ['arn:aws:iam::111122223333:role/web-task'],
          Condition: PASS_TO_ECS_TASKS,
        },
      ],
    });
  await editor.expectBlockCount(2);
});

test("ticking RunTask in the action picker offers iam:PassRole in the account of the block's ARNs", async ({
  page,
  openApp,
}) => {
  const taskDefinition = 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:*';
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['ecs:DescribeTaskDefinition'], Resource: [taskDefinition] }],
  });
  await openApp();
  const editor = new EditorPage(page);
  const block = editor.block(1);
  await detailsLoaded(page);
  await block.getByLabel('Filter actions').fill('RunTask');
  await block.getByRole('checkbox', { name: 'RunTask', exact: true }).check();

  const offer = block.getByRole('region', { name: 'What ecs:RunTask also needs' });
  const roleArn = offer.getByRole('textbox', { name: 'Role ARN to pass' });
  await expect(roleArn).toHaveValue('arn:aws:iam::111122223333:role/');
  await roleArn.fill('arn:aws:iam::111122223333:role/web-task');
  await offer.getByRole('button', { name: 'Add iam:PassRole' }).click();
  await expect(offer).toBeHidden();
  await expect
    .poll(() => editor.policy())
    .toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ecs:DescribeTaskDefinition', 'ecs:RunTask'],
          Resource: [taskDefinition],
        },
        {
          Effect: 'Allow',
          Action: 'iam:PassRole',
          Resource: ['arn:aws:iam::111122223333:role/web-task'],
          Condition: PASS_TO_ECS_TASKS,
        },
      ],
    });
  // the missing-pass-role finding is gone with it
  await expect(page.getByRole('list', { name: 'Findings' }).getByText(/needs iam:PassRole/)).toHaveCount(0);
});

test('searching iam:PassRole with an IAM List block present makes a new block, and says why', async ({
  page,
  openApp,
}) => {
  const list = { Effect: 'Allow', Action: ['iam:ListPolicies', 'iam:ListRoles'], Resource: '*' };
  await EditorPage.seedDraft(page, { Version: '2012-10-17', Statement: [list] });
  await openApp();
  const editor = new EditorPage(page);
  await detailsLoaded(page);
  await searchBox(page).fill('iam:PassRole');
  await page.getByRole('option', { name: /^iam:PassRole, Write,/ }).click();
  await expect(
    page.getByText(
      'Added iam:PassRole in a new permission block 2: permission block 1 was not used because its actions take only Resource "*", and iam:PassRole can be limited to ARNs.',
    ),
  ).toBeVisible();
  await editor.expectBlockCount(2);
  await expect
    .poll(() => editor.policy())
    .toEqual({
      Version: '2012-10-17',
      Statement: [list, { Effect: 'Allow', Action: ['iam:PassRole'], Resource: [] }],
    });
});

test('a wildcard opens to what it matches by access level; "All but" removes one action exactly', async ({
  page,
  openApp,
}) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['medialive:List*'], Resource: '*' }],
  });
  await openApp();
  const editor = new EditorPage(page);
  const block = editor.block(1);
  await detailsLoaded(page);

  // a covered checkbox says which wildcard covers it
  await block.getByLabel('Filter actions').fill('ListAlerts');
  const covered = block.getByRole('checkbox', { name: 'ListAlerts', exact: true });
  await expect(covered).toBeChecked();
  await expect(covered).toBeDisabled();
  await expect(covered).toHaveAccessibleDescription(/Covered by medialive:List\*$/);
  await block.getByLabel('Filter actions').fill('');

  await block.getByRole('button', { name: 'medialive:List* 24 actions' }).click();
  const dialog = page.getByRole('dialog', { name: 'What medialive:List* matches' });
  await expect(dialog.getByRole('heading', { name: 'List (24)' })).toBeVisible();
  await expect(dialog.getByText('medialive:ListChannels', { exact: true })).toBeVisible();
  await dialog.getByRole('button', { name: 'All but medialive:ListAlerts' }).click();
  await expect(dialog).toBeHidden();

  await expect
    .poll(() => editor.policy())
    .toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: [
            'medialive:ListC*',
            'medialive:ListEventBridgeRuleTemplate*',
            'medialive:ListInput*',
            'medialive:ListMultiplex*',
            'medialive:ListN*',
            'medialive:ListOfferings',
            'medialive:ListReservations',
            'medialive:ListS*',
            'medialive:ListTagsForResource',
            'medialive:ListVersions',
          ],
          Resource: '*',
        },
      ],
    });
  await expect(block.getByRole('status').filter({ hasText: 'all but medialive:ListAlerts' })).toBeVisible();
  await block.getByLabel('Filter actions').fill('ListAlerts');
  await expect(block.getByRole('checkbox', { name: 'ListAlerts', exact: true })).not.toBeChecked();
  await expect(block.getByRole('checkbox', { name: 'ListAlerts', exact: true })).toBeEnabled();
});

test('"Replace by these actions" names what a wildcard matches one by one', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['ecs:ListTask*'], Resource: '*' }],
  });
  await openApp();
  const editor = new EditorPage(page);
  await detailsLoaded(page);
  await editor.block(1).getByRole('button', { name: 'ecs:ListTask* 3 actions' }).click();
  const dialog = page.getByRole('dialog', { name: 'What ecs:ListTask* matches' });
  await dialog.getByRole('button', { name: 'Replace by these actions' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => editor.policy())
    .toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['ecs:ListTaskDefinitionFamilies', 'ecs:ListTaskDefinitions', 'ecs:ListTasks'],
          Resource: '*',
        },
      ],
    });
});

test('ticking a whole access level offers the explicit list or level-safe wildcards, with their sizes', async ({
  openApp,
}) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  await searchBox(page).fill('ecs');
  await page
    .getByRole('option', { name: /^Amazon Elastic Container Service \(ecs\), service/ })
    .first()
    .click();
  const block = editor.block(1);
  await block.getByRole('checkbox', { name: 'All List actions' }).check();

  const wildcards = [
    'ecs:ListAttributes',
    'ecs:ListC*',
    'ecs:ListDaemon*',
    'ecs:ListService*',
    'ecs:ListTask*',
  ];
  const policy = await editor.policy();
  const explicit = policy.Statement[0]?.Action as string[];
  expect(explicit).toHaveLength(12);
  const offer = block.getByRole('region', { name: 'How to write the 12 List actions' });
  const explicitSize = JSON.stringify(explicit).length;
  const wildcardSize = JSON.stringify(wildcards).length;
  await expect(
    offer.getByRole('button', { name: `Keep the explicit list (${explicitSize} characters)` }),
  ).toBeVisible();
  await expect(offer).toContainText(wildcards.join(', '));
  await offer.getByRole('button', { name: `Use level-safe wildcards (${wildcardSize} characters)` }).click();
  await expect(offer).toBeHidden();
  await expect
    .poll(() => editor.policy())
    .toEqual({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: wildcards, Resource: [] }] });
  // still every List action, now through the wildcards
  await expect(block.getByText('(12 of 12 selected)')).toBeVisible();
});

/** Serious and critical axe violations on the page as it is, label-in-name included. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

test('the wildcard dialog, the level offer and the dependency offer pass axe', async ({ page, openApp }) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['ecs:ListTask*'], Resource: '*' }],
  });
  await openApp();
  const editor = new EditorPage(page);
  const block = editor.block(1);
  await detailsLoaded(page);
  await block.getByRole('button', { name: 'ecs:ListTask* 3 actions' }).click();
  const dialog = page.getByRole('dialog', { name: 'What ecs:ListTask* matches' });
  await expect(dialog.getByRole('heading', { name: 'List (3)' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await block.getByRole('checkbox', { name: 'All Read actions' }).check();
  await expect(block.getByRole('region', { name: /^How to write the \d+ Read actions$/ })).toBeVisible();
  await block.getByLabel('Filter actions').fill('RunTask');
  await block.getByRole('checkbox', { name: 'RunTask', exact: true }).check();
  await expect(block.getByRole('region', { name: 'What ecs:RunTask also needs' })).toBeVisible();
  expect(await violations(page)).toEqual([]);
});

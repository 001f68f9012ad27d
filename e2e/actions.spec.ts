import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/test';

const DRAFT_KEY = 'workbench.draft.v1';

interface Statement {
  readonly Effect?: string;
  readonly Action?: readonly string[];
  readonly NotAction?: readonly string[];
}

/** The policy as the app autosaved it (the JSON view's text). */
async function policy(page: Page): Promise<{ Statement: Statement[] }> {
  const text = await page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as { text: string }).text : '';
  }, DRAFT_KEY);
  return JSON.parse(text) as { Statement: Statement[] };
}

/** Waits until the autosaved policy satisfies `check`. */
async function expectPolicy(page: Page, check: (statements: Statement[]) => unknown) {
  await expect
    .poll(async () => {
      try {
        return check((await policy(page)).Statement);
      } catch {
        return undefined;
      }
    })
    .toEqual(true);
}

function searchBox(page: Page) {
  return page.getByRole('combobox', { name: 'Search services and actions' });
}

function block(page: Page, n: number) {
  return page.getByRole('region', { name: `Permission block ${n}` });
}

async function chooseService(page: Page, query: string, option: RegExp) {
  await searchBox(page).fill(query);
  await page.getByRole('option', { name: option }).first().click();
}

test('search "GetObject", choose s3:GetObject: the block is for Amazon S3 with GetObject checked', async ({
  openApp,
}) => {
  const page = await openApp();
  const search = searchBox(page);
  await search.fill('GetObject');
  const option = page.getByRole('option', { name: 's3:GetObject, Read, Amazon S3' });
  await expect(option).toBeVisible();
  // ranked first, and the list stays short
  await expect(page.getByRole('option').first()).toHaveAccessibleName('s3:GetObject, Read, Amazon S3');
  expect(await page.getByRole('option').count()).toBeLessThanOrEqual(51);
  await option.click();

  const first = block(page, 1);
  await expect(first.getByRole('heading', { name: 'Amazon S3', level: 2 })).toBeVisible();
  await expect(first.getByRole('checkbox', { name: 'GetObject', exact: true })).toBeChecked();
  await expect(first.getByRole('checkbox', { name: 'GetObjectAcl', exact: true })).not.toBeChecked();
  await expect(search).toHaveValue('');
  await expect(page.getByText('Added s3:GetObject to permission block 1.')).toBeVisible();
  await expectPolicy(page, (s) => s.length === 1 && JSON.stringify(s[0]?.Action) === '["s3:GetObject"]');
  // descriptions arrive with the service's details
  await expect(first.getByText('Grants permission to retrieve objects from Amazon S3').first()).toBeVisible();
});

test('keyboard: arrows and Enter choose, Escape closes and clears', async ({ openApp }) => {
  const page = await openApp();
  const search = searchBox(page);
  await search.fill('simple storage');
  await expect(page.getByRole('option').first()).toHaveAccessibleName(/^Amazon S3 \(s3\), service/);
  await search.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await search.press('Escape');
  await expect(search).toHaveValue('');

  await search.fill('s3:GetObject');
  await search.press('ArrowDown');
  await search.press('ArrowUp');
  await search.press('Enter');
  await expect(block(page, 1).getByRole('checkbox', { name: 'GetObject', exact: true })).toBeChecked();
});

test('select all List actions of ECS, then filter', async ({ openApp }) => {
  const page = await openApp();
  await chooseService(page, 'ecs', /^Amazon Elastic Container Service \(ecs\), service/);
  const first = block(page, 1);
  await expect(
    first.getByRole('heading', { name: 'Amazon Elastic Container Service', level: 2 }),
  ).toBeVisible();

  const allList = first.getByRole('checkbox', { name: 'All List actions' });
  await allList.check();
  await expect(allList).toBeChecked();
  // access levels start closed: open List to see its actions
  await first.getByRole('button', { name: 'Expand List actions' }).click();
  await expect(first.getByRole('checkbox', { name: 'ListClusters', exact: true })).toBeChecked();
  await expect(first.getByText('(12 of 12 selected)')).toBeVisible();
  await expectPolicy(page, (s) => {
    const actions = s[0]?.Action ?? [];
    const sorted = [...actions].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
    return (
      actions.length === 12 &&
      actions.includes('ecs:ListClusters') &&
      actions.every((a) => a.startsWith('ecs:')) &&
      JSON.stringify(actions) === JSON.stringify(sorted)
    );
  });

  // filter: only matching actions show, counted per level
  await first.getByLabel('Filter actions').fill('describe');
  await expect(first.getByRole('checkbox', { name: 'DescribeClusters', exact: true })).toBeVisible();
  await expect(first.getByRole('checkbox', { name: 'ListClusters', exact: true })).toHaveCount(0);
  await expect(first.getByRole('checkbox', { name: 'CreateCluster', exact: true })).toHaveCount(0);
  await first.getByRole('checkbox', { name: 'DescribeClusters', exact: true }).check();
  await expectPolicy(page, (s) => (s[0]?.Action ?? []).includes('ecs:DescribeClusters'));

  // one undo step per click
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectPolicy(
    page,
    (s) =>
      !(s[0]?.Action ?? []).includes('ecs:DescribeClusters') &&
      (s[0]?.Action ?? []).includes('ecs:ListClusters'),
  );
});

test('a pattern shows its count and is added as one entry; what it covers is checked and disabled', async ({
  openApp,
}) => {
  const page = await openApp();
  await chooseService(page, 's3', /^Amazon S3 \(s3\), service/);
  const first = block(page, 1);
  const pattern = first.getByLabel('Add actions by pattern');
  await pattern.fill('s3:Get*');
  await expect(first.getByText('s3:Get* matches 63 actions')).toBeVisible();
  await pattern.press('Enter');
  await expectPolicy(page, (s) => JSON.stringify(s[0]?.Action) === '["s3:Get*"]');
  await expect(pattern).toHaveValue('');

  await first.getByLabel('Filter actions').fill('GetObject');
  const covered = first.getByRole('checkbox', { name: 'GetObject', exact: true });
  await expect(covered).toBeChecked();
  await expect(covered).toBeDisabled();

  // Get* without the prefix, with the button
  await first.getByLabel('Filter actions').fill('');
  await pattern.fill('List*');
  await expect(first.getByText(/^s3:List\* matches \d+ actions$/)).toBeVisible();
  await first.getByRole('button', { name: 'Add pattern' }).click();
  await expectPolicy(page, (s) => JSON.stringify(s[0]?.Action) === '["s3:Get*","s3:List*"]');

  // remove a pattern chip
  await first.getByRole('button', { name: 'Remove s3:Get*' }).click();
  await expectPolicy(page, (s) => JSON.stringify(s[0]?.Action) === '["s3:List*"]');

  // All Amazon S3 actions
  await first.getByRole('checkbox', { name: 'All Amazon S3 actions (s3:*)' }).check();
  await expectPolicy(page, (s) => JSON.stringify(s[0]?.Action) === '["s3:*"]');
});

test('the search box adds a pattern: "s3:Get* — matches 63 actions"', async ({ openApp }) => {
  const page = await openApp();
  await searchBox(page).fill('s3:Get*');
  const option = page.getByRole('option', { name: 's3:Get* — matches 63 actions' });
  await expect(option).toBeVisible();
  await option.click();
  await expectPolicy(page, (s) => JSON.stringify(s[0]?.Action) === '["s3:Get*"]');
  await expect(block(page, 1).getByRole('button', { name: 'Remove s3:Get*' })).toBeVisible();
});

test('NotAction switch moves the list to NotAction and warns for Allow', async ({ openApp }) => {
  const page = await openApp();
  await searchBox(page).fill('s3:DeleteBucket');
  await page.getByRole('option', { name: 's3:DeleteBucket, Write, Amazon S3' }).click();
  const first = block(page, 1);
  await first.getByRole('button', { name: 'Advanced' }).click();
  const exclude = first.getByRole('switch', { name: 'Exclude these actions (NotAction)' });
  await exclude.check();
  await expectPolicy(
    page,
    (s) => s[0]?.Action === undefined && JSON.stringify(s[0]?.NotAction) === '["s3:DeleteBucket"]',
  );
  await expect(first.getByText(/Allow with NotAction is a security finding/)).toBeVisible();
  await expect(first.getByRole('heading', { name: 'Actions excluded (NotAction)' })).toBeVisible();
  await expect(first.getByRole('checkbox', { name: 'DeleteBucket', exact: true })).toBeChecked();

  // selecting now edits NotAction
  await first.getByLabel('Filter actions').fill('DeleteBucketPolicy');
  await first.getByRole('checkbox', { name: 'DeleteBucketPolicy', exact: true }).check();
  await expectPolicy(
    page,
    (s) => JSON.stringify(s[0]?.NotAction) === '["s3:DeleteBucket","s3:DeleteBucketPolicy"]',
  );

  await exclude.uncheck();
  await expectPolicy(
    page,
    (s) =>
      s[0]?.NotAction === undefined &&
      JSON.stringify(s[0]?.Action) === '["s3:DeleteBucket","s3:DeleteBucketPolicy"]',
  );
});

test('two services in two blocks via the search box', async ({ openApp }) => {
  const page = await openApp();
  const search = searchBox(page);
  await search.fill('GetObject');
  await page.getByRole('option', { name: 's3:GetObject, Read, Amazon S3' }).click();
  await search.fill('ec2 describe instances');
  await page.getByRole('option', { name: 'ec2:DescribeInstances, List, Amazon EC2' }).click();
  // another action of a service already in a block goes to that block
  await search.fill('s3:PutObject');
  await page.getByRole('option', { name: 's3:PutObject, Write, Amazon S3' }).click();

  await expect(block(page, 2).getByRole('heading', { name: 'Amazon EC2', level: 2 })).toBeVisible();
  await expect(
    block(page, 2).getByRole('checkbox', { name: 'DescribeInstances', exact: true }),
  ).toBeChecked();
  // block 1 was collapsed when block 2 came, and opens again for the new action
  await block(page, 1).getByLabel('Filter actions').fill('PutObject');
  await expect(block(page, 1).getByRole('checkbox', { name: 'PutObject', exact: true })).toBeChecked();
  await expectPolicy(
    page,
    (s) =>
      s.length === 2 &&
      JSON.stringify(s[0]?.Action) === '["s3:GetObject","s3:PutObject"]' &&
      JSON.stringify(s[1]?.Action) === '["ec2:DescribeInstances"]',
  );

  // a service goes to a new block when none is empty
  await chooseService(page, 'lambda', /^AWS Lambda \(lambda\), service/);
  await expect(block(page, 3).getByRole('heading', { name: 'AWS Lambda', level: 2 })).toBeVisible();
});

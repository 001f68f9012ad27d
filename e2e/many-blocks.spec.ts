import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { EditorPage } from './pages/EditorPage';
import { expect, test } from './fixtures/test';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The twelve services of a MediaLive channel's policy, as a new user builds it from the search box. */
const SERVICES = [
  'medialive',
  'mediapackage',
  'mediaconnect',
  's3',
  'cloudwatch',
  'logs',
  'iam',
  'ec2',
  'ssm',
  'sns',
  'kms',
  'mediastore',
];

function searchBox(page: Page) {
  return page.getByRole('combobox', { name: 'Search services and actions' });
}

async function addService(page: Page, prefix: string): Promise<void> {
  await searchBox(page).fill(prefix);
  await page
    .getByRole('option', { name: new RegExp(`\\(${prefix}\\), service`) })
    .first()
    .click();
}

test('twelve services from the search: each new block shows at the top, the others collapse, access levels start closed', async ({
  openApp,
}) => {
  test.setTimeout(120_000);
  const page = await openApp();
  const editor = new EditorPage(page);
  for (const [i, prefix] of SERVICES.entries()) {
    await addService(page, prefix);
    const n = i + 1;
    const block = editor.block(n);
    await expect(block.getByRole('combobox', { name: 'Service' })).toHaveValue(
      new RegExp(`\\(${prefix}\\)$`),
    );
    await expect(block.getByRole('button', { name: `Collapse permission block ${n}` })).toBeVisible();
    if (n > 1) {
      // the earlier blocks are collapsed, the new one is in view with its access levels' boxes and counts
      await expect(
        editor.block(n - 1).getByRole('button', { name: `Expand permission block ${n - 1}` }),
      ).toBeVisible();
      await expect(block.getByRole('heading', { level: 2 })).toBeInViewport();
    }
  }
  await editor.expectBlockCount(12);
  for (let n = 1; n < 12; n++) {
    await expect(
      editor.block(n).getByRole('button', { name: `Expand permission block ${n}` }),
    ).toHaveAttribute('aria-expanded', 'false');
  }
  const last = editor.block(12);
  await editor.settled();
  for (const level of ['List', 'Read', 'Write']) {
    await expect(last.getByRole('checkbox', { name: `All ${level} actions` })).toBeInViewport();
    await expect(last.getByRole('button', { name: `Expand ${level} actions` })).toHaveAttribute(
      'aria-expanded',
      'false',
    );
  }
  // no action row is open: the levels show their counts
  await expect(last.getByText(/^\(0 of \d+ selected\)$/).first()).toBeVisible();

  // "Add additional permissions": the new block shows, its Service field has the focus, block 12 collapses
  await editor.addBlock();
  await editor.expectBlockCount(13);
  await expect(editor.block(13).getByRole('combobox', { name: 'Service' })).toBeFocused();
  await expect(editor.block(13).getByRole('heading', { level: 2 })).toBeInViewport();
  await expect(last.getByRole('button', { name: 'Expand permission block 12' })).toBeVisible();
  await editor.block(13).getByRole('button', { name: 'Remove permission block 13' }).click();
  await editor.expectBlockCount(12);

  // every header keeps its buttons on one row, also with a Sid
  await last.getByRole('button', { name: 'Expand permission block 12' }).click();
  await editor.setSid(12, 'AllowKeyUseForMediaLiveChannelEncryptionAtRest');
  for (const size of [
    { width: 1440, height: 900 },
    { width: 1280, height: 720 },
  ]) {
    await page.setViewportSize(size);
    for (let n = 1; n <= 12; n++) {
      const header = editor.block(n);
      const collapse = header.getByRole('button', { name: /^(Expand|Collapse) permission block \d+$/ });
      const remove = header.getByRole('button', { name: `Remove permission block ${n}` });
      const [a, b] = [await collapse.boundingBox(), await remove.boundingBox()];
      expect(Math.abs((a?.y ?? 0) - (b?.y ?? 100)), `block ${n} at ${size.width}px`).toBeLessThan(8);
    }
    await page.getByRole('button', { name: 'Collapse all blocks' }).click();
    await page.getByRole('main', { name: 'Visual editor' }).evaluate((main) => main.scrollTo(0, 0));
    await expect(editor.block(1)).toBeInViewport();
    await page.screenshot({ path: `/tmp/workbench-12-blocks-${size.width}x${size.height}.png` });
    await editor.block(12).getByRole('button', { name: 'Expand permission block 12' }).click();
    await editor.settled();
    // the end of the editor with block 12 open, and no tooltip over it
    await page.mouse.move(size.width - 5, size.height - 5);
    await page
      .getByRole('main', { name: 'Visual editor' })
      .evaluate((main) => main.scrollTo(0, main.scrollHeight));
    await page.screenshot({ path: `/tmp/workbench-12-blocks-open-${size.width}x${size.height}.png` });
  }
});

const SEVERAL = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'Ops',
      Effect: 'Allow',
      Action: [
        'ecs:DescribeClusters',
        'ecs:ListClusters',
        'ec2:DescribeInstances',
        'ec2:DescribeSubnets',
        'logs:GetLogEvents',
      ],
      Resource: [
        'arn:aws:ecs:us-east-1:111122223333:cluster/prod',
        'arn:aws:ec2:us-east-1:111122223333:instance/*',
        'arn:aws:logs:us-east-1:111122223333:log-group:/ecs/*',
        'arn:aws:*:us-east-1:111122223333:*',
      ],
      Condition: { Bool: { 'aws:SecureTransport': 'true' } },
    },
  ],
};

test('a statement of several services: each service has a section with its own action picker, and one click splits it', async ({
  page,
  openApp,
}) => {
  await EditorPage.seedDraft(page, SEVERAL);
  await openApp();
  const editor = new EditorPage(page);
  const block = editor.block(1);
  await expect(block.getByRole('heading', { level: 2 })).toHaveText(
    /^Amazon Elastic Container Service, Amazon EC2, Amazon CloudWatch Logs\s*Ops$/,
  );
  await expect(
    block.getByText('This statement names actions of 3 services.', { exact: false }),
  ).toBeVisible();
  // the effect can be changed (it was read-only before)
  await expect(block.getByRole('button', { name: 'Deny' })).toBeEnabled();

  // the second service's section: uncheck one action
  const ec2 = block.getByRole('button', { name: /^Amazon EC2 \(ec2\)/ });
  await expect(ec2).toContainText('2 of');
  await ec2.click();
  const section = block.getByRole('region', { name: /^Amazon EC2 \(ec2\)/ });
  await editor.settled();
  // the List level holds some of the statement's actions: it starts open
  await expect(section.getByRole('checkbox', { name: 'DescribeInstances', exact: true })).toBeChecked();
  await section.getByRole('searchbox', { name: 'Filter actions' }).fill('DescribeSubnets');
  const subnets = section.getByRole('checkbox', { name: 'DescribeSubnets', exact: true });
  await expect(subnets).toBeChecked();
  await subnets.uncheck();
  await expect(ec2).toContainText('1 of');
  expect(await editor.policy()).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        ...SEVERAL.Statement[0],
        Action: ['ec2:DescribeInstances', 'ecs:DescribeClusters', 'ecs:ListClusters', 'logs:GetLogEvents'],
      },
    ],
  });

  // the resources are one list for every service
  await expect(block.getByRole('list', { name: 'Resource ARNs' }).getByRole('listitem')).toHaveCount(4);

  // one click: one block per service, same Effect and Condition, each with the ARNs of its service
  await block.getByRole('button', { name: 'Split into per-service blocks' }).click();
  await editor.expectBlockCount(3);
  const condition = { Bool: { 'aws:SecureTransport': 'true' } };
  expect(await editor.policy()).toEqual({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'OpsEc2',
        Effect: 'Allow',
        Action: ['ec2:DescribeInstances'],
        Resource: ['arn:aws:ec2:us-east-1:111122223333:instance/*', 'arn:aws:*:us-east-1:111122223333:*'],
        Condition: condition,
      },
      {
        Sid: 'OpsEcs',
        Effect: 'Allow',
        Action: ['ecs:DescribeClusters', 'ecs:ListClusters'],
        Resource: ['arn:aws:ecs:us-east-1:111122223333:cluster/prod', 'arn:aws:*:us-east-1:111122223333:*'],
        Condition: condition,
      },
      {
        Sid: 'OpsLogs',
        Effect: 'Allow',
        Action: ['logs:GetLogEvents'],
        Resource: [
          'arn:aws:logs:us-east-1:111122223333:log-group:/ecs/*',
          'arn:aws:*:us-east-1:111122223333:*',
        ],
        Condition: condition,
      },
    ],
  });
  await expect(editor.block(2).getByRole('heading', { level: 2 })).toHaveText(
    /^Amazon Elastic Container Service/,
  );
  await expect(editor.block(2).getByRole('combobox', { name: 'Service' })).toBeVisible();

  // one undo step
  await page.getByRole('button', { name: 'Undo' }).click();
  await editor.expectBlockCount(1);
});

test('a count chip opens the findings filtered by its severity; the panel shows the filter and clears it', async ({
  page,
  openApp,
}) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Typo', Effect: 'Allow', Action: ['s3:GetObjects'], Resource: ['arn:aws:s3:::my-bucket/*'] },
      { Sid: 'Writes', Effect: 'Allow', Action: ['s3:PutObject'], Resource: '*' },
    ],
  });
  await openApp();
  const counts = page.getByRole('group', { name: 'Findings by severity' });
  const errors = counts.getByRole('button', { name: /^[1-9]\d* errors?$/ });
  // the analysis runs in a worker: give a loaded machine time
  await expect(errors).toBeVisible({ timeout: 45_000 });
  const errorCount = Number((await errors.textContent())?.split(' ')[0]);
  const findingsTab = page.getByRole('tab', { name: /^Findings \(\d+\)$/ });
  const total = Number(/\((\d+)\)/.exec((await findingsTab.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(errorCount);
  // chips without findings do nothing
  await expect(counts.getByRole('button', { name: '0 suggestions' })).toHaveCount(0);

  await errors.click();
  await expect(findingsTab).toHaveAttribute('aria-selected', 'true');
  const filter = page.getByRole('status', { name: 'Findings filter' });
  await expect(filter).toContainText(
    errorCount === 1 ? 'Showing the error only.' : `Showing the ${errorCount} errors only.`,
  );
  const list = page.getByRole('list', { name: 'Findings' });
  const others = list.getByText(/^\d+ (security warnings?|warnings?|suggestions?)$/);
  await expect(list.getByText(/^\d+ errors?$/)).toBeVisible();
  await expect(others).toHaveCount(0);

  await filter.getByRole('button', { name: `Show all ${total}` }).click();
  await expect(filter).toBeHidden();
  await expect(others.first()).toBeVisible();
});

test('over the size quota: the meter says by how much, the JSON marks the first line only', async ({
  page,
  openApp,
}) => {
  const file = path.join(root, 'public', 'catalog', 'managed-policies', 'ViewOnlyAccess.json');
  await EditorPage.seedDraft(
    page,
    (JSON.parse(readFileSync(file, 'utf8')) as { document: unknown }).document,
  );
  await openApp();
  const meter = page.getByRole('meter', { name: 'Policy size' });
  await expect(meter).toContainText(/— [\d,]+ over quota/, { timeout: 45_000 });
  const json = page.getByTestId('json-editor');
  await expect(page.getByRole('tab', { name: /^Findings \([1-9]\d*\)$/ })).toBeVisible({ timeout: 45_000 });
  // a mark on the first line ("{"), and not one on every line: only findings of their own elsewhere
  const marks = json.locator('[class*="squiggly-"]');
  // Monaco loads after the search works: give a loaded machine time
  await expect(marks.first()).toBeVisible({ timeout: 45_000 });
  // Monaco re-renders its lines at will: read lines and marks in one go
  const { lines, marked } = await json.evaluate((host) => {
    const tops = [...host.querySelectorAll('.view-line')].map((line) => line.getBoundingClientRect());
    const top = Math.min(...tops.map((r) => r.top));
    const height = tops[0]?.height ?? 19;
    const rows = [...host.querySelectorAll('[class*="squiggly-"]')].map((mark) =>
      Math.floor((mark.getBoundingClientRect().top - top + 2) / height),
    );
    return { lines: tops.length, marked: [...new Set(rows)] };
  });
  expect(lines).toBeGreaterThan(20);
  expect(marked).toContain(0);
  expect(marked.length).toBeLessThanOrEqual(3);
});

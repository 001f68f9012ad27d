import { CatalogLoader } from '../src/catalog/load';
import { nodeFetchJson } from '../src/catalog/node';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

/** ECS's Read and List actions, as the picker writes them: "ecs:Name", sorted ignoring case. */
async function ecsReadAndList(): Promise<string[]> {
  const loader = await CatalogLoader.create(nodeFetchJson());
  const ecs = loader.view.service('ecs');
  if (!ecs) throw new Error('no ecs in the catalog');
  return ecs.actions
    .filter((a) => a.accessLevel === 'Read' || a.accessLevel === 'List')
    .map((a) => `ecs:${a.name}`)
    .sort((a, b) => {
      const la = a.toLowerCase();
      const lb = b.toLowerCase();
      return la !== lb ? (la < lb ? -1 : 1) : a < b ? -1 : a > b ? 1 : 0;
    });
}

test('the ECS seed policy is built by clicks: ECS read and list actions, all resources, MFA required', async ({ openApp }) => {
  const expectedActions = await ecsReadAndList();
  const page = await openApp();
  const editor = new EditorPage(page);
  const block = editor.block(1);

  await page.getByRole('combobox', { name: 'Search services and actions' }).fill('ecs');
  await page.getByRole('option', { name: /^Amazon Elastic Container Service \(ecs\)/ }).first().click();
  await block.getByRole('checkbox', { name: 'All Read actions' }).check();
  await block.getByRole('checkbox', { name: 'All List actions' }).check();
  const resources = block.getByRole('group', { name: 'Resources' });
  await resources.getByRole('radio', { name: 'All resources' }).check();
  await block.getByRole('group', { name: 'Request conditions' }).getByRole('button', { name: 'Require MFA' }).click();

  await expect
    .poll(() => editor.policy())
    .toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: expectedActions,
          Resource: ['*'],
          Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
        },
      ],
    });
  // The collapsed block summarises itself.
  await block.getByRole('button', { name: 'Collapse permission block 1' }).click();
  await expect(block.getByText(/^\d+ actions \(List \d+, Read \d+\), all resources, 1 condition/)).toBeVisible();
  // No errors, and the summary tab shows limited List and Read access for ECS.
  await expect(page.getByRole('group', { name: 'Findings by severity' }).getByText('0 errors')).toBeVisible();
  await page.getByRole('tab', { name: 'Summary' }).click();
  const row = page.getByRole('table', { name: 'Allow' }).getByRole('row', { name: /Amazon Elastic Container Service/ });
  await expect(row).toContainText('Full List');
  await expect(row).toContainText('Full Read');
  await expect(row).toContainText('aws:MultiFactorAuthPresent');
});

test('two services in two blocks', async ({ openApp }) => {
  const page = await openApp();
  const editor = new EditorPage(page);
  const search = page.getByRole('combobox', { name: 'Search services and actions' });
  await search.fill('GetObject');
  await page.getByRole('option', { name: 's3:GetObject, Read, Amazon S3' }).click();
  await search.fill('DescribeInstances');
  await page.getByRole('option', { name: /^ec2:DescribeInstances,/ }).first().click();
  await editor.expectBlockCount(2);
  const policy = await editor.policy();
  expect(policy.Statement.map((s) => s.Action)).toEqual([['s3:GetObject'], ['ec2:DescribeInstances']]);
});

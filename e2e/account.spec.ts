/**
 * Account flows against the IAM sandbox (`npm start -- --sandbox`): connection badge, review and
 * create, attach, a role for a service, new versions at the 5-version quota, errors, and that a
 * page on another origin can do nothing.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { api } from './fixtures/api';
import { startApp } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

const ECS_READ = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'EcsRead',
      Effect: 'Allow',
      Action: ['ecs:Describe*', 'ecs:List*'],
      Resource: ['*'],
      Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } },
    },
  ],
};

/** a name no other test of this worker's sandbox uses */
function unique(base: string): string {
  return `${base}-${test.info().workerIndex}-${Date.now().toString(36)}`;
}

function reviewDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Review and create' });
}

/** Opens "Review and create", names the policy, and creates it. */
async function createPolicy(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Review and create' }).click();
  const dialog = reviewDialog(page);
  await dialog.getByLabel('Policy name').fill(name);
  await expect(dialog.getByText(`${name} is free in Sandbox account 123456789012`)).toBeVisible();
  await dialog.getByRole('button', { name: 'Next: review' }).click();
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(dialog.getByText(`Created ${name}`)).toBeVisible();
}

async function attachedCount(
  app: Parameters<typeof api>[0],
  kind: 'user' | 'group' | 'role',
  name: string,
): Promise<number | undefined> {
  const out = await api(app, 'listPrincipals', { kinds: [kind], search: name });
  return out.principals.find((p) => p.name === name)?.attachedPolicyCount;
}

test('the header says which account the app talks to, or why it is not connected and what to do', async ({
  openApp,
  page,
}) => {
  await openApp(); // the default fixture server has no AWS credentials
  const badge = page.getByRole('button', { name: 'Not connected' });
  await expect(badge).toBeVisible();
  await badge.click();
  const popover = page.getByRole('dialog', { name: 'Not connected' });
  await expect(popover.getByText(/No AWS credentials were found/)).toBeVisible();
  await expect(popover.getByText(/aws sso login --profile NAME/)).toBeVisible();
  await expect(popover.getByText(/npm start -- --sandbox/)).toBeVisible();
});

test('the sandbox badge names the account and the identity', async ({ openSandboxApp, page }) => {
  await openSandboxApp();
  const badge = page.getByRole('button', { name: 'Sandbox account 123456789012' });
  await expect(badge).toBeVisible();
  await badge.click();
  const popover = page.getByRole('dialog', { name: /Sandbox account 123456789012/ });
  await expect(popover.getByText('arn:aws:iam::123456789012:user/sandbox-admin')).toBeVisible();
  await expect(popover.getByText(/Nothing reaches AWS/)).toBeVisible();
});

test('seed flow: an ECS read policy is reviewed, created and attached to a user, a group and a role', async ({
  page,
  openSandboxApp,
  sandboxApp,
}) => {
  await EditorPage.seedDraft(page, ECS_READ);
  await openSandboxApp();
  const before = {
    bob: await attachedCount(sandboxApp, 'user', 'bob'),
    developers: await attachedCount(sandboxApp, 'group', 'Developers'),
    lambda: await attachedCount(sandboxApp, 'role', 'lambda-basic-execution'),
  };

  await page.getByRole('button', { name: 'Review and create' }).click();
  const dialog = reviewDialog(page);
  // the name is suggested from the policy: first service, access, and the MFA condition
  const nameField = dialog.getByLabel('Policy name');
  await expect(nameField).toHaveValue('ECS-ReadOnly-MFA');
  const name = unique('ECS-ReadOnly-MFA');
  await nameField.fill(name);
  await expect(dialog.getByText(`${name} is free in Sandbox account 123456789012`)).toBeVisible();
  await expect(
    dialog.getByText("IAM cannot change a policy's description later", { exact: false }),
  ).toBeVisible();
  await dialog.getByLabel('Description (optional)').fill('Read-only ECS access with MFA');
  await dialog.getByRole('button', { name: 'Add tag' }).click();
  await dialog.getByLabel('Tag 1 key').fill('aws:team');
  await expect(dialog.getByText('Keys starting with "aws:" are reserved for AWS.')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Next: review' })).toBeDisabled();
  await dialog.getByLabel('Tag 1 key').fill('team');
  await dialog.getByLabel('Tag 1 value').fill('platform');
  await dialog.getByRole('button', { name: 'Next: review' }).click();

  // review: the account in plain sight, the JSON, the findings and the size
  await expect(dialog.getByText('Creating in Sandbox account 123456789012')).toBeVisible();
  await expect(dialog.getByLabel('Policy document to create')).toContainText('"ecs:Describe*"');
  await expect(dialog.getByText('No findings: the policy passes every check.')).toBeVisible();
  await expect(dialog.getByRole('meter', { name: 'Managed policy size' })).toHaveAttribute(
    'aria-valuemax',
    '6144',
  );
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  await expect(dialog.getByText(`Created ${name}`)).toBeVisible();

  // attach
  await dialog.getByRole('checkbox', { name: 'User bob' }).check();
  await dialog.getByRole('checkbox', { name: 'Group Developers' }).check();
  await dialog.getByRole('checkbox', { name: 'Role lambda-basic-execution' }).check();
  await dialog.getByRole('button', { name: 'Attach to 3 selected' }).click();
  const results = dialog.getByRole('region', { name: 'Attachment results' });
  await expect(results.getByText('3 of 3 targets have the policy')).toBeVisible();
  await expect(results.getByText('User bob: Attached')).toBeVisible();
  await expect(results.getByText('Group Developers: Attached')).toBeVisible();
  await expect(results.getByText('Role lambda-basic-execution: Attached')).toBeVisible();

  // the account says so too
  const listed = await api(sandboxApp, 'listPolicies', { search: name });
  expect(listed.policies.map((p) => [p.name, p.attachmentCount])).toEqual([[name, 3]]);
  expect(await attachedCount(sandboxApp, 'user', 'bob')).toBe((before.bob ?? 0) + 1);
  expect(await attachedCount(sandboxApp, 'group', 'Developers')).toBe((before.developers ?? 0) + 1);
  expect(await attachedCount(sandboxApp, 'role', 'lambda-basic-execution')).toBe((before.lambda ?? 0) + 1);
  const document = await api(sandboxApp, 'getPolicyDocument', { policyArn: listed.policies[0]?.arn ?? '' });
  expect(JSON.parse(document.document)).toEqual(ECS_READ);

  await dialog.getByRole('button', { name: 'Done' }).click();
  await expect(dialog).toBeHidden();
});

test('a name the account already has is caught before anything is sent', async ({ page, openSandboxApp }) => {
  const sent: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) sent.push(new URL(r.url()).pathname);
  });
  await EditorPage.seedDraft(page, ECS_READ);
  await openSandboxApp();
  await page.getByRole('button', { name: 'Review and create' }).click();
  const dialog = reviewDialog(page);
  const nameField = dialog.getByLabel('Policy name');
  await nameField.fill('readreportsbucket'); // the sandbox has ReadReportsBucket
  await expect(
    dialog.getByText(
      'A policy named ReadReportsBucket already exists; IAM policy names are case-insensitive. Choose another name.',
    ),
  ).toBeVisible();
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByRole('button', { name: 'Next: review' })).toBeDisabled();
  // IAM's pattern is checked as typed, without asking the server
  await nameField.fill('bad name!');
  await expect(
    dialog.getByText('IAM does not allow space, "!" in a name: use letters, digits and + = , . @ _ -.'),
  ).toBeVisible();
  await nameField.fill('readreportsbucket');
  await dialog.getByRole('button', { name: 'Use readreportsbucket-2' }).click();
  await expect(dialog.getByText('readreportsbucket-2 is free in Sandbox account 123456789012')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Next: review' })).toBeEnabled();
  expect(sent).not.toContain('/api/createPolicy');
  expect(sent.filter((p) => p === '/api/checkPolicyName').length).toBeGreaterThan(0);
});

test('a target at its quota is shown as full and cannot be picked; the others succeed and nothing is duplicated', async ({
  page,
  openSandboxApp,
  sandboxApp,
}) => {
  await EditorPage.seedDraft(page, ECS_READ);
  await openSandboxApp();
  const before = {
    ciBot: await attachedCount(sandboxApp, 'user', 'ci-bot'),
    admins: await attachedCount(sandboxApp, 'group', 'Admins'),
  };
  const name = unique('ECS-Quota');
  await createPolicy(page, name);
  const dialog = reviewDialog(page);
  const roles = dialog.getByRole('region', { name: 'Roles' });
  await expect(roles.getByText('10/10 policies attached · full')).toBeVisible();
  await expect(dialog.getByRole('checkbox', { name: 'Role data-pipeline-role' })).toBeDisabled();

  await dialog.getByRole('checkbox', { name: 'User ci-bot' }).check();
  await dialog.getByRole('checkbox', { name: 'Group Admins' }).check();
  await dialog.getByRole('button', { name: 'Attach to 2 selected' }).click();
  const results = dialog.getByRole('region', { name: 'Attachment results' });
  await expect(results.getByText('2 of 2 targets have the policy')).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Retry failed/ })).toHaveCount(0);

  // choose another role later: only it is sent
  const attachBodies: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/attachPolicy')) attachBodies.push(r.postData() ?? '');
  });
  await dialog.getByRole('checkbox', { name: 'Role ec2-ssm-instance' }).check();
  await dialog.getByRole('button', { name: 'Attach to 1 selected' }).click();
  await expect(results.getByText('Role ec2-ssm-instance: Attached')).toBeVisible();
  await expect(results.getByText('3 of 3 targets have the policy')).toBeVisible();
  expect(attachBodies.map((b) => JSON.parse(b).targets)).toEqual([[{ kind: 'role', name: 'ec2-ssm-instance' }]]);

  // the policy was created once and attached once to each: nothing duplicated
  const listed = await api(sandboxApp, 'listPolicies', { search: name });
  expect(listed.policies.map((p) => [p.name, p.attachmentCount])).toEqual([[name, 3]]);
  expect(await attachedCount(sandboxApp, 'user', 'ci-bot')).toBe((before.ciBot ?? 0) + 1);
  expect(await attachedCount(sandboxApp, 'group', 'Admins')).toBe((before.admins ?? 0) + 1);
  expect(await attachedCount(sandboxApp, 'role', 'data-pipeline-role')).toBe(10);
});

test('a role for API Gateway is created with the new policy and AmazonAPIGatewayPushToCloudWatchLogs', async ({
  page,
  openSandboxApp,
  sandboxApp,
}) => {
  await EditorPage.seedDraft(page, ECS_READ);
  await openSandboxApp();
  const policyName = unique('ECS-ForApiGw');
  await createPolicy(page, policyName);
  await reviewDialog(page).getByRole('button', { name: 'Create a role for an AWS service…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Create a role for an AWS service' });
  await expect(dialog.getByText('Creating the role in Sandbox account 123456789012')).toBeVisible();
  await dialog.getByLabel('Trusted AWS services').fill('apigateway');
  await page.getByRole('option', { name: /^apigateway\.amazonaws\.com/ }).click();
  await expect(dialog.getByLabel('Trust policy to create')).toContainText(
    '"Service": "apigateway.amazonaws.com"',
  );
  const roleName = unique('ApiGwLogs');
  await dialog.getByLabel('Role name').fill(roleName);
  await dialog.getByLabel('Maximum session duration').click();
  await page.getByRole('option', { name: '2 hours', exact: true }).click();
  await expect(dialog.getByLabel(`Attach ${policyName} (the policy just created)`)).toBeChecked();
  await dialog.getByLabel('Other managed policies to attach').fill('AmazonAPIGatewayPushToCloudWatchLogs');
  await page.getByRole('option', { name: /^AmazonAPIGatewayPushToCloudWatchLogs/ }).click();
  await dialog.getByRole('button', { name: 'Create role' }).click();

  await expect(dialog.getByText(`Created the role ${roleName}`)).toBeVisible();
  const results = dialog.getByRole('region', { name: 'Role attachment results' });
  await expect(results.getByText('2 of 2 policies attached')).toBeVisible();
  await expect(results.getByText(`${policyName}: Attached`)).toBeVisible();
  await expect(results.getByText('AmazonAPIGatewayPushToCloudWatchLogs: Attached')).toBeVisible();

  expect(await attachedCount(sandboxApp, 'role', roleName)).toBe(2);
  const listed = await api(sandboxApp, 'listPolicies', { search: policyName });
  expect(listed.policies[0]?.attachmentCount).toBe(1);

  await dialog.getByRole('button', { name: 'Done' }).click();
  // the new role shows in the attach step's list
  await expect(reviewDialog(page).getByRole('checkbox', { name: `Role ${roleName}` })).toBeVisible();
});

test('errors IAM would reject block Create with an explanation', async ({ page, openSandboxApp }) => {
  await EditorPage.seedDraft(page, {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['ecs:ListClusters'] }],
  });
  await openSandboxApp();
  await page.getByRole('button', { name: 'Review and create' }).click();
  const dialog = reviewDialog(page);
  await dialog.getByLabel('Policy name').fill(unique('NoResource'));
  await dialog.getByRole('button', { name: 'Next: review' }).click();
  await expect(
    dialog
      .getByRole('alert')
      .filter({ hasText: /The policy has 1 error that IAM would reject: fix it in the editor/ }),
  ).toBeVisible();
  await expect(dialog.getByText(/The statement has no "Resource"/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Create policy' })).toBeDisabled();
});

test("IAM's MalformedPolicyDocument answer is shown with IAM's message and what to do", async ({
  page,
  openSandboxApp,
  allowedConsoleErrors,
}) => {
  // The validator blocks every document the sandbox rejects (see "errors IAM would reject"), so the
  // server's answer is stubbed here, exactly as the server sends it (src/api/client.test.ts gets
  // the same answer from the real server and sandbox).
  allowedConsoleErrors.push(/status of 400/);
  await page.route('**/api/createPolicy', (route) =>
    route.fulfill({
      status: 400,
      contentType: 'application/json',
      body: JSON.stringify({
        error: {
          code: 'MalformedPolicyDocument',
          message: 'IAM rejected the policy document: Policy statement must contain resources.',
          hint: 'Fix the document (the validator marks the place) and retry.',
        },
      }),
    }),
  );
  await EditorPage.seedDraft(page, ECS_READ);
  await openSandboxApp();
  await page.getByRole('button', { name: 'Review and create' }).click();
  const dialog = reviewDialog(page);
  const name = unique('Stubbed');
  await dialog.getByLabel('Policy name').fill(name);
  await dialog.getByRole('button', { name: 'Next: review' }).click();
  await dialog.getByRole('button', { name: 'Create policy' }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert.getByText('IAM rejected the policy document', { exact: true })).toBeVisible();
  await expect(
    alert.getByText('IAM rejected the policy document: Policy statement must contain resources.'),
  ).toBeVisible();
  await expect(alert.getByText(/What to do: Fix the document/)).toBeVisible();
  // nothing is lost: the form and the draft are as they were
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(dialog.getByLabel('Policy name')).toHaveValue(name);
  expect(await new EditorPage(page).policy()).toEqual(ECS_READ);
});

test('the server gone mid-flow: a clear message, the form and the draft kept', async ({
  page,
  allowedConsoleErrors,
}) => {
  allowedConsoleErrors.push(/Failed to load resource|ERR_CONNECTION_REFUSED/);
  const own = await startApp(['--sandbox']);
  try {
    await EditorPage.seedDraft(page, ECS_READ);
    await page.goto(`${own.url}#token=${own.token}`);
    await page.getByRole('button', { name: 'Review and create' }).click();
    const dialog = reviewDialog(page);
    const name = unique('Gone');
    await dialog.getByLabel('Policy name').fill(name);
    await dialog.getByLabel('Description (optional)').fill('kept');
    await expect(dialog.getByText(`${name} is free in Sandbox account 123456789012`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Next: review' }).click();
    await own.stop();
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    const alert = dialog.getByRole('alert');
    await expect(alert.getByText('The local server is not running', { exact: true })).toBeVisible();
    await expect(
      alert.getByText('The local server is not running: start it again with npm start; your draft is saved.'),
    ).toBeVisible();
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(dialog.getByLabel('Policy name')).toHaveValue(name);
    await expect(dialog.getByLabel('Description (optional)')).toHaveValue('kept');
    expect(await new EditorPage(page).policy()).toEqual(ECS_READ);
  } finally {
    await own.stop();
  }
});

test('a sixth version offers to delete the oldest non-default version, then saves', async ({
  page,
  openSandboxApp,
  sandboxApp,
  allowedConsoleErrors,
}) => {
  allowedConsoleErrors.push(/status of 409/);
  const name = unique('Versioned');
  const doc = (sid: string) =>
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Sid: sid, Effect: 'Allow', Action: 'ecs:ListClusters', Resource: '*' }],
    });
  const { policy } = await api(sandboxApp, 'createPolicy', { name, document: doc('V1') });
  for (const sid of ['V2', 'V3', 'V4', 'V5'])
    await api(sandboxApp, 'createPolicyVersion', {
      policyArn: policy.arn,
      document: doc(sid),
      setAsDefault: true,
    });

  await openSandboxApp();
  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await page.getByRole('menuitem', { name: /Open from account/ }).click();
  const open = page.getByRole('dialog', { name: 'Open a policy from the account' });
  await open.getByLabel('Search policies').fill(name);
  await open.getByRole('button', { name: `Open ${name}` }).click();
  await expect(open).toBeHidden();
  const editor = new EditorPage(page);
  await expect(editor.block(1).getByLabel('Sid of permission block 1')).toHaveValue('V5');
  await editor.setSid(1, 'V6');

  await page.getByRole('button', { name: 'Account', exact: true }).click();
  await page.getByRole('menuitem', { name: /Save as new version/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Save as new version' });
  await expect(dialog.getByLabel('Policy to update')).toHaveValue(name);
  await expect(dialog.getByText(/has 5 of 5 versions/)).toBeVisible();
  // access first (a renamed Sid changes no access), lines second
  await expect(dialog.getByRole('region', { name: 'Access compared with the default version' })).toContainText(
    'No change in access',
  );
  await expect(dialog.getByText('Lines changed against v5 (default): +1 −1 lines')).toBeVisible();
  const diff = dialog.getByLabel('Changes against the default version');
  await expect(diff.locator('[data-diff="removed"]')).toContainText('"Sid": "V5"');
  await expect(diff.locator('[data-diff="added"]')).toContainText('"Sid": "V6"');
  await dialog.getByRole('button', { name: 'Save as new version' }).click();

  await expect(dialog.getByText('An IAM quota was reached')).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete v1 and save…' }).click();
  const confirm = dialog.getByRole('alertdialog', { name: 'Delete version v1?' });
  await expect(confirm.getByText(/IAM\s+cannot restore it/)).toBeVisible();
  await confirm.getByRole('button', { name: 'Delete v1 permanently and save' }).click();
  await expect(dialog.getByText(`Saved ${name} v6; it is now the default version.`)).toBeVisible();
  await expect(dialog.getByText('Lines changed against v6 (default): none')).toBeVisible();

  const versions = await api(sandboxApp, 'listPolicyVersions', { policyArn: policy.arn });
  expect(versions.versions.map((v) => `${v.versionId}${v.isDefaultVersion ? '*' : ''}`)).toEqual([
    'v6*',
    'v5',
    'v4',
    'v3',
    'v2',
  ]);
  const current = await api(sandboxApp, 'getPolicyDocument', { policyArn: policy.arn });
  expect(JSON.parse(current.document).Statement[0].Sid).toBe('V6');
});

test('a page on another origin can neither read nor create anything', async ({ browser, sandboxApp }) => {
  const name = unique('EvilPolicy');
  const target = new URL(sandboxApp.url).origin;
  // even knowing the token (it cannot: it is in the app's URL fragment), the page is refused
  const script = `
    const results = {};
    async function attempt(label, init) {
      try {
        const r = await fetch(${JSON.stringify(target)} + '/api/' + label.split(':')[0], init);
        results[label] = 'status ' + r.status + ' ' + (await r.text());
      } catch (e) {
        results[label] = 'blocked: ' + e.name;
      }
    }
    const json = { 'content-type': 'application/json', 'x-workbench-token': ${JSON.stringify(sandboxApp.token)} };
    const doc = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
    (async () => {
      await attempt('session', { method: 'POST', headers: json, body: '{}' });
      await attempt('createPolicy', { method: 'POST', headers: json, body: JSON.stringify({ name: ${JSON.stringify(name)}, document: doc }) });
      await attempt('createPolicy:simple', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: ${JSON.stringify(name)}, document: doc }) });
      await attempt('createPolicy:no-cors', { method: 'POST', mode: 'no-cors', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ name: ${JSON.stringify(name)}, document: doc }) });
      window.results = results;
    })();`;
  const evil: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(`<!doctype html><title>Other site</title><script>${script}</script>`);
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const refused: number[] = [];
    page.on('response', (r) => {
      if (r.url().startsWith(target)) refused.push(r.status());
    });
    await page.goto(`http://127.0.0.1:${(evil.address() as AddressInfo).port}/`);
    const results = (await page
      .waitForFunction(() => (window as unknown as { results?: Record<string, string> }).results)
      .then((h) => h.jsonValue())) as Record<string, string>;
    // the preflighted requests never happen; the simple ones reach the server and are refused unread
    expect(results.session).toBe('blocked: TypeError');
    expect(results.createPolicy).toBe('blocked: TypeError');
    expect(results['createPolicy:simple']).toBe('blocked: TypeError');
    expect(results['createPolicy:no-cors']).toBe('status 0 '); // opaque: nothing readable
    expect(refused.every((s) => s === 403)).toBe(true);
  } finally {
    await context.close();
    await new Promise<void>((resolve) => evil.close(() => resolve()));
  }
  const listed = await api(sandboxApp, 'listPolicies', { search: name });
  expect(listed.total).toBe(0);
});

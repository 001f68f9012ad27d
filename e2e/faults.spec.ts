/**
 * The account flows in the browser against a sandbox that misbehaves on purpose
 * (`npm start -- --sandbox-faults PLAN`): throttling, HTTP 500, dropped and stalled connections
 * and slow answers on every write, from a seeded plan, so a run is reproducible. Each flow ends
 * with the right result or a clear message per target, a retry finishes it, and the account
 * (read back through the server's JSON API, whose reads are not faulted) holds exactly one
 * policy, one attachment per target and the right number of versions.
 *
 * Stalls are bounded by `--iam-timeouts` (an attempt gives up after 1.5 s instead of 15 s), so
 * the spec runs in about a minute or two. The second part cancels slow calls (a plan with only
 * latency) and checks that the dialog comes back editable, says honestly what may have happened,
 * and that doing it again never makes anything twice.
 */
import type { Locator, Page } from '@playwright/test';
import { loadCatalogFromDisk } from '../src/catalog/node';
import { api } from './fixtures/api';
import { startApp, type RunningApp } from './fixtures/server';
import { expect, test } from './fixtures/test';
import { EditorPage } from './pages/EditorPage';

/** IAM writes the flows make; reads stay clean, so lists and checks tell the truth. */
const WRITES = 'CreatePolicy|AttachUserPolicy|AttachGroupPolicy|AttachRolePolicy|CreateRole|CreatePolicyVersion';
/** 45% of writes fault (one draw each), the rest are 50-300 ms slow. */
const PLAN = `throttle=0.15,error500=0.1,drop=0.1,stall=0.1,latency=50-300,seed=11,ops=${WRITES}`;
/** an attempt that hears nothing gives up after 1.5 s; a call (5 attempts) after 8 s */
const TIMEOUTS = 'connect=1000,attempt=1500,call=8000,operation=12000';
/** long enough for a call that stalls, retries and backs off */
const SLOW = { timeout: 30_000 };

const ECS_READ = {
  Version: '2012-10-17',
  Statement: [{ Sid: 'EcsRead', Effect: 'Allow', Action: ['ecs:Describe*', 'ecs:List*'], Resource: ['*'] }],
};

/** an API failure shown in a dialog (other alerts there are notes) */
function failure(dialog: Locator): Locator {
  return dialog.getByRole('alert').filter({ hasText: 'What to do:' });
}

function unique(base: string): string {
  return `${base}-${Date.now().toString(36)}`;
}

async function attachedCount(app: RunningApp, kind: 'user' | 'group' | 'role', name: string): Promise<number | undefined> {
  const out = await api(app, 'listPrincipals', { kinds: [kind], search: name });
  return out.principals.find((p) => p.name === name)?.attachedPolicyCount;
}

/**
 * Waits until `done` shows; each time `failed` (a message with what to do) shows instead, presses
 * `again` (at most `tries` times). Returns how many failures it saw.
 */
async function untilDone(done: Locator, failed: Locator, again: () => Promise<void>, tries = 6): Promise<number> {
  for (let failures = 0; ; failures++) {
    await expect(done.or(failed).first()).toBeVisible(SLOW);
    if (await done.isVisible()) return failures;
    expect(failures, 'still failing after several tries').toBeLessThan(tries);
    await again();
  }
}

test.describe('under a fault plan', () => {
  test.describe.configure({ mode: 'serial' });
  let app: RunningApp;

  test.beforeAll(async () => {
    app = await startApp(['--sandbox-faults', PLAN, '--iam-timeouts', TIMEOUTS]);
    await api(app, 'session', {}); // the first call loads the SDK's STS client: not under a page's clock
  });
  test.afterAll(async () => {
    await app.stop();
    // for the person reading the run: what the plan injected
    console.log(/Sandbox faults injected: .*/.exec(app.output())?.[0] ?? 'no fault count printed');
  });
  test.beforeEach(({ allowedConsoleErrors }) => {
    // the browser logs each failed API call (the page shows it in words)
    allowedConsoleErrors.push(/Failed to load resource: the server responded with a status of (4|5)\d\d/);
    test.setTimeout(180_000);
  });

  async function open(page: Page): Promise<void> {
    await page.goto(`${app.url}#token=${app.token}`);
    await expect(page.getByRole('button', { name: 'Sandbox account 123456789012' })).toBeVisible(SLOW);
  }

  test('create a policy, attach it to a user, a group and a role, and create a role for a service', async ({ page }) => {
    await EditorPage.seedDraft(page, ECS_READ);
    await open(page);
    const before = {
      bob: await attachedCount(app, 'user', 'bob'),
      developers: await attachedCount(app, 'group', 'Developers'),
      lambda: await attachedCount(app, 'role', 'lambda-basic-execution'),
    };

    // create: the right result, or a clear message and Create again
    await page.getByRole('button', { name: 'Review and create' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review and create' });
    const name = unique('Faults-ECS');
    await dialog.getByLabel('Policy name').fill(name);
    await expect(dialog.getByText(`${name} is free in Sandbox account 123456789012`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Next: review' }).click();
    const create = dialog.getByRole('button', { name: 'Create policy' });
    await create.click();
    const createFailures = await untilDone(dialog.getByText(`Created ${name}`), failure(dialog), () => create.click());
    const listed = await api(app, 'listPolicies', { search: name });
    expect(listed.policies.map((p) => p.name), 'one policy, never two').toEqual([name]);
    const policyArn = listed.policies[0]?.arn ?? '';

    // attach to three targets: each ends attached, or with its own message and Retry failed
    await dialog.getByRole('checkbox', { name: 'User bob' }).check();
    await dialog.getByRole('checkbox', { name: 'Group Developers' }).check();
    await dialog.getByRole('checkbox', { name: 'Role lambda-basic-execution' }).check();
    await dialog.getByRole('button', { name: 'Attach to 3 selected' }).click();
    const results = dialog.getByRole('region', { name: 'Attachment results' });
    const allAttached = results.getByText('3 of 3 targets have the policy');
    const retry = dialog.getByRole('button', { name: /^Retry failed/ });
    for (let round = 0; ; round++) {
      await expect(allAttached.or(retry).or(failure(dialog)).first()).toBeVisible(SLOW);
      if (await allAttached.isVisible()) break;
      expect(round, 'attaching still fails after several retries').toBeLessThan(6);
      console.log(`Under faults: attaching needed another round (${round + 1})`);
      if (await retry.isVisible()) {
        // every failed target says why, in its own line
        await expect(results.getByText(/: Failed \(/).first()).toBeVisible();
        await retry.click();
      } else {
        await failure(dialog).getByRole('button', { name: 'Retry' }).click();
      }
    }
    for (const line of ['User bob', 'Group Developers', 'Role lambda-basic-execution'])
      await expect(results.getByText(new RegExp(`^${line}: (Attached|Already attached)$`))).toBeVisible();
    expect(await attachedCount(app, 'user', 'bob')).toBe((before.bob ?? 0) + 1);
    expect(await attachedCount(app, 'group', 'Developers')).toBe((before.developers ?? 0) + 1);
    expect(await attachedCount(app, 'role', 'lambda-basic-execution')).toBe((before.lambda ?? 0) + 1);

    // a role for a service, with the new policy and an AWS managed one
    await dialog.getByRole('button', { name: 'Create a role for an AWS service…' }).click();
    const roleDialog = page.getByRole('dialog', { name: 'Create a role for an AWS service' });
    await roleDialog.getByLabel('Trusted AWS services').fill('apigateway');
    await page.getByRole('option', { name: /^apigateway\.amazonaws\.com/ }).click();
    const roleName = unique('Faults-ApiGw');
    await roleDialog.getByLabel('Role name').fill(roleName);
    await roleDialog.getByLabel('Other managed policies to attach').fill('AmazonAPIGatewayPushToCloudWatchLogs');
    await page.getByRole('option', { name: /^AmazonAPIGatewayPushToCloudWatchLogs/ }).click();
    const createRole = roleDialog.getByRole('button', { name: 'Create role' });
    await createRole.click();
    const roleFailures = await untilDone(
      roleDialog.getByText(`Created the role ${roleName}`),
      failure(roleDialog),
      () => createRole.click(),
    );
    const roleResults = roleDialog.getByRole('region', { name: 'Role attachment results' });
    const bothAttached = roleResults.getByText('2 of 2 policies attached', { exact: true });
    const roleRetry = roleDialog.getByRole('button', { name: /^Retry failed/ });
    for (let round = 0; ; round++) {
      await expect(bothAttached.or(roleRetry).first()).toBeVisible(SLOW);
      if (await bothAttached.isVisible()) break;
      expect(round, 'attaching to the role still fails after several retries').toBeLessThan(6);
      await roleRetry.click();
    }
    const roles = await api(app, 'listPrincipals', { kinds: ['role'], search: roleName });
    expect(roles.principals.map((p) => [p.name, p.attachedPolicyCount]), 'one role with both policies').toEqual([[roleName, 2]]);
    expect((await api(app, 'listPolicies', { search: name })).policies[0]?.attachmentCount).toBe(4);
    expect((await api(app, 'listPolicyVersions', { policyArn })).versions.map((v) => v.versionId)).toEqual(['v1']);
    console.log(`Under faults: creating the policy failed ${createFailures}× and the role ${roleFailures}× before succeeding`);
  });

  test('save a new version: saved once, or a clear message and Save again, never two versions', async ({ page }) => {
    const name = unique('Faults-Versioned');
    const doc = (sid: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 'ecs:ListClusters', Resource: '*' }] });
    // the API's create is retry-safe: a create that failed under faults is simply sent again
    let policyArn = '';
    for (let i = 0; i < 6 && !policyArn; i++) {
      policyArn = await api(app, 'createPolicy', { name, document: doc('First') }).then(
        (out) => out.policy.arn,
        () => '',
      );
    }
    expect(policyArn).not.toBe('');

    await open(page);
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: /Open from account/ }).click();
    const opening = page.getByRole('dialog', { name: 'Open a policy from the account' });
    await opening.getByLabel('Search policies').fill(name);
    await opening.getByRole('button', { name: `Open ${name}` }).click();
    await expect(opening).toBeHidden();
    const editor = new EditorPage(page);
    await expect(editor.block(1).getByLabel('Sid of permission block 1')).toHaveValue('First');
    await editor.setSid(1, 'Second');

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: /Save as new version/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as new version' });
    await expect(dialog.getByText('Lines changed against v1 (default): +1 −1 lines')).toBeVisible();
    const save = dialog.getByRole('button', { name: 'Save as new version' });
    await save.click();
    const saveFailures = await untilDone(
      dialog.getByText(`Saved ${name} v2; it is now the default version.`),
      failure(dialog),
      () => save.click(),
    );
    console.log(`Under faults: saving the new version failed ${saveFailures}× before succeeding`);

    const versions = await api(app, 'listPolicyVersions', { policyArn });
    expect(versions.versions.map((v) => `${v.versionId}${v.isDefaultVersion ? '*' : ''}`)).toEqual(['v2*', 'v1']);
    const current = await api(app, 'getPolicyDocument', { policyArn });
    expect(JSON.parse(current.document).Statement[0].Sid).toBe('Second');
  });
});

test.describe('cancelling a slow call', () => {
  test.describe.configure({ mode: 'serial' });
  let app: RunningApp;
  /** every create and attach takes 3 s: long enough to press Cancel */
  const LATENCY_MS = 3_000;

  test.beforeAll(async () => {
    app = await startApp(['--sandbox-faults', `latency=${LATENCY_MS},ops=CreatePolicy|AttachUserPolicy|CreatePolicyVersion`]);
  });
  test.afterAll(async () => {
    await app.stop();
  });
  test.beforeEach(() => {
    test.setTimeout(120_000);
  });

  test('Cancel stops creating and attaching, keeps what was typed, says what may have happened; doing it again makes nothing twice', async ({
    page,
  }) => {
    await EditorPage.seedDraft(page, ECS_READ);
    await page.goto(`${app.url}#token=${app.token}`);
    const bobBefore = await attachedCount(app, 'user', 'bob');
    const sent: string[] = [];
    page.on('requestfailed', (r) => sent.push(`${new URL(r.url()).pathname} ${r.failure()?.errorText ?? ''}`));

    await page.getByRole('button', { name: 'Review and create' }).click();
    const dialog = page.getByRole('dialog', { name: 'Review and create' });
    const name = unique('Cancelled');
    await dialog.getByLabel('Policy name').fill(name);
    await dialog.getByLabel('Description (optional)').fill('kept after a cancel');
    await expect(dialog.getByText(`${name} is free in Sandbox account 123456789012`)).toBeVisible();
    await dialog.getByRole('button', { name: 'Next: review' }).click();
    await dialog.getByRole('button', { name: 'Create policy' }).click();

    // while it is creating, Cancel is offered; pressing it ends the wait at once
    await expect(dialog.getByRole('button', { name: 'Creating…' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    const notice = dialog.getByRole('status', { name: 'Cancelled: creating the policy' });
    await expect(notice).toBeVisible();
    await expect(notice).toContainText(`so ${name} may exist now`);
    await expect(notice).toContainText('never made twice');
    // the browser aborted its request (the server then aborts its IAM call: src/server/faults.test.ts)
    await expect
      .poll(() => sent.filter((line) => line.startsWith('/api/createPolicy')))
      .toEqual([expect.stringContaining('ERR_ABORTED')]);
    await expect(dialog.getByRole('button', { name: 'Create policy' })).toBeEnabled();
    await expect(dialog.getByRole('button', { name: 'Cancel', exact: true })).toHaveCount(0);
    await dialog.getByRole('button', { name: 'Back' }).click();
    await expect(dialog.getByLabel('Policy name')).toHaveValue(name);
    await expect(dialog.getByLabel('Description (optional)')).toHaveValue('kept after a cancel');
    expect(await new EditorPage(page).policy()).toEqual(ECS_READ);

    // as the notice says, the request had reached IAM (the sandbox answers slowly, then creates);
    // the server reuses a list for up to 15 s, so this can take that long to show
    await expect.poll(async () => (await api(app, 'listPolicies', { search: name })).total, { timeout: 30_000 }).toBe(1);
    // creating again is safe: the same policy is found and reported as created
    await dialog.getByRole('button', { name: 'Next: review' }).click();
    await dialog.getByRole('button', { name: 'Create policy' }).click();
    await expect(dialog.getByText(`Created ${name}`)).toBeVisible();
    const listed = await api(app, 'listPolicies', { search: name });
    expect(listed.policies.map((p) => [p.name, p.defaultVersionId]), 'one policy, one version').toEqual([[name, 'v1']]);

    // attaching: Cancel during "Attaching…", the target stays selected, attaching again is safe
    await dialog.getByRole('checkbox', { name: 'User bob' }).check();
    await dialog.getByRole('button', { name: 'Attach to 1 selected' }).click();
    await expect(dialog.getByRole('button', { name: 'Attaching…' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog.getByRole('status', { name: 'Cancelled: attaching the policy' })).toContainText(
      'IAM never attaches a policy twice',
    );
    await expect(dialog.getByRole('checkbox', { name: 'User bob' })).toBeChecked();
    await expect(dialog.getByRole('button', { name: 'Done' })).toBeEnabled();
    // (the server asks IAM first whether bob has the policy, so the cancel may come before the
    // attach itself was sent: either way, attaching again ends with one attachment)
    await dialog.getByRole('button', { name: 'Attach to 1 selected' }).click();
    const results = dialog.getByRole('region', { name: 'Attachment results' });
    await expect(results.getByText(/^User bob: (Attached|Already attached)$/)).toBeVisible();
    expect(await attachedCount(app, 'user', 'bob')).toBe((bobBefore ?? 0) + 1);
    expect((await api(app, 'listPolicies', { search: name })).policies[0]?.attachmentCount).toBe(1);
  });

  test('Cancel while saving a new version: the dialog stays, says what may have happened, and the versions are read again', async ({
    page,
  }) => {
    const name = unique('CancelVersion');
    const doc = (sid: string) =>
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: sid, Effect: 'Allow', Action: 'ecs:ListClusters', Resource: '*' }] });
    const { policy } = await api(app, 'createPolicy', { name, document: doc('First') });
    await page.goto(`${app.url}#token=${app.token}`);
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: /Open from account/ }).click();
    const opening = page.getByRole('dialog', { name: 'Open a policy from the account' });
    await opening.getByLabel('Search policies').fill(name);
    await opening.getByRole('button', { name: `Open ${name}` }).click();
    await expect(opening).toBeHidden();
    const editor = new EditorPage(page);
    await editor.setSid(1, 'Second');
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: /Save as new version/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Save as new version' });
    await expect(dialog.getByText('Lines changed against v1 (default): +1 −1 lines')).toBeVisible();
    await dialog.getByRole('button', { name: 'Save as new version' }).click();
    await expect(dialog.getByRole('button', { name: 'Saving…' })).toBeDisabled();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('status', { name: 'Cancelled: saving the new version' })).toContainText(
      'look at the changes against the default version',
    );
    await expect(dialog.getByRole('button', { name: 'Save as new version' })).toBeEnabled();
    // the request had reached IAM: v2 exists; reopening the dialog shows there is nothing left to save
    await expect
      .poll(async () => (await api(app, 'listPolicyVersions', { policyArn: policy.arn })).versions.length, { timeout: 15_000 })
      .toBe(2);
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('menuitem', { name: /Save as new version/ }).click();
    await expect(dialog.getByText('Lines changed against v2 (default): none')).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Save as new version' })).toBeDisabled();
    expect(await editor.policy()).toMatchObject({ Statement: [{ Sid: 'Second' }] });
  });

  test('Cancel while creating a policy set: the part in flight is marked Cancelled, Retry failed finishes the set, each part exists once', async ({
    page,
  }) => {
    test.setTimeout(300_000);
    const readOnly = await (await loadCatalogFromDisk()).managedPolicy('ReadOnlyAccess');
    if (!readOnly) throw new Error('ReadOnlyAccess is not in the catalog');
    const stem = unique('CancelSet');
    await EditorPage.seedDraft(page, readOnly.document);
    await page.goto(`${app.url}#token=${app.token}`);
    const split = page.getByRole('region', { name: 'Over the size quota' }).getByRole('button', { name: /^Split into \d+ policies$/ });
    await expect(split).toBeVisible({ timeout: 120_000 });
    const parts = Number(/(\d+)/.exec((await split.textContent()) ?? '')?.[1]);
    await split.click();
    const splitDialog = page.getByRole('dialog', { name: /^Split into \d+ policies$/ });
    await expect(splitDialog.getByRole('status').filter({ hasText: 'allow exactly the same' })).toBeVisible({ timeout: 60_000 });
    await splitDialog.getByRole('button', { name: 'Create in the account…' }).click();
    const dialog = page.getByRole('dialog', { name: `Create ${parts} policies as one set` });
    await dialog.getByLabel('Set name').fill(stem);
    await expect(dialog.getByText(`The parts are named ${stem}, ${stem}-2`)).toBeVisible();
    await dialog.getByRole('button', { name: `Create ${parts} policies` }).click();

    await expect(dialog.getByRole('progressbar', { name: 'Creating the set' })).toBeVisible();
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await expect(dialog.getByRole('status', { name: 'Cancelled: creating the set' })).toBeVisible();
    await expect(dialog.getByText(/^Failed: Cancelled before IAM answered/)).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Close' })).toBeEnabled();
    // the part in flight reached IAM (the sandbox answers slowly, then creates): Retry finds it
    await expect.poll(async () => (await api(app, 'listPolicies', { search: stem })).total, { timeout: 30_000 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Retry failed' }).click();
    await expect(dialog.getByRole('status', { name: 'Set results' })).toContainText(`${parts} of ${parts} policies created`, {
      timeout: 120_000,
    });
    const listed = await api(app, 'listPolicies', { search: stem });
    expect(listed.policies.map((p) => p.name).sort(), 'every part once').toEqual(
      [stem, ...Array.from({ length: parts - 1 }, (_, i) => `${stem}-${i + 2}`)].sort(),
    );
  });
});

/**
 * Test helpers: the sandbox started for one test file, and the unmodified AWS SDK pointed at it
 * (what the server uses against IAM, so the wire shape is checked on both sides).
 */
import { IAMClient, type IAMClientConfig } from '@aws-sdk/client-iam';
import { afterAll, beforeAll } from 'vitest';
import { startSandbox, type Sandbox, type SandboxOptions } from './sandbox';

/** An SDK client's settings for the sandbox at `url`. */
export function sandboxClientConfig(url: string): IAMClientConfig {
  return {
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'dummy' },
    // One attempt: the SDK's default retries LimitExceededException as if it were throttling.
    maxAttempts: 1,
  };
}

export interface SandboxUnderTest {
  readonly sandbox: Sandbox;
  readonly iam: IAMClient;
}

/** Starts a sandbox and an SDK client before the file's tests, and stops both after them. */
export function sandboxForTests(options?: SandboxOptions): SandboxUnderTest {
  let sandbox: Sandbox | undefined;
  let iam: IAMClient | undefined;
  beforeAll(async () => {
    sandbox = await startSandbox(options);
    iam = new IAMClient(sandboxClientConfig(sandbox.url));
  });
  afterAll(async () => {
    iam?.destroy();
    await sandbox?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('sandboxForTests: the sandbox starts in beforeAll');
    return value;
  };
  return {
    get sandbox() {
      return started(sandbox);
    },
    get iam() {
      return started(iam);
    },
  };
}

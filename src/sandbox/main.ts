/**
 * `npx tsx src/sandbox/main.ts [--port N] [--catalog DIR] [--no-seed]`: runs the IAM sandbox on
 * 127.0.0.1 and prints its URL. Point the AWS CLI or SDK at it, e.g.
 *   AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws iam list-roles --endpoint-url <URL> --region us-east-1
 */
import { startSandbox } from './sandbox';

function usage(message: string): never {
  console.error(`${message}\nUsage: tsx src/sandbox/main.ts [--port N] [--catalog DIR] [--no-seed]`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let port = 0;
  let catalogDir: string | undefined;
  let seed = true;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--port') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 65535) usage('--port must be 0-65535');
      port = n;
    } else if (arg === '--catalog') {
      catalogDir = args[++i] ?? usage('--catalog needs a directory');
    } else if (arg === '--no-seed') {
      seed = false;
    } else {
      usage(`unknown option "${arg ?? ''}"`);
    }
  }
  const sandbox = await startSandbox({ port, catalogDir, seed });
  console.log(`IAM sandbox (account ${sandbox.state.accountId}) listening at ${sandbox.url}`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

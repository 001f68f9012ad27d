/**
 * `npx tsx src/sandbox/main.ts [--port N] [--catalog DIR] [--no-seed] [--faults PLAN]`: runs the
 * IAM sandbox on 127.0.0.1 and prints its URL. PLAN is a fault plan (faults.ts), e.g.
 * "throttle=0.2,error500=0.1,latency=200-800,drop=0.05,stall=0.02,seed=7". Point the AWS CLI or
 * SDK at it, e.g.
 *   AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x aws iam list-roles --endpoint-url <URL> --region us-east-1
 */
import { parseFaultPlan } from './faults';
import type { FaultPlan } from './faults';
import { startSandbox } from './sandbox';

function usage(message: string): never {
  console.error(
    `${message}\nUsage: tsx src/sandbox/main.ts [--port N] [--catalog DIR] [--no-seed] [--faults PLAN]`,
  );
  process.exit(2);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  let port = 0;
  let catalogDir: string | undefined;
  let seed = true;
  let faults: FaultPlan | undefined;
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
    } else if (arg === '--faults') {
      const text = args[++i] ?? usage('--faults needs a plan');
      try {
        faults = parseFaultPlan(text);
      } catch (error) {
        usage(error instanceof Error ? error.message : String(error));
      }
    } else {
      usage(`unknown option "${arg ?? ''}"`);
    }
  }
  const sandbox = await startSandbox({ port, catalogDir, seed, faults });
  console.log(`IAM sandbox (account ${sandbox.state.accountId}) listening at ${sandbox.url}`);
  if (faults) console.log(`Fault plan: ${describePlan(faults)}`);
  const stop = (): void => {
    void sandbox.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function describePlan(plan: FaultPlan): string {
  const parts = [
    `throttle=${plan.throttle}`,
    `error500=${plan.error500}`,
    `drop=${plan.drop}`,
    `stall=${plan.stall}`,
    ...(plan.latency ? [`latency=${plan.latency[0]}-${plan.latency[1]}`] : []),
    `seed=${plan.seed}`,
    ...(plan.ops ? [`ops=${[...plan.ops].join('|')}`] : []),
  ];
  return parts.join(',');
}

void main();

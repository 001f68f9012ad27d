/**
 * `npm start`: builds the app when needed, then serves it on 127.0.0.1 and prints the URL to open.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startSandbox, type Sandbox } from '../src/sandbox/sandbox';
import { ArgsError, USAGE, parseArgs, type StartOptions } from '../src/server/args';
import { IamGateway } from '../src/server/iam';
import { startAppServer } from '../src/server/server';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** the built app; WORKBENCH_DIST points elsewhere (parallel test builds) */
const dist = process.env.WORKBENCH_DIST ? path.resolve(process.env.WORKBENCH_DIST) : path.join(root, 'dist');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

/** The build is stale when any source input is newer than dist/index.html. */
function needsBuild(): boolean {
  const built = path.join(dist, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const inputs = ['src', 'index.html', 'vite.config.ts', 'package-lock.json', 'scripts/build-catalog.ts'];
  return inputs.some((p) => {
    const abs = path.join(root, p);
    if (!existsSync(abs)) return false;
    return statSync(abs).isDirectory() ? newestMtime(abs) > builtAt : statSync(abs).mtimeMs > builtAt;
  });
}

async function main(): Promise<void> {
  let options: StartOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof ArgsError) {
      console.error(`${e.message}\n\n${USAGE}`);
      process.exit(2);
    }
    throw e;
  }
  if (options.help) {
    console.log(USAGE);
    return;
  }
  if (!options.noBuild && needsBuild()) {
    console.log('Building the app (first run or sources changed)...');
    const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
    if (r.status !== 0) {
      console.error('The build failed; see above.');
      process.exit(1);
    }
  }
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
  const mode = options.sandbox ? 'sandbox' : options.endpointUrl ? 'endpoint' : 'aws';
  // --sandbox: the IAM sandbox runs in this process on a free port, and the gateway points at it.
  let sandbox: Sandbox | undefined;
  if (options.sandbox) {
    if (options.profile || options.endpointUrl) console.warn('--sandbox ignores --profile and --endpoint-url.');
    sandbox = await startSandbox({ port: 0, ...(options.sandboxFaults ? { faults: options.sandboxFaults } : {}) });
    if (options.sandboxFaults) console.log(`Sandbox faults: ${options.sandboxFaults}`);
  }
  const endpointUrl = sandbox?.url ?? options.endpointUrl;
  const profile = sandbox ? undefined : options.profile;
  const gateway = new IamGateway({
    mode,
    profile,
    region: options.region,
    endpointUrl,
    ...(options.iamTimeouts ? { timeouts: options.iamTimeouts } : {}),
  });
  if (options.iamTimeouts) console.log(`IAM call bounds: ${JSON.stringify(gateway.timeouts)}`);
  const server = await startAppServer({
    host: options.host,
    port: options.port,
    staticDir: dist,
    // tests only: files that replace the built catalog's (e2e/cloudcraft.spec.ts serves a newer ReadOnlyAccess)
    ...(process.env.WORKBENCH_CATALOG_OVERLAY ? { catalogOverlay: path.resolve(process.env.WORKBENCH_CATALOG_OVERLAY) } : {}),
    // tests only: files that replace the built catalog's (e2e/cloudcraft.spec.ts serves a newer ReadOnlyAccess)
    ...(process.env.WORKBENCH_CATALOG_OVERLAY ? { catalogOverlay: path.resolve(process.env.WORKBENCH_CATALOG_OVERLAY) } : {}),
    version: pkg.version,
    session: { mode, profile, region: options.region, endpointUrl },
    gateway,
  }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      console.error(`Port ${options.port} is in use. Try: npm start -- --port 0`);
      process.exit(1);
    }
    throw e;
  });
  console.log(
    sandbox
      ? `IAM Policy Workbench is running against the sandbox account ${sandbox.state.accountId} (IAM sandbox at ${sandbox.url}).`
      : `IAM Policy Workbench is running${profile ? ` with profile ${profile}` : ''}${endpointUrl ? ` against ${endpointUrl}` : ''}.`,
  );
  console.log(`Open: ${server.openUrl}`);
  const stop = () => {
    // what the fault plan injected, for the person (or the test) that ran it
    if (sandbox && options.sandboxFaults) console.log(`Sandbox faults injected: ${JSON.stringify(sandbox.state.faults)}`);
    gateway.destroy();
    void Promise.all([server.close(), sandbox?.close()]).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

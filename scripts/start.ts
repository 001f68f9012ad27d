/**
 * `npm start`: builds the app when needed, then serves it on 127.0.0.1 and prints the URL to open.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArgsError, USAGE, parseArgs, type StartOptions } from '../src/server/args';
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
  const server = await startAppServer({
    host: options.host,
    port: options.port,
    staticDir: dist,
    version: pkg.version,
    session: { mode, profile: options.profile, region: options.region, endpointUrl: options.endpointUrl },
  }).catch((e: unknown) => {
    const code = (e as { code?: string }).code;
    if (code === 'EADDRINUSE') {
      console.error(`Port ${options.port} is in use. Try: npm start -- --port 0`);
      process.exit(1);
    }
    throw e;
  });
  console.log(`IAM Policy Workbench is running${options.sandbox ? ' against the sandbox account' : ''}.`);
  console.log(`Open: ${server.openUrl}`);
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();

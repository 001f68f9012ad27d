/** `npm start -- --sandbox`: the sandbox runs in-process and the session names its account. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

it('starts against the sandbox account with --sandbox', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(root, 'scripts', 'start.ts'), '--sandbox', '--port', '0', '--no-build'],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let output = '';
    const openUrl = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 45_000);
      const onData = (chunk: Buffer): void => {
        output += chunk.toString();
        const match = /Open: (http:\/\/\S+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    expect(output).toContain('against the sandbox account 123456789012');
    const url = new URL(openUrl);
    const token = url.hash.replace('#token=', '');
    const reply = await fetch(new URL('/api/session', url), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-workbench-token': token },
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({
      mode: 'sandbox',
      connected: true,
      label: 'Sandbox account 123456789012',
    });
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
});

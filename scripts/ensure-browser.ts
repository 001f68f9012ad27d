/**
 * Makes sure the end-to-end tests have a Chromium to drive.
 * Debian's chromium (/usr/bin/chromium) where apt exists; Playwright's own download elsewhere.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { DEBIAN_CHROMIUM } from '../e2e/fixtures/chromium';

function have(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function main(): void {
  if (process.env.WORKBENCH_CHROMIUM && existsSync(process.env.WORKBENCH_CHROMIUM)) return;
  if (existsSync(DEBIAN_CHROMIUM)) return;
  if (have('apt-get')) {
    const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
    console.log('Installing Debian chromium for the end-to-end tests...');
    const run = (args: string[]) => {
      const [cmd, ...rest] = [...sudo, ...args];
      execFileSync(cmd as string, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    };
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'chromium']);
    if (existsSync(DEBIAN_CHROMIUM)) return;
  }
  if (existsSync(chromium.executablePath())) return;
  console.log("Downloading Playwright's Chromium for the end-to-end tests...");
  execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}

main();

import { describe, expect, it } from 'vitest';
import { ArgsError, parseArgs } from './args';

describe('parseArgs', () => {
  it('has defaults that bind to loopback only', () => {
    const o = parseArgs([]);
    expect(o.host).toBe('127.0.0.1');
    expect(o.port).toBe(4317);
    expect(o.sandbox).toBe(false);
  });
  it('reads every option, in both --x v and --x=v forms', () => {
    const o = parseArgs(['--port', '0', '--profile=dev', '--region', 'eu-west-1', '--sandbox', '--no-build']);
    expect(o).toMatchObject({ port: 0, profile: 'dev', region: 'eu-west-1', sandbox: true, noBuild: true });
    expect(parseArgs(['--endpoint-url', 'http://127.0.0.1:9000']).endpointUrl).toBe('http://127.0.0.1:9000');
  });
  it('rejects bad input with a clear message', () => {
    expect(() => parseArgs(['--port', 'abc'])).toThrow(ArgsError);
    expect(() => parseArgs(['--port'])).toThrow('--port needs a value');
    expect(() => parseArgs(['--bogus'])).toThrow('unknown option "--bogus"');
    expect(() => parseArgs(['--endpoint-url', 'not a url'])).toThrow(ArgsError);
  });
});

describe('parseArgs with node:util', () => {
  it('takes --opt=value, the sandbox fault plan (which implies --sandbox) and -h', () => {
    expect(parseArgs(['--port=0', '--sandbox-faults', 'throttle=0.2,seed=7'])).toMatchObject({
      port: 0,
      sandbox: true,
      sandboxFaults: 'throttle=0.2,seed=7',
    });
    expect(parseArgs(['-h']).help).toBe(true);
    expect(() => parseArgs(['--sandbox-faults'])).toThrow('--sandbox-faults needs a value');
    expect(() => parseArgs(['extra'])).toThrow(ArgsError);
  });

  it('takes shorter IAM call bounds for tests, and refuses bad ones', () => {
    expect(parseArgs(['--iam-timeouts', 'connect=500,attempt=1500,call=4000,operation=6000']).iamTimeouts).toEqual({
      connectMs: 500,
      attemptMs: 1500,
      callMs: 4000,
      operationMs: 6000,
    });
    expect(parseArgs(['--iam-timeouts=attempt=800']).iamTimeouts).toEqual({ attemptMs: 800 });
    expect(parseArgs([]).iamTimeouts).toBeUndefined();
    expect(() => parseArgs(['--iam-timeouts', 'attempt=fast'])).toThrow('attempt must be 1-600000 ms, not "fast"');
    expect(() => parseArgs(['--iam-timeouts', 'socket=5'])).toThrow('unknown bound "socket"');
    expect(() => parseArgs(['--iam-timeouts', 'call=0'])).toThrow(ArgsError);
    expect(() => parseArgs(['--iam-timeouts', ','])).toThrow('needs at least one bound');
  });
});

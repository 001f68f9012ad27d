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
});

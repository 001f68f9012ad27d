import { describe, expect, it } from 'vitest';
import { cancelledText, type CancelledCall } from './cancelledText';

const ALL: readonly CancelledCall[] = [
  { op: 'createPolicy', name: 'P' },
  { op: 'attachPolicy', name: 'P' },
  { op: 'createRole', name: 'R' },
  { op: 'attachToRole', name: 'R' },
  { op: 'savePolicyVersion', name: 'P' },
  { op: 'createPolicySet', name: 'S' },
];

describe('cancelledText', () => {
  it('never claims that nothing happened: each says the request may have reached IAM and that the lists are read again', () => {
    for (const call of ALL) {
      const text = cancelledText(call);
      expect(text.title).toMatch(/^Cancelled: /);
      expect(text.message).toContain('may still carry it out');
      expect(text.message).toMatch(/read again/);
      expect(text.message).toContain(call.name);
      expect(`${text.message} ${text.next}`).not.toMatch(/nothing was (created|made)/i);
    }
  });

  it('says whether doing it again is safe, per operation', () => {
    expect(cancelledText({ op: 'createPolicy', name: 'P' }).next).toContain('never made twice');
    expect(cancelledText({ op: 'createRole', name: 'R' }).next).toContain('never made twice');
    expect(cancelledText({ op: 'attachPolicy', name: 'P' }).next).toContain('IAM never attaches a policy twice');
    // a new version is not idempotent: the user is sent to the diff first
    expect(cancelledText({ op: 'savePolicyVersion', name: 'P' }).next).toContain('look at the changes against the default version');
    expect(cancelledText({ op: 'attachToRole', name: 'R' }).message).toContain('The role R exists.');
  });
});

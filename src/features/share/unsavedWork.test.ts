import { describe, expect, it } from 'vitest';
import { initialState } from '../../editor/policyReducer';
import { hasUnsavedWork } from './unsavedWork';

const SHARED = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}';

describe('hasUnsavedWork', () => {
  it('is false for a new policy, however it is laid out', () => {
    expect(hasUnsavedWork(initialState().text, SHARED)).toBe(false);
    expect(hasUnsavedWork('{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":[],"Resource":[]}]}', SHARED)).toBe(false);
    expect(hasUnsavedWork('{"Version":"2012-10-17","Statement":[]}', SHARED)).toBe(false);
    expect(hasUnsavedWork('  ', SHARED)).toBe(false);
  });

  it('is false for the shared draft itself, even laid out differently', () => {
    expect(hasUnsavedWork(SHARED, SHARED)).toBe(false);
    expect(hasUnsavedWork(JSON.stringify(JSON.parse(SHARED), null, 4), SHARED)).toBe(false);
  });

  it('is true for any other draft, parsing or not', () => {
    expect(hasUnsavedWork(SHARED.replace('GetObject', 'PutObject'), SHARED)).toBe(true);
    expect(hasUnsavedWork('{"Version": "2012-10-17", "Statement": [', SHARED)).toBe(true);
    expect(hasUnsavedWork('{"Version": ', '{"Version": ')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { withoutHashParam } from './hashParams';

describe('withoutHashParam', () => {
  it('removes the parameter and keeps the others in order', () => {
    expect(withoutHashParam('#draft=abc', 'draft')).toBe('');
    expect(withoutHashParam('#token=t&draft=abc', 'draft')).toBe('#token=t');
    expect(withoutHashParam('#a=1&draft=abc&b=2', 'draft')).toBe('#a=1&b=2');
    expect(withoutHashParam('#draft', 'draft')).toBe('');
  });

  it('leaves other fragments alone', () => {
    expect(withoutHashParam('', 'draft')).toBe('');
    expect(withoutHashParam('#drafts=1', 'draft')).toBe('#drafts=1');
    expect(withoutHashParam('#section', 'draft')).toBe('#section');
  });
});

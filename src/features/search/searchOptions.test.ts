import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../../catalog/search';
import { fakeCatalog } from '../../policy/testing/fakeCatalog';
import { optionLabel, patternOption, searchOptions } from './searchOptions';

const index = createSearchIndex(fakeCatalog);

describe('searchOptions', () => {
  it('puts a one-service pattern first, with its count', () => {
    const options = searchOptions(index.search('S3:Get*'), fakeCatalog);
    expect(options[0]).toEqual({
      kind: 'pattern',
      entry: 's3:Get*',
      service: 's3',
      serviceName: 'Amazon S3',
      count: 3,
    });
    expect(optionLabel(options[0]!)).toBe('s3:Get* — matches 3 actions');
    expect(options.slice(1).every((o) => o.kind === 'action')).toBe(true);
  });
  it('offers no pattern entry without a known service or a match', () => {
    expect(patternOption(index.search('Get*'), fakeCatalog)).toBeUndefined();
    expect(patternOption(index.search('nope:Get*'), fakeCatalog)).toBeUndefined();
    expect(patternOption(index.search('s3:Zap*'), fakeCatalog)).toBeUndefined();
    expect(patternOption(index.search('GetObject'), fakeCatalog)).toBeUndefined();
  });
  it('labels services and actions', () => {
    const [first] = searchOptions(index.search('GetObject'), fakeCatalog);
    expect(first && optionLabel(first)).toBe('s3:GetObject, Read, Amazon S3');
    const service = searchOptions(index.search('s3'), fakeCatalog).find((o) => o.kind === 'service');
    expect(service && optionLabel(service)).toBe('Amazon S3 (s3), service, 14 actions');
  });
});

import { describe, expect, it } from 'vitest';
import { compileTemplateField, separatorRules, splitPolicyArn, templateFieldMatches } from './arnMatch';

const S3 = separatorRules(['${BucketName}', '${BucketName}/${ObjectName}']);
const bucket = compileTemplateField('${BucketName}', false, S3);
const object = compileTemplateField('${BucketName}/${ObjectName}', false, S3);
const LOGS = separatorRules([
  'log-group:${LogGroupName}',
  'log-group:${LogGroupName}:log-stream:${LogStreamName}',
]);
const logGroup = compileTemplateField('log-group:${LogGroupName}', false, LOGS);

describe('templateFieldMatches', () => {
  it('keeps a variable within its segment where the service writes a separator after it', () => {
    expect(templateFieldMatches(bucket, 'my-bucket')).toBe(true);
    expect(templateFieldMatches(bucket, 'my-bucket/*')).toBe(false);
    expect(templateFieldMatches(bucket, '*')).toBe(true);
    expect(templateFieldMatches(object, 'my-bucket/*')).toBe(true);
    expect(templateFieldMatches(object, 'my-bucket/a/b/c')).toBe(true);
    expect(templateFieldMatches(object, 'my-bucket')).toBe(false);
  });

  it('lets other variables hold "/" (log groups) but not ":" when a template follows them with it', () => {
    expect(templateFieldMatches(logGroup, 'log-group:/aws/lambda/fn')).toBe(true);
    expect(templateFieldMatches(logGroup, 'log-group:/aws/lambda/fn:log-stream:x')).toBe(false);
  });

  it('needs a value for a variable field, and an empty field to be empty', () => {
    const account = compileTemplateField('${Account}');
    expect(templateFieldMatches(account, '')).toBe(false);
    expect(templateFieldMatches(account, '*')).toBe(true);
    expect(templateFieldMatches(account, '123456789012')).toBe(true);
    const none = compileTemplateField('');
    expect(templateFieldMatches(none, '')).toBe(true);
    expect(templateFieldMatches(none, '*')).toBe(true);
    expect(templateFieldMatches(none, '123456789012')).toBe(false);
    expect(templateFieldMatches(compileTemplateField('${Account}', true), '')).toBe(true);
  });

  it('reads policy variables as any text and the escapes as literal characters', () => {
    expect(templateFieldMatches(object, 'b/home/${aws:username}/*')).toBe(true);
    expect(templateFieldMatches(bucket, '${aws:username}')).toBe(true);
    const literal = compileTemplateField('a*b');
    expect(templateFieldMatches(compileTemplateField('key/x'), 'key/${*}')).toBe(false);
    expect(templateFieldMatches(compileTemplateField('key/x'), 'key/${?}')).toBe(false);
    expect(templateFieldMatches(literal, 'a${*}b')).toBe(true);
  });

  it('handles "?" and runs of "*?" in linear time', () => {
    expect(templateFieldMatches(bucket, '???')).toBe(true);
    expect(templateFieldMatches(compileTemplateField('table/${TableName}'), 'table/?')).toBe(true);
    expect(templateFieldMatches(compileTemplateField('table/${TableName}'), 'table/')).toBe(false);
    const long = `${'*?'.repeat(200_000)}x`;
    const start = performance.now();
    expect(templateFieldMatches(object, long)).toBe(true);
    expect(templateFieldMatches(compileTemplateField('fixed'), long)).toBe(false);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('splitPolicyArn', () => {
  it('cuts at the first five colons outside variables', () => {
    expect(splitPolicyArn('arn:aws:s3:::b/${aws:username}/x:y')).toEqual([
      'aws',
      's3',
      '',
      '',
      'b/${aws:username}/x:y',
    ]);
    expect(splitPolicyArn('arn:aws:iam::${aws:PrincipalAccount}:role/x')).toEqual([
      'aws',
      'iam',
      '',
      '${aws:PrincipalAccount}',
      'role/x',
    ]);
    expect(splitPolicyArn('arn:aws:s3')).toBeUndefined();
    expect(splitPolicyArn('s3:::b')).toBeUndefined();
  });
});

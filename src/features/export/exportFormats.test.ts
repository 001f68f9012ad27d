import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, formatInfo, isExportFormat, runExport } from './exportFormats';
import type { ExportInput } from './formats/types';

const input: ExportInput = {
  document: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['ecs:ListClusters'], Resource: '*' }] },
  name: 'EcsReadOnly',
};

describe('export formats', () => {
  it('runs the exporter of each format', () => {
    const files = EXPORT_FORMATS.map((f) => runExport(f.id, input).filename);
    expect(files).toEqual([
      'EcsReadOnly.json',
      'EcsReadOnly.template.yaml',
      'EcsReadOnly.template.json',
      'ecs_read_only.tf',
      'ecs-read-only-stack.ts',
      'create-ecs-read-only.sh',
    ]);
  });

  it('minifies JSON on request', () => {
    expect(runExport('json', input, { minified: true }).text).toBe(
      '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ecs:ListClusters"],"Resource":"*"}]}\n',
    );
    expect(runExport('json', input).text).toContain('\n    "Version"');
  });

  it('knows its ids', () => {
    expect(isExportFormat('terraform')).toBe(true);
    expect(isExportFormat('pulumi')).toBe(false);
    expect(formatInfo('cdk').label).toBe('AWS CDK (TypeScript)');
  });
});

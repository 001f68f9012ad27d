/**
 * The formats the export dialog offers, in the order of its tabs, and how to run each exporter.
 */
import { toCdk } from './formats/cdk';
import { toAwsCli } from './formats/cli';
import { toCloudFormation } from './formats/cloudformation';
import { toPolicyJson } from './formats/json';
import { toTerraform } from './formats/terraform';
import type { ExportInput, ExportOutput } from './formats/types';

export type ExportFormat = 'json' | 'cfn-yaml' | 'cfn-json' | 'terraform' | 'cdk' | 'cli';

export interface ExportFormatInfo {
  readonly id: ExportFormat;
  /** the tab's label */
  readonly label: string;
  /** what the output is, for the accessible name of the text ("Exported …") */
  readonly what: string;
}

export const EXPORT_FORMATS: readonly ExportFormatInfo[] = [
  { id: 'json', label: 'JSON', what: 'policy JSON' },
  { id: 'cfn-yaml', label: 'CloudFormation YAML', what: 'CloudFormation YAML' },
  { id: 'cfn-json', label: 'CloudFormation JSON', what: 'CloudFormation JSON' },
  { id: 'terraform', label: 'Terraform', what: 'Terraform' },
  { id: 'cdk', label: 'AWS CDK (TypeScript)', what: 'AWS CDK (TypeScript)' },
  { id: 'cli', label: 'AWS CLI', what: 'AWS CLI script' },
];

export function formatInfo(id: ExportFormat): ExportFormatInfo {
  return EXPORT_FORMATS.find((f) => f.id === id) ?? (EXPORT_FORMATS[0] as ExportFormatInfo);
}

export function isExportFormat(value: unknown): value is ExportFormat {
  return EXPORT_FORMATS.some((f) => f.id === value);
}

export interface RunExportOptions {
  /** JSON only: minified rather than pretty */
  readonly minified?: boolean;
}

/** Runs the exporter of a format. */
export function runExport(format: ExportFormat, input: ExportInput, options: RunExportOptions = {}): ExportOutput {
  switch (format) {
    case 'json':
      return toPolicyJson(input, { format: options.minified ? 'minified' : 'pretty' });
    case 'cfn-yaml':
      return toCloudFormation(input, { format: 'yaml' });
    case 'cfn-json':
      return toCloudFormation(input, { format: 'json' });
    case 'terraform':
      return toTerraform(input);
    case 'cdk':
      return toCdk(input);
    case 'cli':
      return toAwsCli(input);
  }
}

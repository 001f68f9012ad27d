/**
 * Trust policies for roles that an AWS service assumes.
 */
import type { CatalogView } from '../../catalog/catalog';
import { SIZE_QUOTAS, type Finding } from '../../policy/model';
import { analyze } from '../../policy/analyze';

export const TRUST_QUOTA = SIZE_QUOTAS.trust;

/** Service principals people choose most, with what they are for. */
export const COMMON_SERVICE_PRINCIPALS: readonly { readonly principal: string; readonly label: string }[] = [
  { principal: 'lambda.amazonaws.com', label: 'AWS Lambda functions' },
  { principal: 'ecs-tasks.amazonaws.com', label: 'Amazon ECS tasks' },
  { principal: 'ec2.amazonaws.com', label: 'Amazon EC2 instances' },
  { principal: 'apigateway.amazonaws.com', label: 'Amazon API Gateway (e.g. CloudWatch logging)' },
  { principal: 'states.amazonaws.com', label: 'AWS Step Functions state machines' },
  { principal: 'events.amazonaws.com', label: 'Amazon EventBridge rules' },
  { principal: 'scheduler.amazonaws.com', label: 'Amazon EventBridge Scheduler' },
  { principal: 'codebuild.amazonaws.com', label: 'AWS CodeBuild projects' },
  { principal: 'codepipeline.amazonaws.com', label: 'AWS CodePipeline' },
  { principal: 'cloudformation.amazonaws.com', label: 'AWS CloudFormation (service role)' },
  { principal: 'glue.amazonaws.com', label: 'AWS Glue jobs and crawlers' },
  { principal: 'sagemaker.amazonaws.com', label: 'Amazon SageMaker' },
  { principal: 'firehose.amazonaws.com', label: 'Amazon Data Firehose' },
  { principal: 'medialive.amazonaws.com', label: 'AWS Elemental MediaLive' },
  { principal: 'mediaconvert.amazonaws.com', label: 'AWS Elemental MediaConvert' },
  { principal: 'batch.amazonaws.com', label: 'AWS Batch' },
  { principal: 'elasticmapreduce.amazonaws.com', label: 'Amazon EMR' },
  { principal: 'datasync.amazonaws.com', label: 'AWS DataSync' },
  { principal: 'backup.amazonaws.com', label: 'AWS Backup' },
  { principal: 'ssm.amazonaws.com', label: 'AWS Systems Manager' },
  { principal: 'rds.amazonaws.com', label: 'Amazon RDS' },
  { principal: 'redshift.amazonaws.com', label: 'Amazon Redshift' },
  { principal: 'sns.amazonaws.com', label: 'Amazon SNS' },
  { principal: 'pipes.amazonaws.com', label: 'Amazon EventBridge Pipes' },
  { principal: 'bedrock.amazonaws.com', label: 'Amazon Bedrock' },
];

/** The trust policy IAM's console writes for "AWS service" roles. */
export function serviceTrustPolicy(services: readonly string[]): string {
  const unique = [...new Set(services.map((s) => s.trim()).filter(Boolean))];
  const service = unique.length === 1 ? unique[0] : unique.length === 0 ? 'SERVICE.amazonaws.com' : unique;
  return JSON.stringify(
    {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
    },
    null,
    2,
  );
}

export interface TrustCheck {
  readonly findings: readonly Finding[];
  readonly errors: readonly Finding[];
  readonly size: number;
  readonly quota: number;
  readonly over: boolean;
}

/** Parses and validates a trust policy as the server will before creating the role. */
export function checkTrustPolicy(text: string, view: CatalogView): TrustCheck {
  const { findings, size } = analyze(text, view, { kind: 'trust' });
  const errors = findings.filter((f) => f.severity === 'error');
  return { findings, errors, size: size.size, quota: TRUST_QUOTA, over: size.over };
}

/** Service prefixes a trust policy names (to load their catalog details before validating). */
export function trustServices(text: string): string[] {
  const prefixes = new Set<string>(['sts']);
  for (const m of text.matchAll(/"([a-z0-9-]+):[A-Za-z*?]/g)) if (m[1] && m[1] !== 'aws') prefixes.add(m[1]);
  return [...prefixes];
}

/**
 * A policy name suggested from what the policy allows, the way people name them by hand:
 * the first service, then the access, then what the conditions require, e.g. "ECS-ReadOnly-MFA".
 */
import type { CatalogView } from '../catalog/catalog';
import type { AccessLevel } from '../catalog/types';
import type { PolicyModel } from './model';
import { summarize, type EffectSummary } from './summary';
import { POLICY_NAME_MAX } from './iamLimits';

/** How services are usually written in names (AWS's own managed policies use these). */
const SERVICE_WORDS: Readonly<Record<string, string>> = {
  apigateway: 'APIGateway',
  'execute-api': 'ExecuteAPI',
  autoscaling: 'AutoScaling',
  cloudformation: 'CloudFormation',
  cloudfront: 'CloudFront',
  cloudtrail: 'CloudTrail',
  cloudwatch: 'CloudWatch',
  codebuild: 'CodeBuild',
  codecommit: 'CodeCommit',
  codedeploy: 'CodeDeploy',
  codepipeline: 'CodePipeline',
  'cognito-idp': 'CognitoIdP',
  dynamodb: 'DynamoDB',
  ecr: 'ECR',
  elasticache: 'ElastiCache',
  elasticbeanstalk: 'ElasticBeanstalk',
  elasticfilesystem: 'EFS',
  elasticloadbalancing: 'ELB',
  es: 'OpenSearch',
  events: 'EventBridge',
  firehose: 'Firehose',
  kinesis: 'Kinesis',
  lambda: 'Lambda',
  logs: 'CloudWatchLogs',
  mediaconvert: 'MediaConvert',
  medialive: 'MediaLive',
  mediapackage: 'MediaPackage',
  organizations: 'Organizations',
  route53: 'Route53',
  sagemaker: 'SageMaker',
  secretsmanager: 'SecretsManager',
  ssm: 'SSM',
  states: 'StepFunctions',
  stepfunctions: 'StepFunctions',
};

/** Condition keys that say something worth putting in a name. */
const CONDITION_WORDS: readonly (readonly [RegExp, string])[] = [
  [/^aws:multifactorauth(present|age)$/i, 'MFA'],
  [/^aws:sourceip$/i, 'SourceIP'],
  [/^aws:sourcevpce?$/i, 'VPC'],
  [/^aws:requestedregion$/i, 'Region'],
];

export function serviceWord(prefix: string): string {
  const known = SERVICE_WORDS[prefix.toLowerCase()];
  if (known) return known;
  if (prefix.length <= 3) return prefix.toUpperCase();
  return prefix
    .split(/[-_.]/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function accessWord(section: EffectSummary): string {
  const services = section.services;
  if (services.length > 0 && services.every((s) => s.access === 'Full')) return 'FullAccess';
  const levels = new Set<AccessLevel>();
  for (const service of services)
    for (const level of service.levels) if (level.count > 0) levels.add(level.level);
  const reads = levels.has('List') || levels.has('Read');
  const writes = levels.has('Write') || levels.has('Permissions management') || levels.has('Tagging');
  if (!writes) return levels.has('Read') ? 'ReadOnly' : 'ListOnly';
  if (!reads) {
    if (levels.size === 1 && levels.has('Tagging')) return 'Tagging';
    return 'WriteOnly';
  }
  return levels.has('Permissions management') ? 'Manage' : 'ReadWrite';
}

/** Service prefixes in the order the policy first names them. */
function prefixOrder(model: PolicyModel, effect: string): string[] {
  const order: string[] = [];
  for (const statement of model.statements) {
    if (statement.effect !== effect) continue;
    for (const action of [...(statement.action?.values ?? []), ...(statement.notAction?.values ?? [])]) {
      const prefix = action.split(':')[0]?.toLowerCase() ?? '';
      if (prefix && !order.includes(prefix)) order.push(prefix);
    }
  }
  return order;
}

function servicesPart(model: PolicyModel, section: EffectSummary, effect: string): string {
  const named = new Set(section.services.map((s) => s.prefix.toLowerCase()));
  const written = prefixOrder(model, effect);
  if (written.some((p) => p.includes('*')) || named.size > 30) return 'AllServices';
  const prefixes = written.filter((p) => named.has(p) || !p.includes('*'));
  const first = prefixes[0];
  if (!first) return '';
  const words = prefixes.slice(0, 2).map(serviceWord);
  if (prefixes.length > 2) words.push(`Plus${prefixes.length - 2}`);
  return words.join('-');
}

function conditionPart(model: PolicyModel, effect: string): string[] {
  const words: string[] = [];
  for (const statement of model.statements) {
    if (statement.effect !== effect) continue;
    for (const entry of statement.conditions) {
      const word = CONDITION_WORDS.find(([re]) => re.test(entry.key))?.[1];
      if (word && !words.includes(word)) words.push(word);
    }
  }
  return words;
}

/** e.g. "ECS-ReadOnly-MFA"; "CustomPolicy" when the policy names no actions yet. Always a valid IAM name. */
export function suggestPolicyName(model: PolicyModel | null, catalog: CatalogView): string {
  if (!model) return 'CustomPolicy';
  const summary = summarize(model, catalog);
  const allows = summary.allow.services.length > 0 || prefixOrder(model, 'Allow').length > 0;
  const effect = allows ? 'Allow' : 'Deny';
  const section = allows ? summary.allow : summary.deny;
  const services = servicesPart(model, section, effect);
  if (!services) return 'CustomPolicy';
  const access = allows ? accessWord(section) : 'Deny';
  const name = [services, access, ...conditionPart(model, effect)].join('-').replace(/[^\w+=,.@-]/g, '');
  return name.slice(0, POLICY_NAME_MAX);
}

/** The next name not in `taken` (compared case-insensitively): "Name-2", "Name-3", … */
export function nextFreeName(base: string, taken: Iterable<string>): string {
  const lower = new Set([...taken].map((t) => t.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  const stem = base.replace(/-\d+$/, '');
  for (let i = 2; ; i++) {
    const suffix = `-${i}`;
    const candidate = `${stem.slice(0, POLICY_NAME_MAX - suffix.length)}${suffix}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}

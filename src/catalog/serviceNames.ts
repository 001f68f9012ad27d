/**
 * Corrections to service names in the IAM data. Where several services share one prefix
 * (CloudFormation and Cloud Control API both use "cloudformation"), the data keeps the name
 * of whichever it read last, so "cloudformation" would be shown as "AWS Cloud Control API".
 * These give such prefixes the name people know them by. Pure data, used by the builder.
 */
export const SERVICE_NAME_OVERRIDES: Readonly<Record<string, string>> = {
  apigateway: 'Amazon API Gateway Management',
  'aws-marketplace': 'AWS Marketplace',
  cloudformation: 'AWS CloudFormation',
  elasticloadbalancing: 'Elastic Load Balancing',
  kinesisanalytics: 'Amazon Kinesis Data Analytics',
  lex: 'Amazon Lex',
  ses: 'Amazon SES',
};
